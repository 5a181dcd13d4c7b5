//! Which categories each action serves: its explicit tags (or its section's), else what its
//! text says, with the evidence for each.

use std::sync::Arc;

use serde::Serialize;

use super::matcher::Matcher;
use super::profile::Profile;
use crate::milestone::Span;
use crate::model::{Action, Plan};
use crate::text::{ActionText, PlanText, Token};

/// Whether an action counts towards a category because it was tagged or because its text
/// says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Explicit,
    Inferred,
}

/// Why an action (or the plan as a whole) counts towards a category: a tag, or a phrase found
/// in one of its fields. The strings are shared: a large plan has many pieces of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The action's id, or its JSON Pointer when it has none; absent for the plan's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Arc<str>>,
    /// JSON Pointer of the field the phrase or tag is in.
    pub field: Arc<str>,
    /// The profile phrase that matched, or the tag.
    pub phrase: Arc<str>,
    /// Byte span inside the field's text.
    pub span: Span,
    pub source: Source,
}

/// A category tag that is not a category of the profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTag {
    pub tag: String,
    /// JSON Pointer of the tag.
    pub pointer: String,
    /// The action it is on; `None` for a section's tag.
    pub action: Option<String>,
}

/// Every action's categories: (category index in the profile, evidence), in plan order.
#[derive(Debug, Default)]
pub struct Classified {
    pub evidence: Vec<(usize, Evidence)>,
    pub unknown_tags: Vec<UnknownTag>,
}

/// Classifies every action of the plan, and writes the categories it found into
/// `action.categories` (the plan as understood).
pub fn classify(
    plan: &mut Plan,
    text: &PlanText,
    profile: &Profile,
    matcher: &Matcher,
) -> Classified {
    let mut classified = Classified::default();
    // "Prevent Delivery Plan 2019-20": the document is itself the partnership plan.
    if let Some(title) = plan.title.as_deref().filter(|title| is_heading(title)) {
        let words = text.tokens(text.title);
        classified.evidence.extend(matched(
            matcher,
            title,
            words,
            None,
            ("", Field::Named("title")),
        ));
    }
    let sections = plan.sections.iter_mut().zip(&text.sections);
    for (section_index, (section, section_text)) in sections.enumerate() {
        let section_pointer = format!("/sections/{section_index}");
        let section_tags = read_tags(
            &section.categories,
            &section_pointer,
            None,
            profile,
            &mut classified.unknown_tags,
        );
        let heading = SectionText {
            title: (&section.title, text.tokens(section_text.title)),
            description: section
                .description
                .as_deref()
                .map(|description| (description, text.tokens(section_text.description))),
        };
        // Matched once per section, on the first action that needs it.
        let mut lent: Option<Vec<(usize, Evidence)>> = None;
        let actions = section.actions.iter_mut().zip(&section_text.actions);
        for (action_index, (action, action_text)) in actions.enumerate() {
            let pointer = format!("{section_pointer}/actions/{action_index}");
            let name = action_name(action, &pointer);
            let own_tags = read_tags(
                &action.categories,
                &pointer,
                Some(&name),
                profile,
                &mut classified.unknown_tags,
            );
            let found: Vec<(usize, Evidence)> = if own_tags.is_empty() && section_tags.is_empty() {
                let lent =
                    lent.get_or_insert_with(|| match_section(&heading, &section_pointer, matcher));
                let words = ActionWords {
                    action,
                    text: action_text,
                    plan: text,
                };
                let mut found = match_action(&words, &pointer, &name, matcher);
                found.extend(lent.iter().map(|(category, evidence)| {
                    let evidence = Evidence {
                        action: Some(name.clone()),
                        ..evidence.clone()
                    };
                    (*category, evidence)
                }));
                found
            } else {
                own_tags
                    .iter()
                    .chain(&section_tags)
                    .map(|tag| tag.evidence(&name))
                    .collect()
            };
            record_categories(action, &found, profile);
            classified.evidence.extend(found);
        }
    }
    classified
}

/// Adds the categories found to the action's own list, once each, in the order found.
fn record_categories(action: &mut Action, found: &[(usize, Evidence)], profile: &Profile) {
    for (category, _) in found {
        if let Some(category) = profile.categories.get(*category) {
            if !action.categories.contains(&category.id) {
                action.categories.push(category.id.clone());
            }
        }
    }
}

/// The section's own fields with their tokens, borrowed apart from its actions (which are
/// being updated).
struct SectionText<'a> {
    title: (&'a str, &'a [Token]),
    description: Option<(&'a str, &'a [Token])>,
}

/// An action's fields and their tokens.
struct ActionWords<'a> {
    action: &'a Action,
    text: &'a ActionText,
    plan: &'a PlanText,
}

/// A section's title or description lends its categories to every action of the section when
/// it is a heading ("Training", "Priority: Partnership Working", "Issue / Risk 2 -
/// Engagement"). A longer objective ("Effective development of an action plan to build the
/// resilience of communities ...") states what the actions achieve together, not what each
/// one does: its actions are judged by their own words. Numbering ("Objective 1") does not
/// count as a word.
const HEADING_WORDS: usize = 8;

fn is_heading(text: &str) -> bool {
    text.split(|character: char| !character.is_alphanumeric())
        .filter(|word| word.chars().any(char::is_alphabetic))
        .count()
        <= HEADING_WORDS
}

/// A section text lends its categories: a heading, or a toolkit question ("Does the
/// institution have a single point of contact?") whose rows answer it.
fn lends(text: &str) -> bool {
    is_heading(text) || text.trim_end().ends_with('?')
}

fn match_section(
    section: &SectionText<'_>,
    pointer: &str,
    matcher: &Matcher,
) -> Vec<(usize, Evidence)> {
    let fields = [
        ("title", Some(section.title)),
        ("description", section.description),
    ];
    fields
        .into_iter()
        .filter_map(|(field, text)| Some((field, text.filter(|(text, _)| lends(text))?)))
        .flat_map(|(field, (text, words))| {
            matched(matcher, text, words, None, (pointer, Field::Named(field)))
        })
        .collect()
}

fn match_action(
    words: &ActionWords<'_>,
    pointer: &str,
    name: &Arc<str>,
    matcher: &Matcher,
) -> Vec<(usize, Evidence)> {
    let ActionWords { action, text, plan } = *words;
    let description = std::iter::once((
        Field::Named("description"),
        action.description.as_str(),
        plan.tokens(text.description),
    ));
    let objective = action.objective.as_deref().map(|objective| {
        (
            Field::Named("objective"),
            objective,
            plan.tokens(text.objective),
        )
    });
    let outputs = action
        .outputs
        .iter()
        .zip(plan.list(text.outputs))
        .enumerate()
        .map(|(index, (output, field))| {
            (Field::Output(index), output.as_str(), plan.tokens(*field))
        });
    // A row of a self-assessment that records what is in place ("Work to date") and no
    // action counts by its evidence; beside an action the action says what the row is about
    // (evidence there mentions whatever is already done). The requirement or toolkit
    // question a row answers counts when the row answers it. The evidence names the field.
    let has_action = !action.description.trim().is_empty();
    let evidence = action
        .evidence
        .as_deref()
        .filter(|text| !text.trim().is_empty());
    let answered = evidence.is_some() || has_action;
    let evidence = evidence.filter(|_| !has_action);
    let requirement = action
        .requirement
        .as_deref()
        .filter(|_| answered)
        .map(|requirement| {
            let words = plan.tokens(text.requirement);
            (Field::Named("requirement"), requirement, words)
        });
    let evidence = evidence.map(|evidence| {
        (
            Field::Named("evidence"),
            evidence,
            plan.tokens(text.evidence),
        )
    });
    description
        .chain(objective)
        .chain(outputs)
        .chain(requirement)
        .chain(evidence)
        .flat_map(|(field, text, words)| {
            matched(matcher, text, words, Some(name), (pointer, field))
        })
        .collect()
}

/// A text field of a plan, section or action, named in the JSON Pointers of evidence.
#[derive(Clone, Copy)]
enum Field {
    Named(&'static str),
    Output(usize),
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Named(name) => f.write_str(name),
            Field::Output(index) => write!(f, "outputs/{index}"),
        }
    }
}

/// The phrases found in a field, as evidence; `(owner, field)` is its pointer, written only
/// when something is found (most fields match nothing).
fn matched(
    matcher: &Matcher,
    text: &str,
    words: &[Token],
    action: Option<&Arc<str>>,
    (owner, field): (&str, Field),
) -> Vec<(usize, Evidence)> {
    let found = matcher.find(text, words);
    if found.is_empty() {
        return Vec::new();
    }
    let field: Arc<str> = Arc::from(format!("{owner}/{field}"));
    found
        .iter()
        .filter_map(|found| {
            let evidence = Evidence {
                action: action.cloned(),
                field: field.clone(),
                phrase: matcher.phrase(found)?.clone(),
                span: Span {
                    start: found.start,
                    end: found.end,
                },
                source: Source::Inferred,
            };
            Some((found.category, evidence))
        })
        .collect()
}

/// How coverage names an action: its id, or its JSON Pointer.
fn action_name(action: &Action, pointer: &str) -> Arc<str> {
    match action.id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => Arc::from(id),
        _ => Arc::from(pointer),
    }
}

/// A tag that names a category of the profile.
struct Tag {
    category: usize,
    text: Arc<str>,
    pointer: Arc<str>,
}

impl Tag {
    fn evidence(&self, action: &Arc<str>) -> (usize, Evidence) {
        let evidence = Evidence {
            action: Some(action.clone()),
            field: self.pointer.clone(),
            phrase: self.text.clone(),
            span: Span {
                start: 0,
                end: self.text.len(),
            },
            source: Source::Explicit,
        };
        (self.category, evidence)
    }
}

/// The known tags of `owner` (a section or action at that pointer); unknown ones go to
/// `unknown`.
fn read_tags(
    list: &[String],
    owner: &str,
    action: Option<&Arc<str>>,
    profile: &Profile,
    unknown: &mut Vec<UnknownTag>,
) -> Vec<Tag> {
    let mut known = Vec::new();
    for (index, tag) in list.iter().enumerate() {
        let pointer = format!("{owner}/categories/{index}");
        match profile
            .categories
            .iter()
            .position(|category| category.id == *tag)
        {
            Some(category) => known.push(Tag {
                category,
                text: Arc::from(tag.as_str()),
                pointer: Arc::from(pointer),
            }),
            None => unknown.push(UnknownTag {
                tag: tag.clone(),
                pointer,
                action: action.map(|action| action.to_string()),
            }),
        }
    }
    known
}
