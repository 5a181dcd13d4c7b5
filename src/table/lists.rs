//! Cell text -> list items: leads, partners, outputs, milestones.
//!
//! What separates items differs by field. Leads and partners are separated by lines,
//! bullets, semicolons, commas and "&" between two roles ("Prevent Coordinator & Chair of
//! HPDG"), but "Adult & Community Learning Service" is one service. Milestones stay whole
//! unless they are clearly separate list items: "May 2013 & December 2013" is one milestone.

use std::collections::HashSet;

use super::text::{join_broken_words, squeeze_spaces, strip_bullet};

/// How a field's text is cut into items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Lead and partner agencies or roles.
    Agencies,
    /// Outputs and outcomes: one item per line or bullet.
    Lines,
    /// Milestones: one item per bullet, HTML item or paragraph; other lines are joined.
    Bullets,
}

/// Lines of a cell (its HTML markup already removed) with bullets removed; `true` when the
/// line had a bullet or started a new paragraph, i.e. starts a new list item for certain.
fn marked_lines(text: &str) -> Vec<(String, bool)> {
    let mut lines = Vec::new();
    let mut after_blank = false;
    for raw in text.lines() {
        let (line, bulleted) = strip_bullet(raw);
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        lines.push((line.to_owned(), bulleted || after_blank));
        after_blank = false;
    }
    lines
}

/// The items of a cell (or of cells joined by line breaks), its markup already removed
/// ([`strip_html`]: cells are stripped one by one, before they are joined).
pub fn items(text: &str, kind: ListKind) -> Vec<String> {
    let lines = marked_lines(text);
    let mut grouped: Vec<String> = Vec::new();
    for (line, starts_item) in lines {
        let joins_previous = kind == ListKind::Bullets && !starts_item;
        match grouped.last_mut() {
            Some(previous) if joins_previous => {
                previous.push(' ');
                previous.push_str(&line);
            }
            _ => grouped.push(line),
        }
    }
    let mut result: Vec<String> = Vec::new();
    let mut agencies_seen = Agencies::default();
    let several_lines = grouped.len() > 1;
    for item in grouped {
        let item = squeeze_spaces(&join_broken_words(&item));
        let pieces = match kind {
            ListKind::Agencies => agencies(&item, several_lines),
            ListKind::Lines | ListKind::Bullets => vec![item],
        };
        for piece in pieces {
            let piece = match kind {
                ListKind::Agencies => piece
                    .trim()
                    .trim_end_matches(['.', ',', ';'])
                    .trim()
                    .to_owned(),
                ListKind::Lines | ListKind::Bullets => piece.trim().to_owned(),
            };
            let duplicate = kind == ListKind::Agencies && !agencies_seen.first_time(&piece);
            if !piece.is_empty() && !duplicate {
                result.push(piece);
            }
        }
    }
    result
}

/// Agencies already listed, compared without ASCII case ("Police" and "POLICE" are one):
/// a set, so that a cell of thousands of distinct leads is not compared pairwise (quadratic:
/// 86 s for a limit-sized CSV).
#[derive(Default)]
pub struct Agencies(HashSet<String>);

impl Agencies {
    /// Whether `name` is listed here for the first time (and, from now on, listed).
    pub fn first_time(&mut self, name: &str) -> bool {
        self.0.insert(name.to_ascii_lowercase())
    }
}

/// Splits one line of agencies or roles.
fn agencies(line: &str, from_a_list: bool) -> Vec<String> {
    // On its own line an item may still hold several roles; commas inside a bulleted item
    // ("Library, Sport and Leisure") name one service.
    let separators: &[char] = if from_a_list { &[';'] } else { &[';', ','] };
    split_outside_brackets(line, separators)
        .into_iter()
        .flat_map(|part| split_at_slashes(&part))
        .flat_map(|part| split_between_roles(&part))
        .flat_map(|part| split_run_on_roles(&part))
        .collect()
}

fn split_outside_brackets(text: &str, separators: &[char]) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && separators.contains(&c) {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts
}

/// Words that end the name of a role or body: a conjunction after one of them starts the
/// next role ("Prevent Coordinator & Chair of HPDG"), before anything else it joins words of
/// one name ("Adult & Community Learning Service").
const ROLE_ENDINGS: &[&str] = &[
    "officer",
    "officers",
    "manager",
    "managers",
    "coordinator",
    "coordinators",
    "co-ordinator",
    "co-ordinators",
    "group",
    "groups",
    "team",
    "teams",
    "lead",
    "leads",
    "chair",
    "director",
    "directors",
    "board",
    "panel",
    "partnership",
    "forum",
    "unit",
    "service",
    "services",
    "police",
    "council",
    "trust",
    "peos",
    "members",
    "governors",
    "staff",
    "authority",
    "college",
    "colleges",
    "schools",
    "representative",
    "representatives",
];

fn is_role_ending(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    ROLE_ENDINGS
        .iter()
        .any(|ending| ending.eq_ignore_ascii_case(word))
}

fn is_acronym(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.all(char::is_uppercase)
}

/// Splits owners joined by slashes: "SY / RL", "Head of Risk /University Secretary/Head of
/// Security". A slash inside one short name ("MPS/LBH", "Health/Education Lead") stays:
/// the slash separates owners when it is spaced or when a side is itself several words.
fn split_at_slashes(text: &str) -> Vec<String> {
    let parts: Vec<&str> = text.split('/').collect();
    let spaced = text.contains(" /") || text.contains("/ ");
    let long_sides = parts
        .iter()
        .all(|part| part.split_whitespace().count() >= 2);
    if parts.len() < 2 || !(spaced || long_sides) {
        return vec![text.to_owned()];
    }
    parts.iter().map(|part| part.trim().to_owned()).collect()
}

/// Splits at " & " and " and " where the words before end a role.
fn split_between_roles(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut parts = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let conjunction = matches!(*word, "&" | "and" | "+");
        // "DSL and Head of Year 9": an acronym on its own is a whole role.
        let ends_role = current.last().is_some_and(|last| is_role_ending(last))
            || (current.len() == 1 && current.first().is_some_and(|only| is_acronym(only)));
        let more_follows = index + 1 < words.len();
        if conjunction && ends_role && more_follows {
            parts.push(current.join(" "));
            current.clear();
        } else {
            current.push(word);
        }
    }
    parts.push(current.join(" "));
    parts
}

/// Splits roles that extraction ran together on one line: "PREVENT Lead Officers LBH
/// Consultation Manager" -> "PREVENT Lead Officers", "LBH Consultation Manager". A role
/// ending followed by a capitalised word that is not itself part of the role starts a new one.
fn split_run_on_roles(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut parts = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (index, word) in words.iter().enumerate() {
        current.push(word);
        let Some(next) = words.get(index + 1) else {
            continue;
        };
        // "Director Children's Services": a possessive names the role's department.
        let possessive = next.ends_with("'s") || next.ends_with("\u{2019}s");
        let next_is_new_name =
            next.starts_with(|c: char| c.is_uppercase()) && !is_role_ending(next) && !possessive;
        // "Chair of HPDG": an acronym after "of" names the body and ends the role.
        let names_body = is_acronym(word)
            && index >= 1
            && words
                .get(index - 1)
                .is_some_and(|previous| *previous == "of");
        if (is_role_ending(word) || names_body) && next_is_new_name && current.len() >= 2 {
            parts.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        parts.push(current.join(" "));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::super::text::strip_html;
    use super::*;

    fn agencies_of(text: &str) -> Vec<String> {
        items(&strip_html(text), ListKind::Agencies)
    }

    #[test]
    fn splits_leads_between_roles_only() {
        assert_eq!(
            agencies_of("Prevent Coordinator & Chair of HPDG"),
            ["Prevent Coordinator", "Chair of HPDG"]
        );
        assert_eq!(
            agencies_of("Prevent Co- ordinator & Delivery group Chair & CYPS Deputy Director"),
            [
                "Prevent Co-ordinator",
                "Delivery group Chair",
                "CYPS Deputy Director"
            ]
        );
        assert_eq!(
            agencies_of("Staff in Adult & Community Learning Service"),
            ["Staff in Adult & Community Learning Service"]
        );
        assert_eq!(
            agencies_of("Prevent Co- ordinator, Police CSU, ASBAT"),
            ["Prevent Co-ordinator", "Police CSU", "ASBAT"]
        );
        assert_eq!(agencies_of("MPS/LBH"), ["MPS/LBH"]);
        assert_eq!(agencies_of("SY / RL"), ["SY", "RL"]);
        assert_eq!(
            agencies_of("DSL and Head of Year 9"),
            ["DSL", "Head of Year 9"]
        );
        assert_eq!(
            agencies_of("Head of Risk /University Secretary/Head of Security"),
            ["Head of Risk", "University Secretary", "Head of Security"]
        );
        assert_eq!(
            agencies_of("Assistant Director Children's Services"),
            ["Assistant Director Children's Services"]
        );
    }

    #[test]
    fn separates_roles_run_together_by_extraction() {
        assert_eq!(
            agencies_of("PREVENT Lead Officers LBH Consultation Manager"),
            ["PREVENT Lead Officers", "LBH Consultation Manager"]
        );
        assert_eq!(
            agencies_of("PREVENT Steering Group MPS/LBH"),
            ["PREVENT Steering Group", "MPS/LBH"]
        );
        assert_eq!(
            agencies_of("PREVENT Lead Officers PREVENT Steering Group"),
            ["PREVENT Lead Officers", "PREVENT Steering Group"]
        );
        assert_eq!(
            agencies_of("Prevent Coordinator & Chair of HPDG Prevent Project Officer"),
            [
                "Prevent Coordinator",
                "Chair of HPDG",
                "Prevent Project Officer"
            ]
        );
        assert_eq!(
            agencies_of("Safer Harrow Partnership member agencies"),
            ["Safer Harrow Partnership member agencies"]
        );
    }

    #[test]
    fn bulleted_lists_are_items_and_commas_inside_them_are_not() {
        assert_eq!(
            agencies_of("\u{b7} Prevent Lead\n\n\u{b7} Library, Sport and Leisure\n\u{b7} HSIP"),
            ["Prevent Lead", "Library, Sport and Leisure", "HSIP"]
        );
    }

    #[test]
    fn milestones_stay_whole_unless_bulleted() {
        assert_eq!(
            items("May 2013 & December 2013", ListKind::Bullets),
            ["May 2013 & December 2013"]
        );
        assert_eq!(
            items("Oct 2013 to\nDec 2013", ListKind::Bullets),
            ["Oct 2013 to Dec 2013"]
        );
        assert_eq!(
            items(
                "\u{b7} Council buildings by March 2016\n\n\u{b7} All other buildings by June 2016",
                ListKind::Bullets
            ),
            [
                "Council buildings by March 2016",
                "All other buildings by June 2016"
            ]
        );
        assert_eq!(
            items(
                &strip_html("<ul style=\"list-style-type: none\"> Sept 2008 March 2009 "),
                ListKind::Bullets
            ),
            ["Sept 2008 March 2009"]
        );
        assert_eq!(
            items(
                &strip_html("<ul><li>Sept 2008</li><li>March 2009</li></ul>"),
                ListKind::Bullets
            ),
            ["Sept 2008", "March 2009"]
        );
    }

    #[test]
    fn outputs_are_lines() {
        assert_eq!(
            items(
                "\u{b7} Briefing for head teachers \n\n\u{b7} Policies in place.",
                ListKind::Lines
            ),
            ["Briefing for head teachers", "Policies in place."]
        );
    }
}
