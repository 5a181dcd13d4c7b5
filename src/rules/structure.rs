//! Structural rules: ids, leads and milestones present.

use std::collections::HashMap;

use crate::messages::{ActionName, Message, Recorded, Required};
use crate::model::{Action, ActionRef};
use crate::report::Issue;
use crate::rules::{declare_rule, Check, Context, RuleMeta};

pub(super) static CHECKS: &[&dyn Check] = &[
    &DuplicateId,
    &PeriodInvalid,
    &ActionMissing,
    &MissingField {
        meta: &LeadMissing::META,
        is_missing: no_lead,
        field: "leads",
        what: Required::Lead,
    },
    &MissingField {
        meta: &MilestoneMissing::META,
        is_missing: no_milestone,
        field: "milestones",
        what: Required::Milestone,
    },
];

declare_rule! {
    /// ## What it checks
    /// That no two actions of the plan share an id.
    ///
    /// ## Why
    /// Progress reports, cross-references ("See 9 above") and spreadsheets refer to actions
    /// by id; a repeated id makes those references ambiguous.
    ///
    /// ## Example
    /// Two actions both numbered "1.2": the second is reported.
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [
    ///   {"id": "1.2", "description": "Deliver WRAP training", "leads": ["Prevent Lead"]},
    ///   {"id": "1.2", "description": "Train school governors", "leads": ["Prevent Lead"]}
    /// ]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [
    ///   {"id": "1.2", "description": "Deliver WRAP training", "leads": ["Prevent Lead"]},
    ///   {"id": "1.3", "description": "Train school governors", "leads": ["Prevent Lead"]}
    /// ]}]}
    /// ```
    ///
    /// ## How to fix
    /// Renumber one of the actions, and update any cross-reference ("See 1.2 above") that
    /// meant the renumbered one.
    pub struct DuplicateId { id: "duplicate-id", severity: Error, summary: "Two actions share an id" }
}

impl Check for DuplicateId {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        let mut first_seen: HashMap<&str, ActionRef<'_>> =
            HashMap::with_capacity(context.plan.sections.iter().map(|s| s.actions.len()).sum());
        for action in context.plan.actions() {
            let Some(id) = action
                .action
                .id
                .as_deref()
                .map(str::trim)
                .filter(|id| !id.is_empty())
            else {
                continue;
            };
            match first_seen.get(id) {
                Some(first) => issues.push(Self::META.action_issue(
                    action.field_pointer("id"),
                    Some(id),
                    Message::DuplicateId {
                        id: id.to_owned(),
                        action: first.action_index + 1,
                        section: first.section_index + 1,
                    },
                    Message::DuplicateIdHint,
                )),
                None => {
                    first_seen.insert(id, action);
                }
            }
        }
    }
}

declare_rule! {
    /// ## What it checks
    /// That the plan period, when given as a label, can be read, and that it runs forward.
    ///
    /// ## Why
    /// Milestones are checked against the period; an unreadable period switches that off.
    ///
    /// ## Example
    /// ```json fails
    /// {"period": "next year", "sections": []}
    /// ```
    /// "2017/18", "2013-14" and "2008-11" are read.
    /// ```json passes
    /// {"period": "2017/18", "sections": []}
    /// ```
    ///
    /// ## How to fix
    /// Give the period as a label such as "2017/18" or "2008-11", or as dates:
    /// `{"start": "2017-04-01", "end": "2018-03-31"}`, the start before the end.
    pub struct PeriodInvalid { id: "period-invalid", severity: Error, summary: "The plan period cannot be read or runs backwards" }
}

impl Check for PeriodInvalid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        let Some(period) = &context.plan.period else {
            return;
        };
        match (&period.dates, &period.label) {
            (None, label) => issues.push(
                Self::META
                    .issue(
                        "/period",
                        Message::PeriodUnreadable {
                            label: label.clone().unwrap_or_default(),
                        },
                    )
                    .with_hint(Message::PeriodUnreadableHint),
            ),
            (Some(dates), _) if dates.end < dates.start => issues.push(Self::META.issue(
                "/period",
                Message::PeriodReversed {
                    start: dates.start,
                    end: dates.end,
                },
            )),
            _ => {}
        }
    }
}

declare_rule! {
    /// ## What it checks
    /// That every action says what will be done: a row of a self-assessment, gap analysis or
    /// risk register that records work to date, existing controls, a risk or a requirement
    /// but leaves the action cell empty is reported.
    ///
    /// ## Why
    /// Self-assessments against the Prevent duty toolkit often record what is already in
    /// place and leave "Action required" blank. That may be right (nothing more is needed),
    /// but a reader cannot tell a finished row from one nobody has planned yet. Such rows are
    /// kept as actions with empty text, never dropped, so that this rule can say so.
    ///
    /// ## Example
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [{"id": "3", "description": "", "evidence": "WRAP delivered to all staff in 2016", "leads": ["DSL"]}]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [{"id": "3", "description": "Refresh WRAP for new starters each September", "evidence": "WRAP delivered to all staff in 2016", "leads": ["DSL"]}]}]}
    /// ```
    ///
    /// Such a row is reported by this rule only: it has nothing to lead or date yet, so
    /// `lead-missing` and `milestone-missing` leave it alone.
    ///
    /// ## How to fix
    /// Write the next action in the action cell, or "No further action" with the reason when
    /// the evidence shows the requirement is met.
    pub struct ActionMissing { id: "action-missing", severity: Warning, summary: "A row records evidence, a risk or a requirement but no action" }
}

impl Check for ActionMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        for action in context.plan.actions() {
            let Some(recorded) = recorded_instead(action.action) else {
                continue;
            };
            issues.push(Self::META.action_issue(
                action.field_pointer("description"),
                action.action.id.as_deref(),
                Message::ActionMissing {
                    action: ActionName::of(&action),
                    recorded,
                },
                Message::ActionMissingHint,
            ));
        }
    }
}

/// What an action without action text records instead. An action with nothing at all is
/// the schema's to report (its description is required).
fn recorded_instead(action: &Action) -> Option<Recorded> {
    if !action.description.trim().is_empty() {
        return None;
    }
    let given = |text: Option<&str>| text.is_some_and(|text| !text.trim().is_empty());
    if given(action.evidence.as_deref()) {
        Some(Recorded::Evidence)
    } else if given(action.risk.as_ref().map(|risk| risk.text.as_str())) {
        Some(Recorded::Risk)
    } else if given(action.requirement.as_deref()) {
        Some(Recorded::Requirement)
    } else {
        None
    }
}

declare_rule! {
    /// ## What it checks
    /// That every action names at least one lead agency or officer.
    ///
    /// ## Why
    /// The Prevent duty guidance expects clear ownership of each action; an action nobody
    /// leads is rarely delivered, and assurance asks who is accountable.
    ///
    /// ## Example
    /// When no action of the plan has a lead (the table has no lead column), one issue says so.
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [{"id": "4", "description": "Deliver WRAP training", "leads": []}]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [{"id": "4", "description": "Deliver WRAP training", "leads": ["Prevent Lead"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Name the lead agency or officer by role ("Prevent Coordinator", "Head of Community
    /// Safety"), not by personal name.
    pub struct LeadMissing { id: "lead-missing", severity: Warning, summary: "An action has no lead" }
}

declare_rule! {
    /// ## What it checks
    /// That every action has at least one milestone or target date.
    ///
    /// ## Why
    /// Without a timescale progress cannot be judged, and the plan cannot show delivery.
    ///
    /// ## Example
    /// An action whose "Timescale" cell is empty is reported. When no action has one, one
    /// issue says so.
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [{"id": "4", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": []}]}]}
    /// ```
    /// "Ongoing" counts as a milestone (and is judged by the milestone rules).
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [{"id": "4", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["Ongoing"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Add a target date ("March 2016", "Q3 2016/17"), a recurrence ("Quarterly"), or
    /// "Ongoing" for continuous work.
    pub struct MilestoneMissing { id: "milestone-missing", severity: Warning, summary: "An action has no milestone" }
}

/// The shape shared by rules that report an action lacking a field.
struct MissingField {
    meta: &'static RuleMeta,
    is_missing: fn(&Action) -> bool,
    field: &'static str,
    what: Required,
}

impl Check for MissingField {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        // A row that records evidence or a risk and no action has nothing to lead or date
        // yet: `action-missing` already says so.
        let actions = || {
            context
                .plan
                .actions()
                .filter(|action| recorded_instead(action.action).is_none())
        };
        let total = actions().count();
        let missing: Vec<_> = actions()
            .filter(|action| (self.is_missing)(action.action))
            .collect();
        // A plan with no such column at all gets one issue, not one per action.
        if total > 1 && missing.len() == total {
            issues.push(
                self.meta
                    .issue(
                        "/sections",
                        Message::NoneHave {
                            total,
                            what: self.what,
                        },
                    )
                    .with_hint(self.what.hint()),
            );
            return;
        }
        for action in missing {
            issues.push(self.meta.action_issue(
                action.field_pointer(self.field),
                action.action.id.as_deref(),
                Message::ActionLacks {
                    action: ActionName::of(&action),
                    what: self.what,
                },
                self.what.hint(),
            ));
        }
    }
}

fn no_lead(action: &Action) -> bool {
    action.leads.iter().all(|lead| lead.trim().is_empty())
}

fn no_milestone(action: &Action) -> bool {
    action
        .milestones
        .iter()
        .all(|milestone| milestone.text.trim().is_empty())
}
