//! Rules about changes between two versions of a plan. Their examples are `versions`
//! blocks: `{"before": plan, "after": plan}`, compared with the example's options.

use super::{ActionComparison, Change, CoverageChange, CoverageMove, Located, Moved};
use crate::date::Period;
use crate::messages::Message;
use crate::model::StatusValue;
use crate::report::Issue;
use crate::rules::{declare_rule, RuleMeta};

/// What a comparison rule sees.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The plan period (from the options, else the later version).
    pub period: Option<Period>,
    pub actions: &'a [ActionComparison],
    pub coverage: &'a [CoverageChange],
    pub max_slips: usize,
}

/// A rule that reads a comparison.
pub trait CompareCheck: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>);
}

pub static CHECKS: &[&dyn CompareCheck] =
    &[&MilestoneSlipped, &ActionDroppedSilently, &CoverageLost];

/// Runs every comparison rule.
pub fn run(context: &Context<'_>) -> Vec<Issue> {
    let mut issues = Vec::new();
    for check in CHECKS {
        check.check(context, &mut issues);
    }
    issues
}

declare_rule! {
    /// ## What it checks
    /// Comparing two versions of a plan: that no action's deadline has slipped more often
    /// than allowed (`maxSlips`, default 1), and that no slip takes a deadline past the end of
    /// the plan period. Slips are counted from the comparison (the deadline moved later) and
    /// from the earlier version's own notes ("March 2016 (revised from Dec 2015)").
    ///
    /// ## Why
    /// One revised date is planning; a date revised again and again, or pushed out of the
    /// period the plan covers, is a commitment quietly dropped, and a board should hear of it.
    ///
    /// ## Example
    /// The milestone was already revised once, and slips again by three months.
    /// ```versions fails
    /// {"before": {"period": "2015/16", "sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["Prevent Lead"], "milestones": ["Dec 2015 (revised from Sept 2015)"]}]}]},
    ///  "after": {"period": "2015/16", "sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["Prevent Lead"], "milestones": ["March 2016 (revised from Dec 2015)"]}]}]}}
    /// ```
    /// A first slip that stays inside the period is listed among the changes, not reported.
    /// ```versions passes
    /// {"before": {"period": "2015/16", "sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["Prevent Lead"], "milestones": ["Dec 2015"]}]}]},
    ///  "after": {"period": "2015/16", "sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["Prevent Lead"], "milestones": ["March 2016 (revised from Dec 2015)"]}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Agree with the lead what stands in the way, record it in the progress column, and set
    /// a date that can be kept; carry work past the period into the next plan explicitly.
    pub struct MilestoneSlipped { id: "milestone-slipped", severity: Warning, summary: "A milestone slipped again, or past the plan period" }
}

impl CompareCheck for MilestoneSlipped {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        for compared in context.actions {
            let Some(after) = &compared.after else {
                continue;
            };
            for change in &compared.changes {
                let Change::MilestoneSlipped(moved) = change else {
                    continue;
                };
                if let Some(message) = slip_problem(context, after, moved) {
                    issues.push(
                        Self::META
                            .issue(moved.path.clone(), message)
                            .with_action(after.id.as_deref())
                            .with_hint(Message::MilestoneSlippedHint),
                    );
                }
            }
        }
    }
}

fn slip_problem(context: &Context<'_>, after: &Located, moved: &Moved) -> Option<Message> {
    let action = || after.name.clone();
    if moved.slips > context.max_slips {
        return Some(Message::MilestoneSlippedAgain {
            milestone: moved.to.clone(),
            action: action(),
            slips: moved.slips,
            months: usize::try_from(moved.months).unwrap_or(0),
        });
    }
    let end = context.period?.end;
    (moved.to_due > end && moved.from_due <= end).then(|| Message::MilestoneSlippedPastPeriod {
        milestone: moved.to.clone(),
        action: action(),
        due: moved.to_due,
        end,
    })
}

declare_rule! {
    /// ## What it checks
    /// Comparing two versions of a plan: that every action of the earlier version that is
    /// gone from the later one was marked complete first. Actions are followed across
    /// versions by id, and by their text when they were renumbered.
    ///
    /// ## Why
    /// A plan is how partners hold each other to account; an unfinished action that simply
    /// disappears between quarters leaves a gap nobody decided on.
    ///
    /// ## Example
    /// Action 2 was on track, and is gone.
    /// ```versions fails
    /// {"before": {"sections": [{"title": "Plan", "actions": [{"id": "1", "description": "Refresh the Prevent partnership plan", "leads": ["Prevent Lead"], "status": "Complete"}, {"id": "2", "description": "Review venue hire agreements", "leads": ["Legal Services"], "status": "On track"}]}]},
    ///  "after": {"sections": [{"title": "Plan", "actions": [{"id": "1", "description": "Refresh the Prevent partnership plan", "leads": ["Prevent Lead"], "status": "Complete"}]}]}}
    /// ```
    /// A completed action may leave the plan.
    /// ```versions passes
    /// {"before": {"sections": [{"title": "Plan", "actions": [{"id": "1", "description": "Refresh the Prevent partnership plan", "leads": ["Prevent Lead"], "status": "Complete"}, {"id": "2", "description": "Review venue hire agreements", "leads": ["Legal Services"], "status": "On track"}]}]},
    ///  "after": {"sections": [{"title": "Plan", "actions": [{"id": "2", "description": "Review venue hire agreements", "leads": ["Legal Services"], "status": "On track"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Put the action back, or mark it complete (or record why it was stopped) in the version
    /// that closes it before removing it.
    pub struct ActionDroppedSilently { id: "action-dropped-silently", severity: Warning, summary: "An action was removed without being marked complete" }
}

impl CompareCheck for ActionDroppedSilently {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        for compared in context.actions {
            let Some(before) = &compared.before else {
                continue;
            };
            for change in &compared.changes {
                let Change::Removed { status } = change else {
                    continue;
                };
                if *status == StatusValue::Complete {
                    continue;
                }
                let message = Message::ActionDropped {
                    action: before.name.clone(),
                    status: *status,
                };
                issues.push(
                    Self::META
                        .issue(before.path.clone(), message)
                        .with_action(before.id.as_deref())
                        .with_hint(Message::ActionDroppedHint),
                );
            }
        }
    }
}

declare_rule! {
    /// ## What it checks
    /// Comparing two versions of a plan: that every category the profile requires, covered
    /// by an action in the earlier version, is still covered in the later one.
    ///
    /// ## Why
    /// Coverage usually goes with the action that carried it: when that action is dropped or
    /// re-worded, a benchmark the plan met last quarter can go unmet without anyone noticing.
    ///
    /// ## Example
    /// The only Channel action is gone.
    /// ```versions fails
    /// {"before": {"sections": [{"title": "Plan", "actions": [{"id": "1", "description": "Chair the Channel panel monthly", "leads": ["Prevent Lead"], "status": "Complete"}, {"id": "2", "description": "Deliver WRAP to frontline staff", "leads": ["HR"]}]}]},
    ///  "after": {"sections": [{"title": "Plan", "actions": [{"id": "2", "description": "Deliver WRAP to frontline staff", "leads": ["HR"]}]}]}}
    /// ```
    /// ```versions passes
    /// {"before": {"sections": [{"title": "Plan", "actions": [{"id": "1", "description": "Chair the Channel panel monthly", "leads": ["Prevent Lead"]}]}]},
    ///  "after": {"sections": [{"title": "Plan", "actions": [{"id": "1", "description": "Chair the Channel panel every month", "leads": ["Prevent Lead"]}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Add an action for the category again, or tag the action that now delivers it with the
    /// category id (`"categories": ["channel_panel"]`).
    pub struct CoverageLost { id: "coverage-lost", severity: Warning, summary: "A required category covered before is no longer covered" }
}

impl CompareCheck for CoverageLost {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        for change in context.coverage {
            if change.required && change.change == CoverageMove::Lost {
                let message = Message::CoverageLost {
                    name: change.name.clone(),
                    id: change.category.clone(),
                };
                issues.push(Self::META.issue("", message).with_hint(
                    Message::CategoryMissingHint {
                        id: change.category.clone(),
                    },
                ));
            }
        }
    }
}

/// The comparison rules' metadata, for the docs and the registry.
pub fn metas() -> impl Iterator<Item = &'static RuleMeta> {
    CHECKS.iter().map(|check| check.meta())
}
