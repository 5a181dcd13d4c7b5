//! Which categories each action serves: its explicit tags (or its section's), else what its
//! text says, with the evidence for each.

use std::collections::HashSet;

use serde::Serialize;

use super::matcher::{Matcher, PhraseMatch};
use super::profile::Profile;
use crate::milestone::Span;
use crate::model::{Action, Plan};

/// Whether an action counts towards a category because it was tagged or because its text
/// says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Explicit,
    Inferred,
}

/// Why an action counts towards a category: a tag, or a phrase found in one of its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The action's id, or its JSON Pointer when it has none.
    pub action: String,
    /// JSON Pointer of the field the phrase or tag is in.
    pub field: String,
    /// The profile phrase that matched, or the tag.
    pub phrase: String,
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

/// One action's categories: (category index in the profile, evidence), in plan order.
#[derive(Debug, Default)]
pub struct Classified {
    pub evidence: Vec<(usize, Evidence)>,
    pub unknown_tags: Vec<UnknownTag>,
}

/// Classifies every action of the plan, and writes the categories it found into
/// `action.categories` (the plan as understood).
pub fn classify(plan: &mut Plan, profile: &Profile, matcher: &Matcher) -> Classified {
    let mut classified = Classified::default();
    for (section_index, section) in plan.sections.iter_mut().enumerate() {
        let section_pointer = format!("/sections/{section_index}");
        let section_tags = tags(
            &section.categories,
            &format!("{section_pointer}/categories"),
            profile,
        );
        classified
            .unknown_tags
            .extend(
                section_tags
                    .unknown
                    .into_iter()
                    .map(|(tag, pointer)| UnknownTag {
                        tag,
                        pointer,
                        action: None,
                    }),
            );
        let section_text = SectionText {
            title: &section.title,
            description: section.description.as_deref(),
        };
        let mut section_matches: Option<Vec<(usize, Evidence)>> = None;
        for (action_index, action) in section.actions.iter_mut().enumerate() {
            let action_pointer = format!("{section_pointer}/actions/{action_index}");
            let name = action_name(action, &action_pointer);
            let own_tags = tags(
                &action.categories,
                &format!("{action_pointer}/categories"),
                profile,
            );
            classified
                .unknown_tags
                .extend(
                    own_tags
                        .unknown
                        .into_iter()
                        .map(|(tag, pointer)| UnknownTag {
                            tag,
                            pointer,
                            action: Some(name.clone()),
                        }),
                );
            let explicit: Vec<(usize, Evidence)> = own_tags
                .known
                .iter()
                .chain(&section_tags.known)
                .map(|(category, tag, pointer)| {
                    (
                        *category,
                        evidence(
                            &name,
                            pointer.clone(),
                            tag,
                            Span {
                                start: 0,
                                end: tag.len(),
                            },
                            Source::Explicit,
                        ),
                    )
                })
                .collect();
            let found = if explicit.is_empty() {
                let from_section = section_matches.get_or_insert_with(|| {
                    match_section(&section_text, &section_pointer, profile, matcher)
                });
                let mut found = match_action(action, &action_pointer, &name, profile, matcher);
                found.extend(from_section.iter().map(|(category, found)| {
                    (
                        *category,
                        Evidence {
                            action: name.clone(),
                            ..found.clone()
                        },
                    )
                }));
                found
            } else {
                explicit
            };
            let mut seen: HashSet<usize> = HashSet::new();
            for (category, _) in &found {
                if seen.insert(*category) {
                    if let Some(category) = profile.categories.get(*category) {
                        if !action.categories.contains(&category.id) {
                            action.categories.push(category.id.clone());
                        }
                    }
                }
            }
            classified.evidence.extend(found);
        }
    }
    classified
}

/// The section's own fields, borrowed apart from its actions (which are being updated).
struct SectionText<'a> {
    title: &'a str,
    description: Option<&'a str>,
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

fn match_section(
    section: &SectionText<'_>,
    pointer: &str,
    profile: &Profile,
    matcher: &Matcher,
) -> Vec<(usize, Evidence)> {
    let mut found = Vec::new();
    let fields = [
        ("title", Some(section.title)),
        ("description", section.description),
    ];
    for (field, text) in fields {
        if let Some(text) = text.filter(|text| is_heading(text)) {
            found.extend(matched(
                matcher,
                text,
                profile,
                String::new(),
                &format!("{pointer}/{field}"),
            ));
        }
    }
    found
}

fn match_action(
    action: &Action,
    pointer: &str,
    name: &str,
    profile: &Profile,
    matcher: &Matcher,
) -> Vec<(usize, Evidence)> {
    let mut found = matched(
        matcher,
        &action.description,
        profile,
        name.to_owned(),
        &format!("{pointer}/description"),
    );
    if let Some(objective) = &action.objective {
        found.extend(matched(
            matcher,
            objective,
            profile,
            name.to_owned(),
            &format!("{pointer}/objective"),
        ));
    }
    for (index, output) in action.outputs.iter().enumerate() {
        found.extend(matched(
            matcher,
            output,
            profile,
            name.to_owned(),
            &format!("{pointer}/outputs/{index}"),
        ));
    }
    found
}

fn matched(
    matcher: &Matcher,
    text: &str,
    profile: &Profile,
    action: String,
    field: &str,
) -> Vec<(usize, Evidence)> {
    matcher
        .find(text)
        .into_iter()
        .map(
            |PhraseMatch {
                 category,
                 phrase,
                 start,
                 end,
             }| {
                let phrase = profile
                    .categories
                    .get(category)
                    .and_then(|category| category.phrases.get(phrase))
                    .cloned()
                    .unwrap_or_default();
                (
                    category,
                    evidence(
                        &action,
                        field.to_owned(),
                        &phrase,
                        Span { start, end },
                        Source::Inferred,
                    ),
                )
            },
        )
        .collect()
}

fn evidence(action: &str, field: String, phrase: &str, span: Span, source: Source) -> Evidence {
    Evidence {
        action: action.to_owned(),
        field,
        phrase: phrase.to_owned(),
        span,
        source,
    }
}

/// How coverage names an action: its id, or its JSON Pointer.
fn action_name(action: &Action, pointer: &str) -> String {
    match action.id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => id.to_owned(),
        _ => pointer.to_owned(),
    }
}

struct Tags {
    /// (category index, tag, pointer)
    known: Vec<(usize, String, String)>,
    /// (tag, pointer)
    unknown: Vec<(String, String)>,
}

fn tags(list: &[String], pointer: &str, profile: &Profile) -> Tags {
    let mut tags = Tags {
        known: Vec::new(),
        unknown: Vec::new(),
    };
    for (index, tag) in list.iter().enumerate() {
        let tag_pointer = format!("{pointer}/{index}");
        match profile
            .categories
            .iter()
            .position(|category| category.id == *tag)
        {
            Some(category) => tags.known.push((category, tag.clone(), tag_pointer)),
            None => tags.unknown.push((tag.clone(), tag_pointer)),
        }
    }
    tags
}
