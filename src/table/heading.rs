//! Rows that are not actions: section headings inside the table ("OBJECTIVE 2: ...",
//! "Issue / Risk 3 - ...", "Priority: Leadership", "2. Training"), the title above it
//! ("Prevent Delivery Plan 2019-20") and strategic priorities listed before it.

use crate::date::Period;

use super::text::{ends_mid_phrase, split_action_id};

/// A section heading: its id when numbered, and its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub id: Option<String>,
    pub title: String,
}

/// Words that introduce a section when followed by a number or a colon or dash.
const SECTION_WORDS: &[&str] = &[
    "strategic priority",
    "strategic objective",
    "issue / risk",
    "issue/risk",
    "issue",
    "risk",
    "objective",
    "priority",
    "theme",
    "section",
    "strand",
    "outcome",
    "workstream",
    "work stream",
    "area",
    "category",
    "benchmark",
    "aim",
    "goal",
    "part",
];

/// A heading introduced by a section word: "OBJECTIVE 3 EFFECTIVE ...", "Priority: Leadership".
/// "Risk assessment" is not one: the word must be followed by a number or a separator.
pub fn keyword_heading(text: &str) -> Option<Heading> {
    let text = text.trim();
    let lower = text.to_lowercase();
    let word = SECTION_WORDS.iter().find(|word| {
        lower.starts_with(**word)
            && !lower
                .get(word.len()..)
                .unwrap_or_default()
                .starts_with(char::is_alphabetic)
    })?;
    let rest = text.get(word.len()..)?.trim_start();
    let (id, after_id) = if starts_like_id(rest) {
        let id_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .unwrap_or(rest.len());
        (
            Some(rest.get(..id_len)?.trim_end_matches('.').to_owned()),
            rest.get(id_len..)?,
        )
    } else {
        (None, rest)
    };
    let after_separator = after_id
        .trim_start()
        .trim_start_matches([':', '-', '\u{2013}', '.', ')']);
    let separated = after_separator.len() != after_id.trim_start().len();
    if id.is_none() && !separated {
        return None;
    }
    let title = after_separator.trim().to_owned();
    if title.is_empty() && id.is_none() {
        return None;
    }
    Some(Heading { id, title })
}

/// "3", "12", "2a", "A": a short token made of digits (and at most a letter).
fn starts_like_id(text: &str) -> bool {
    let token: String = text
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let digits = token.chars().filter(char::is_ascii_digit).count();
    !token.is_empty() && token.len() <= 3 && digits >= token.len().saturating_sub(1) && digits > 0
}

/// Section headings are short; a longer lone cell is an action or a note.
const MAX_HEADING_WORDS: usize = 8;
const MAX_HEADING_CHARS: usize = 80;

/// A heading given as a lone short cell: "Governance", "2. Training".
pub fn lone_cell_heading(text: &str) -> Option<Heading> {
    let text = text.trim();
    if text.is_empty()
        || text.chars().count() > MAX_HEADING_CHARS
        || text.split_whitespace().count() > MAX_HEADING_WORDS
        || text.ends_with('.')
        || ends_mid_phrase(text)
        || !text.chars().any(char::is_alphabetic)
        || text.starts_with(|c: char| c.is_lowercase())
    {
        return None;
    }
    if let Some(heading) = keyword_heading(text) {
        return Some(heading);
    }
    Some(match split_action_id(text) {
        Some((id, title)) => Heading {
            id: Some(id.to_owned()),
            title: title.to_owned(),
        },
        None => Heading {
            id: None,
            title: text.to_owned(),
        },
    })
}

/// A short label that introduces what follows: "Potential Risks:", "Key actions:".
pub fn label_heading(text: &str) -> Option<Heading> {
    let title = text.trim().strip_suffix(':')?.trim();
    let words = title.split_whitespace().count();
    ((1..=6).contains(&words) && title.starts_with(|c: char| c.is_uppercase())).then(|| Heading {
        id: None,
        title: title.to_owned(),
    })
}

/// A toolkit or self-assessment question heading the rows that answer it: "Does the
/// institution have a single point of contact for Prevent?".
pub fn question_heading(text: &str) -> Option<Heading> {
    let text = text.trim();
    let words = text.split_whitespace().count();
    (text.ends_with('?') && (3..=60).contains(&words)).then(|| match split_action_id(text) {
        Some((id, title)) => Heading {
            id: Some(id.to_owned()),
            title: title.to_owned(),
        },
        None => Heading {
            id: None,
            title: text.to_owned(),
        },
    })
}

/// Words that name the body a plan belongs to, in a line above the title.
const BODY_WORDS: &[&str] = &[
    "council",
    "borough",
    "county",
    "university",
    "college",
    "school",
    "academy",
    "trust",
    "nhs",
    "authority",
    "foundation",
    "federation",
    "partnership",
];

/// A line naming the body: "University of Westford", "Northshire Community Healthcare NHS
/// Trust".
pub fn names_body(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    (1..=8).contains(&words.len())
        && text.starts_with(|c: char| c.is_uppercase())
        && words.iter().any(|word| BODY_WORDS.contains(&word.as_str()))
}

/// Verbs plans start their actions with ("Deliver WRAP training", "Review the policy"):
/// a lone cell that starts with one is a draft action, not a section heading.
const ACTION_VERBS: &[&str] = &[
    "agree",
    "analyse",
    "appoint",
    "arrange",
    "assess",
    "attend",
    "audit",
    "brief",
    "build",
    "carry",
    "check",
    "circulate",
    "collate",
    "commission",
    "complete",
    "conduct",
    "confirm",
    "consider",
    "consult",
    "continue",
    "coordinate",
    "co-ordinate",
    "create",
    "deliver",
    "design",
    "develop",
    "disseminate",
    "distribute",
    "embed",
    "engage",
    "ensure",
    "establish",
    "evaluate",
    "explore",
    "extend",
    "facilitate",
    "formalise",
    "hold",
    "identify",
    "implement",
    "improve",
    "include",
    "increase",
    "introduce",
    "invite",
    "issue",
    "launch",
    "maintain",
    "map",
    "monitor",
    "nominate",
    "offer",
    "organise",
    "prepare",
    "produce",
    "promote",
    "provide",
    "publish",
    "raise",
    "recruit",
    "refresh",
    "report",
    "respond",
    "review",
    "revise",
    "roll",
    "run",
    "secure",
    "seek",
    "set",
    "share",
    "strengthen",
    "support",
    "test",
    "train",
    "undertake",
    "update",
    "use",
    "work",
    "write",
];

/// Whether text starts with a verb of doing ("Deliver ...", "Review the panel"): a draft
/// action. "Review and monitoring" or "REVIEW" uses the word as a noun, as headings do.
pub fn starts_with_verb(text: &str) -> bool {
    let text = split_action_id(text).map_or(text, |(_, rest)| rest);
    let shouting = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    let mut words = text.split_whitespace().map(|word| {
        word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase()
    });
    let verb = words
        .next()
        .is_some_and(|word| ACTION_VERBS.contains(&word.as_str()));
    let noun = matches!(words.next().as_deref(), None | Some("and" | "&" | "of"));
    verb && !noun && !shouting
}

/// A period label inside a title and its dates, in the shapes plans use: "2008-11",
/// "2020/23", "2015 - 18", "2019 – 2021 (2019 – 2020 Version)" (the first period),
/// "2013/14 - 2015/16" (from the first year to the end of the last). A year after a month
/// ("February 2017", "VERSION 1.0 NOVEMBER 2015") dates the document: it is no period.
pub fn period_label(text: &str) -> Option<(String, Period)> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ':'))
        .filter(|token| !token.is_empty())
        .collect();
    let is_dash = |token: &&str| matches!(*token, "-" | "\u{2013}" | "to");
    let mut index = 0;
    while let Some(token) = tokens.get(index) {
        let dated = index
            .checked_sub(1)
            .and_then(|before| tokens.get(before))
            .is_some_and(|before| is_month(before));
        let spaced = tokens
            .get(index + 1)
            .filter(|dash| is_dash(dash))
            .and(tokens.get(index + 2))
            .filter(|second| year_part(token) && year_part(second));
        let candidate = match spaced {
            Some(second) => {
                index += 2;
                format!("{token}-{second}")
            }
            None => (*token).to_owned(),
        };
        index += 1;
        let label = candidate.trim_matches(|c: char| !c.is_ascii_digit());
        if dated || label.is_empty() {
            continue;
        }
        if let Some(period) = year_span(label).or_else(|| Period::parse(label)) {
            return Some((label.to_owned(), period));
        }
    }
    None
}

fn is_month(word: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let word = word.to_lowercase();
    word.len() >= 3 && MONTHS.iter().any(|month| word.starts_with(month))
}

/// "2015", "18", "2013/14": one side of a period written with a spaced dash.
fn year_part(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_ascii_digit());
    let (first, second) = token.split_once('/').unwrap_or((token, "00"));
    [first, second]
        .iter()
        .all(|part| matches!(part.len(), 2 | 4) && part.bytes().all(|b| b.is_ascii_digit()))
}

/// "2013/14-2015/16": from the start of the first financial year to the end of the last.
fn year_span(label: &str) -> Option<Period> {
    let (first, last) = label.split_once('-')?;
    if !first.contains('/') || !last.contains('/') {
        return None;
    }
    let first = Period::parse(first)?;
    let last = Period::parse(last)?;
    (first.start <= last.end).then_some(Period {
        start: first.start,
        end: last.end,
    })
}

/// Words of plan titles that do not name the authority.
const TITLE_WORDS: &[&str] = &[
    "draft",
    "final",
    "prevent",
    "action",
    "delivery",
    "plan",
    "strategy",
    "strategic",
    "duty",
    "the",
    "for",
    "of",
    "and",
    "partnership",
    "local",
    "report",
    "annual",
    "update",
    "updated",
    "version",
    "appendix",
    "counter",
    "terrorism",
    "work",
    "programme",
    "revised",
    "refreshed",
    "year",
    "v1",
    "v2",
];

/// The authority named in a title: "Draft Prevent Delivery Plan - Haringey 2013-14" ->
/// "Haringey"; "PREVENT ACTION PLAN 2008-11" names none.
pub fn authority(title: &str) -> Option<String> {
    let without_period = match period_label(title) {
        Some((label, _)) => title.replacen(&label, " ", 1),
        None => title.to_owned(),
    };
    let segments = without_period.split(['-', '\u{2013}', ':', '|', '(', ')', ',']);
    let named: Vec<String> = segments
        .map(|segment| {
            let words: Vec<&str> = segment.split_whitespace().collect();
            let generic =
                |word: &&str| TITLE_WORDS.contains(&word.to_lowercase().trim_matches('\''));
            // Keep the words between the generic ones at either end: "London Borough of Harrow".
            let start = words
                .iter()
                .position(|word| !generic(word))
                .unwrap_or(words.len());
            let end = words
                .iter()
                .rposition(|word| !generic(word))
                .map_or(start, |index| index + 1);
            words.get(start..end).unwrap_or_default().join(" ")
        })
        .filter(|segment| {
            segment.chars().next().is_some_and(char::is_uppercase)
                && segment.chars().any(char::is_alphabetic)
        })
        .collect();
    (named.len() == 1)
        .then(|| named.into_iter().next())
        .flatten()
}

/// Whether a row above the header looks like the plan's title.
pub fn is_title(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words = text.split_whitespace().count();
    (1..=14).contains(&words)
        && (lower.contains("plan") || lower.contains("prevent") || period_label(text).is_some())
}

/// A strategic priority listed above the table: "- 1) Respond to ideological challenge ...".
pub fn strategic_priority(text: &str) -> Option<(String, String)> {
    let text = text
        .trim()
        .trim_start_matches(['-', '\u{2022}', '\u{b7}', '*'])
        .trim_start();
    let text = text.strip_prefix('(').unwrap_or(text);
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = text.get(digits.len()..)?.strip_prefix(')')?.trim();
    (!rest.is_empty()).then(|| (digits, rest.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(id: Option<&str>, title: &str) -> Option<Heading> {
        Some(Heading {
            id: id.map(str::to_owned),
            title: title.to_owned(),
        })
    }

    #[test]
    fn reads_keyword_headings() {
        assert_eq!(
            keyword_heading("OBJECTIVE 2: KNOWLEDGE AND UNDERSTANDING."),
            heading(Some("2"), "KNOWLEDGE AND UNDERSTANDING.")
        );
        assert_eq!(
            keyword_heading("OBJECTIVE 3 EFFECTIVE DEVELOPMENT"),
            heading(Some("3"), "EFFECTIVE DEVELOPMENT")
        );
        assert_eq!(
            keyword_heading("Issue / Risk 1 - Joint strategic governance"),
            heading(Some("1"), "Joint strategic governance")
        );
        assert_eq!(
            keyword_heading("Priority: Leadership"),
            heading(None, "Leadership")
        );
        assert_eq!(keyword_heading("Risk assessment"), None);
        assert_eq!(keyword_heading("Objectives"), None);
        assert_eq!(
            keyword_heading("Theme 2a \u{2013} Training"),
            heading(Some("2a"), "Training")
        );
    }

    #[test]
    fn tells_draft_actions_from_headings() {
        assert!(starts_with_verb("Train school governors"));
        assert!(starts_with_verb(
            "3. Review the Channel panel terms of reference"
        ));
        assert!(!starts_with_verb("Review and monitoring"));
        assert!(!starts_with_verb("TRAIN STAFF"));
        assert!(!starts_with_verb("Governance"));
    }

    #[test]
    fn reads_lone_cell_headings() {
        assert_eq!(lone_cell_heading("Governance"), heading(None, "Governance"));
        assert_eq!(
            lone_cell_heading("2. Training"),
            heading(Some("2"), "Training")
        );
        assert_eq!(lone_cell_heading("Broadening Channel -"), None);
        assert_eq!(
            lone_cell_heading("Establish and chair a CHANNEL Panel."),
            None
        );
        assert_eq!(lone_cell_heading("resources"), None);
    }

    #[test]
    fn reads_titles() {
        assert_eq!(
            period_label("PREVENT ACTION PLAN 2008-11").map(|(label, _)| label),
            Some("2008-11".into())
        );
        assert_eq!(
            authority("Draft Prevent Delivery Plan - Haringey 2013-14"),
            Some("Haringey".into())
        );
        assert_eq!(
            authority("London Borough of Harrow Prevent Action Plan 2015/16"),
            Some("London Borough of Harrow".into())
        );
        assert_eq!(authority("PREVENT ACTION PLAN 2008-11"), None);
        assert_eq!(authority("PREVENT \u{2013} DELIVERY PLAN"), None);
        assert!(is_title("Prevent Delivery Plan 2019-20"));
        let period = |title: &str| {
            period_label(title)
                .map(|(label, period)| (label, period.start.to_string(), period.end.to_string()))
        };
        let expect = |label: &str, start: &str, end: &str| {
            Some((label.to_owned(), start.to_owned(), end.to_owned()))
        };
        assert_eq!(
            period("Prevent Action Plan 2019 \u{2013} 2021 (2019 \u{2013} 2020 Version)"),
            expect("2019-2021", "2019-04-01", "2021-03-31")
        );
        assert_eq!(
            period("Prevent Strategy 2020/23"),
            expect("2020/23", "2020-04-01", "2023-03-31")
        );
        assert_eq!(
            period("PREVENT DELIVERY PLAN 2015 - 18"),
            expect("2015-18", "2015-04-01", "2018-03-31")
        );
        assert_eq!(
            period("Prevent Action Plan 2013/14 - 2015/16"),
            expect("2013/14-2015/16", "2013-04-01", "2016-03-31")
        );
        assert_eq!(period("Prevent action plan February 2017"), None);
        assert_eq!(
            period("PREVENT ACTION PLAN VERSION 1.0 NOVEMBER 2015"),
            None
        );
        assert_eq!(
            strategic_priority("- 1) Respond to ideological challenge"),
            Some(("1".into(), "Respond to ideological challenge".into()))
        );
    }
}
