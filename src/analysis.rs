//! Reading the free text of a plan once into its typed meaning: milestones, statuses, and
//! the words of every text field. Rules only read what this stage produced.

use crate::date::Period;
use crate::milestone::{self, ParseContext};
use crate::model::{Plan, Status, StatusValue};
use crate::status;
use crate::text::PlanText;

/// Fills in the derived fields of a plan, and reads its words.
pub fn analyze(plan: &mut Plan, period: Option<Period>) -> PlanText {
    let context = ParseContext { period };
    // Statuses are read from the words of their text.
    let words = PlanText::new(plan);
    let actions = words
        .sections
        .iter()
        .flat_map(|section| section.actions.iter());
    for (action, action_text) in plan
        .sections
        .iter_mut()
        .flat_map(|section| section.actions.iter_mut())
        .zip(actions)
    {
        for milestone in &mut action.milestones {
            milestone.parsed = Some(milestone::parse(&milestone.text, &context));
        }
        if let Some(Status {
            text,
            value: value @ None,
        }) = &mut action.status
        {
            *value = Some(status::normalise(text, words.tokens(action_text.status)));
        }
        if action.status.is_none() {
            action.status = Some(Status {
                text: String::new(),
                value: Some(StatusValue::Unknown),
            });
        }
    }
    words
}
