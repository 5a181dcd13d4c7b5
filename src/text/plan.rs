//! The tokens of every text field of a plan, read once by the analysis and shared by the
//! rules that read words.

use super::{tokenize, Token};
use crate::model::{Action, Plan};

/// The tokens of one text field (none for an absent field): a range of the plan's tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Field {
    start: u32,
    end: u32,
}

/// The fields of a list (outputs, leads, ...): a range of the plan's list fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldList {
    start: u32,
    end: u32,
}

/// The tokens of every text field of a plan, in the plan's shape.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanText {
    tokens: Vec<Token>,
    lists: Vec<Field>,
    pub title: Field,
    pub authority: Field,
    pub sections: Vec<SectionText>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionText {
    pub title: Field,
    pub description: Field,
    pub actions: Vec<ActionText>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActionText {
    pub description: Field,
    pub objective: Field,
    pub outputs: FieldList,
    pub leads: FieldList,
    pub partners: FieldList,
    /// The milestones' texts.
    pub milestones: FieldList,
    /// The status's text.
    pub status: Field,
    pub requirement: Field,
    pub evidence: Field,
}

/// Offsets into the token and list vectors; a plan's text is at most `MAX_INPUT_BYTES`
/// (16 MB), so fewer than 2^32 tokens.
fn offset(length: usize) -> u32 {
    u32::try_from(length).unwrap_or(u32::MAX)
}

impl PlanText {
    /// Reads every text field of the plan.
    pub fn new(plan: &Plan) -> PlanText {
        let mut text = PlanText {
            // Most words are three to eight letters and a separator: a guess that saves
            // most of the growing.
            tokens: Vec::with_capacity(plan_bytes(plan) / 6),
            ..PlanText::default()
        };
        text.title = text.field(plan.title.as_deref());
        text.authority = text.field(plan.authority.as_deref());
        let sections = plan
            .sections
            .iter()
            .map(|section| SectionText {
                title: text.field(Some(&section.title)),
                description: text.field(section.description.as_deref()),
                actions: section
                    .actions
                    .iter()
                    .map(|action| text.action(action))
                    .collect(),
            })
            .collect();
        text.sections = sections;
        text
    }

    /// The tokens of a field.
    pub fn tokens(&self, field: Field) -> &[Token] {
        self.tokens
            .get(field.start as usize..field.end as usize)
            .unwrap_or_default()
    }

    /// The fields of a list, in order.
    pub fn list(&self, list: FieldList) -> &[Field] {
        self.lists
            .get(list.start as usize..list.end as usize)
            .unwrap_or_default()
    }

    fn field(&mut self, text: Option<&str>) -> Field {
        let start = offset(self.tokens.len());
        if let Some(text) = text {
            tokenize(text, &mut self.tokens);
        }
        Field {
            start,
            end: offset(self.tokens.len()),
        }
    }

    fn field_list<'t>(&mut self, texts: impl Iterator<Item = &'t str>) -> FieldList {
        let start = offset(self.lists.len());
        for text in texts {
            let field = self.field(Some(text));
            self.lists.push(field);
        }
        FieldList {
            start,
            end: offset(self.lists.len()),
        }
    }

    fn action(&mut self, action: &Action) -> ActionText {
        ActionText {
            description: self.field(Some(&action.description)),
            objective: self.field(action.objective.as_deref()),
            outputs: self.field_list(action.outputs.iter().map(String::as_str)),
            leads: self.field_list(action.leads.iter().map(String::as_str)),
            partners: self.field_list(action.partners.iter().map(String::as_str)),
            milestones: self.field_list(action.milestones.iter().map(|m| m.text.as_str())),
            status: self.field(action.status.as_ref().map(|status| status.text.as_str())),
            requirement: self.field(action.requirement.as_deref()),
            evidence: self.field(action.evidence.as_deref()),
        }
    }
}

/// The bytes of the action texts, for sizing the token list.
fn plan_bytes(plan: &Plan) -> usize {
    plan.actions()
        .map(|action| {
            let action = action.action;
            action.description.len()
                + action.objective.as_ref().map_or(0, String::len)
                + action.outputs.iter().map(String::len).sum::<usize>()
        })
        .sum()
}
