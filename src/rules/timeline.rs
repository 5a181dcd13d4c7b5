//! Timeline rules: milestones that cannot be read or held to, that fall outside the plan,
//! run backwards, point nowhere, are overdue, or contradict the status or another action.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;

use crate::date::Date;
use crate::messages::{ActionName, Decimal, Message, Whereabouts};
use crate::milestone::{action_references, Direction, Kind, Timescale};
use crate::model::{ActionRef, Milestone, StatusValue};
use crate::report::Issue;
use crate::rules::{declare_rule, Check, Context, RuleMeta};

pub(super) static CHECKS: &[&dyn Check] = &[
    &MilestoneRule {
        meta: &MilestoneUnparsed::META,
        judge: unparsed,
    },
    &MilestoneRule {
        meta: &MilestoneVague::META,
        judge: vague,
    },
    &MilestoneRule {
        meta: &MilestoneOutsidePeriod::META,
        judge: outside_period,
    },
    &MilestoneRule {
        meta: &MilestoneRangeReversed::META,
        judge: range_reversed,
    },
    &MilestoneRule {
        meta: &ReferenceUnresolved::META,
        judge: reference_unresolved,
    },
    &MilestoneRule {
        meta: &ReferenceDirection::META,
        judge: reference_direction,
    },
    &MilestoneRule {
        meta: &Overdue::META,
        judge: overdue,
    },
    &MilestoneRule {
        meta: &StatusDateConflict::META,
        judge: status_date_conflict,
    },
    &DependencyOrder,
];

declare_rule! {
    /// ## What it checks
    /// That every milestone can be read as a date, a period, a recurrence, "ongoing" or a
    /// cross-reference.
    ///
    /// ## Why
    /// A milestone that cannot be read cannot be checked against the plan period or the
    /// progress date, and often hides a typing slip.
    ///
    /// ## Example
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [{"id": "1", "description": "Review safeguarding training", "leads": ["LSCB"], "milestones": ["Align other training with HSCB programme"]}]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [{"id": "1", "description": "Review safeguarding training", "leads": ["LSCB"], "milestones": ["Nov-13", "Q3 2016/17", "Start of the summer term 2016"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Write the date in a form such as "Nov-13", "March 2016", "Q3 2016/17" or "Oct 2013 to
    /// Dec 2013", and move other text into the description.
    pub struct MilestoneUnparsed { id: "milestone-unparsed", severity: Warning, summary: "A milestone cannot be read as a date" }
}

declare_rule! {
    /// ## What it checks
    /// That no milestone is only a condition or a placeholder: "TBC", "When resources allow",
    /// "As required".
    ///
    /// ## Why
    /// A target nobody can be held to cannot show delivery; assurance asks for dated actions.
    ///
    /// ## Example
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["When resources allow"]}]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["March 2016", "Quarterly"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Commit to a date or a recurrence. When the work truly waits on something, say what in
    /// the description and give the date by which it will be reviewed.
    pub struct MilestoneVague { id: "milestone-vague", severity: Warning, summary: "A milestone is a target nobody can be held to" }
}

declare_rule! {
    /// ## What it checks
    /// That every dated milestone falls due within the plan period.
    ///
    /// ## Why
    /// A deadline outside the period cannot be delivered or assured under this plan; it is
    /// usually a slip in the year ("Nov-13" in a 2014/15 plan) or work carried over without
    /// being re-planned. It is an error because the plan then misstates its own timetable.
    ///
    /// ## Example
    /// In a plan for 2013-14 (1 Apr 2013 to 31 Mar 2014), "Nov-14" falls outside.
    /// ```json fails
    /// {"period": "2013-14", "sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["Nov-14"]}]}]}
    /// ```
    /// ```json passes
    /// {"period": "2013-14", "sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["Nov-13"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Correct the year; or, for work carried over, move the action into the next period's
    /// plan with a new date.
    pub struct MilestoneOutsidePeriod { id: "milestone-outside-period", severity: Error, summary: "A milestone falls outside the plan period" }
}

declare_rule! {
    /// ## What it checks
    /// That a range of dates runs forwards.
    ///
    /// ## Why
    /// "Dec 2013 to Oct 2013" cannot be met as written: one of the two dates is wrong.
    ///
    /// ## Example
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["Dec 2013 to Oct 2013"]}]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["Oct 2013 to Dec 2013"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Swap the two dates, or correct the one that is wrong.
    pub struct MilestoneRangeReversed { id: "milestone-range-reversed", severity: Error, summary: "A milestone's range ends before it starts" }
}

declare_rule! {
    /// ## What it checks
    /// That a milestone referring to another action ("See 9 above") names an action of the plan.
    ///
    /// ## Why
    /// The milestone takes its date from the action it names; when that action does not exist
    /// the action has no timescale at all.
    ///
    /// ## Example
    /// "See 9 above" in a plan whose actions are numbered 1 and 2.
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [
    ///   {"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["March 2016"]},
    ///   {"id": "2", "description": "Train school governors", "leads": ["Prevent Lead"], "milestones": ["See 9 above"]}
    /// ]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [
    ///   {"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["March 2016"]},
    ///   {"id": "2", "description": "Train school governors", "leads": ["Prevent Lead"], "milestones": ["See 1 above"]}
    /// ]}]}
    /// ```
    ///
    /// ## How to fix
    /// Point the reference at the action meant (actions may have been renumbered), or give
    /// the action its own date.
    pub struct ReferenceUnresolved { id: "reference-unresolved", severity: Error, summary: "A cross-reference names no action of the plan" }
}

declare_rule! {
    /// ## What it checks
    /// That "above" and "below" in a cross-reference point the right way.
    ///
    /// ## Why
    /// "See 18 above" written in action 12 points below: the number or the word is wrong,
    /// and a reader may follow the wrong action.
    ///
    /// ## Example
    /// Action 5 says "See 9 above", but action 9 comes after it.
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [
    ///   {"id": "5", "description": "Train school governors", "leads": ["Prevent Lead"], "milestones": ["See 9 above"]},
    ///   {"id": "9", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["March 2016"]}
    /// ]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [
    ///   {"id": "9", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["March 2016"]},
    ///   {"id": "14", "description": "Train school governors", "leads": ["Prevent Lead"], "milestones": ["See 9 above"]}
    /// ]}]}
    /// ```
    ///
    /// ## How to fix
    /// Correct the number, or the word "above" or "below", so that both name the same action.
    pub struct ReferenceDirection { id: "reference-direction", severity: Warning, summary: "A cross-reference says above but points below, or the reverse" }
}

declare_rule! {
    /// ## What it checks
    /// That no milestone's deadline has passed, as of the progress date, while the action's
    /// status is not complete.
    ///
    /// ## Why
    /// Overdue actions are what a progress report must explain; finding them by hand in a
    /// long plan is error-prone.
    ///
    /// ## Example
    /// As of 1 April 2014, "Nov-13" with status "On track" is overdue.
    /// ```json fails asOf=2014-04-01
    /// {"period": "2013-14", "sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["Nov-13"], "status": "On track"}]}]}
    /// ```
    /// With status "Complete" it is not, nor is a recurring milestone such as "Annually (March)".
    /// ```json passes asOf=2014-04-01
    /// {"period": "2013-14", "sections": [{"title": "Training", "actions": [
    ///   {"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["Nov-13"], "status": "Complete"},
    ///   {"id": "2", "description": "Review the training offer", "leads": ["Prevent Lead"], "milestones": ["Annually (March)"], "status": "On track"}
    /// ]}]}
    /// ```
    ///
    /// ## How to fix
    /// Update the status when the work is done; otherwise re-plan it with a new date and say
    /// why in the progress report.
    pub struct Overdue { id: "overdue", severity: Warning, summary: "A milestone's deadline has passed and the action is not complete" }
}

declare_rule! {
    /// ## What it checks
    /// That an action marked "not started" has no milestone spanning a period ("Oct 2013 to
    /// Dec 2013", "April 2016 onwards", "Quarterly from April 2016") that had already begun by
    /// the progress date.
    ///
    /// ## Why
    /// Work timetabled to be under way but not started is slipping, even before its deadline.
    /// (An action complete ahead of all its milestones is fine.)
    ///
    /// ## Example
    /// As of 15 November 2013, work timetabled from October is not started.
    /// ```json fails asOf=2013-11-15
    /// {"period": "2013-14", "sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["Oct 2013 to Dec 2013"], "status": "Not started"}]}]}
    /// ```
    /// ```json passes asOf=2013-11-15
    /// {"period": "2013-14", "sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training", "leads": ["Prevent Lead"], "milestones": ["Oct 2013 to Dec 2013"], "status": "In progress"}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Update the status if the work has begun; otherwise re-plan the milestone and say why
    /// in the progress report.
    pub struct StatusDateConflict { id: "status-date-conflict", severity: Warning, summary: "An action is not started although its milestone has begun" }
}

declare_rule! {
    /// ## What it checks
    /// That an action which names another ("communities identified in action point 1",
    /// "see action 3") is not due before the action it depends on.
    ///
    /// ## Why
    /// An action cannot finish before the work it builds on; one of the two timescales is wrong.
    ///
    /// ## Example
    /// Action 2 builds on action 1 but is due a month before it.
    /// ```json fails
    /// {"period": "2008-11", "sections": [{"title": "Communities", "actions": [
    ///   {"id": "1", "description": "Identify the communities most at risk", "leads": ["Prevent Coordinator"], "milestones": ["January 2009"]},
    ///   {"id": "2", "description": "Consult the communities identified in action point 1", "leads": ["Prevent Coordinator"], "milestones": ["December 2008"]}
    /// ]}]}
    /// ```
    /// ```json passes
    /// {"period": "2008-11", "sections": [{"title": "Communities", "actions": [
    ///   {"id": "1", "description": "Identify the communities most at risk", "leads": ["Prevent Coordinator"], "milestones": ["January 2009"]},
    ///   {"id": "2", "description": "Consult the communities identified in action point 1", "leads": ["Prevent Coordinator"], "milestones": ["March 2009"]}
    /// ]}]}
    /// ```
    ///
    /// ## How to fix
    /// Correct whichever date is wrong so that the action depended on is due first, or
    /// correct the action number it names.
    pub struct DependencyOrder { id: "dependency-order", severity: Warning, summary: "An action is due before an action it depends on" }
}

/// One milestone as a rule sees it.
struct Seen<'a, 'p> {
    context: &'a Context<'p>,
    actions: &'a [ActionRef<'p>],
    /// Built on the first cross-reference: most rules never look one up.
    index: &'a OnceCell<ActionIndex<'p>>,
    /// Position of the action in `actions`.
    position: usize,
    milestone: &'p Milestone,
    parsed: &'p Timescale,
}

impl<'p> Seen<'_, 'p> {
    fn action(&self) -> Option<&ActionRef<'_>> {
        self.actions.get(self.position)
    }

    /// The milestone's text and the action it belongs to, as messages name them.
    fn name(&self) -> (String, ActionName) {
        let action = self.action().map_or(
            ActionName::Position {
                action: 0,
                section: 0,
            },
            ActionName::of,
        );
        (self.milestone.text.trim().to_owned(), action)
    }

    fn actions_by_id(&self) -> &ActionIndex<'p> {
        self.index.get_or_init(|| ActionIndex::new(self.actions))
    }

    fn status(&self) -> Option<StatusValue> {
        self.action()?.action.status.as_ref()?.value
    }
}

/// What a judge found: the message and what to do about it.
struct Finding {
    message: Message,
    hint: Message,
}

/// The shape shared by rules that judge one milestone at a time.
struct MilestoneRule {
    meta: &'static RuleMeta,
    judge: fn(&Seen<'_, '_>) -> Option<Finding>,
}

impl Check for MilestoneRule {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        let actions = context.actions;
        let action_index = OnceCell::new();
        for (position, action) in actions.iter().enumerate() {
            for (index, milestone) in action.action.milestones.iter().enumerate() {
                let Some(parsed) = &milestone.parsed else {
                    continue;
                };
                let seen = Seen {
                    context,
                    actions,
                    index: &action_index,
                    position,
                    milestone,
                    parsed,
                };
                if let Some(finding) = (self.judge)(&seen) {
                    let mut issue = self.meta.action_issue(
                        milestone_pointer(action, index),
                        action.action.id.as_deref(),
                        finding.message,
                        finding.hint,
                    );
                    // Point at the date inside a longer text ("... by March 2016").
                    issue.span = parsed.span;
                    issues.push(issue);
                }
            }
        }
    }
}

fn unparsed(seen: &Seen<'_, '_>) -> Option<Finding> {
    (seen.parsed.kind == Kind::Unparsed).then(|| Finding {
        message: {
            let (milestone, action) = seen.name();
            Message::MilestoneUnparsed { milestone, action }
        },
        hint: Message::MilestoneUnparsedHint,
    })
}

fn vague(seen: &Seen<'_, '_>) -> Option<Finding> {
    (seen.parsed.kind == Kind::Vague).then(|| Finding {
        message: {
            let (milestone, action) = seen.name();
            Message::MilestoneVague { milestone, action }
        },
        hint: Message::MilestoneVagueHint,
    })
}

fn outside_period(seen: &Seen<'_, '_>) -> Option<Finding> {
    let period = seen.context.period?;
    let parsed = seen.parsed;
    let hint = Message::MilestoneOutsidePeriodHint;
    if let Some(end) = parsed.end {
        if end > period.end {
            let (milestone, action) = seen.name();
            return Some(Finding {
                message: Message::MilestoneAfterPeriod {
                    milestone,
                    action,
                    due: end,
                    end: period.end,
                },
                hint,
            });
        }
        if end < period.start {
            let (milestone, action) = seen.name();
            return Some(Finding {
                message: Message::MilestoneBeforePeriod {
                    milestone,
                    action,
                    due: end,
                    start: period.start,
                },
                hint,
            });
        }
    }
    let start = parsed
        .start
        .filter(|start| parsed.end.is_none() && *start > period.end)?;
    let (milestone, action) = seen.name();
    Some(Finding {
        message: Message::MilestoneStartsAfterPeriod {
            milestone,
            action,
            start,
            end: period.end,
        },
        hint,
    })
}

fn range_reversed(seen: &Seen<'_, '_>) -> Option<Finding> {
    seen.parsed.reversed.then(|| Finding {
        message: {
            let (milestone, action) = seen.name();
            Message::MilestoneRangeReversed { milestone, action }
        },
        hint: Message::MilestoneRangeReversedHint,
    })
}

fn reference_unresolved(seen: &Seen<'_, '_>) -> Option<Finding> {
    let target = seen.parsed.reference.as_deref()?;
    seen.actions_by_id().find(target).is_none().then(|| {
        let (milestone, action) = seen.name();
        Finding {
            message: Message::ReferenceUnresolved {
                milestone,
                action,
                target: target.to_owned(),
            },
            hint: Message::ReferenceUnresolvedHint,
        }
    })
}

fn reference_direction(seen: &Seen<'_, '_>) -> Option<Finding> {
    let target = seen.parsed.reference.as_deref()?;
    let direction = seen.parsed.direction?;
    let found = seen.actions_by_id().find(target)?;
    let (said, actual) = match direction {
        Direction::Above if found >= seen.position => (Whereabouts::Above, Whereabouts::Below),
        Direction::Below if found <= seen.position => (Whereabouts::Below, Whereabouts::Above),
        _ => return None,
    };
    let actual = if found == seen.position {
        Whereabouts::Itself
    } else {
        actual
    };
    let (milestone, action) = seen.name();
    Some(Finding {
        message: Message::ReferenceDirection {
            milestone,
            action,
            target: target.to_owned(),
            said,
            actual,
        },
        hint: Message::ReferenceDirectionHint,
    })
}

fn overdue(seen: &Seen<'_, '_>) -> Option<Finding> {
    let as_of = seen.context.as_of?;
    // A recurring milestone comes round again: its date passing is not a missed deadline.
    if seen.parsed.kind == Kind::Recurring {
        return None;
    }
    let end = seen.parsed.end.filter(|end| *end < as_of)?;
    let done = |status: Option<StatusValue>| status == Some(StatusValue::Complete);
    if done(seen.status()) || done(seen.parsed.status) {
        return None;
    }
    let progress = seen
        .action()
        .and_then(|action| action.action.status.as_ref())
        .map(|status| status.text.trim())
        .filter(|text| !text.is_empty())
        .map(str::to_owned);
    let (milestone, action) = seen.name();
    Some(Finding {
        message: Message::Overdue {
            milestone,
            action,
            due: end,
            as_of,
            progress,
        },
        hint: Message::OverdueHint,
    })
}

fn status_date_conflict(seen: &Seen<'_, '_>) -> Option<Finding> {
    let as_of = seen.context.as_of?;
    if seen.status() != Some(StatusValue::NotStarted)
        || !matches!(
            seen.parsed.kind,
            Kind::Range | Kind::OpenEnded | Kind::Recurring
        )
    {
        return None;
    }
    let start = seen.parsed.start.filter(|start| *start <= as_of)?;
    let (milestone, action) = seen.name();
    Some(Finding {
        message: Message::StatusDateConflict {
            milestone,
            action,
            start,
            as_of,
        },
        hint: Message::StatusDateConflictHint,
    })
}

impl Check for DependencyOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        let actions = context.actions;
        // Built on the first reference: most plans have none.
        let action_index = OnceCell::new();
        for (position, action) in actions.iter().enumerate() {
            let Some((index, due)) = deadline(action) else {
                continue;
            };
            for target in action_references(&action.action.description) {
                let Some(named) = action_index
                    .get_or_init(|| ActionIndex::new(actions))
                    .find(&target)
                    .filter(|&named| named != position)
                else {
                    continue;
                };
                let Some((_, named_due)) = actions.get(named).and_then(deadline) else {
                    continue;
                };
                if due >= named_due {
                    continue;
                }
                issues.push(Self::META.action_issue(
                    milestone_pointer(action, index),
                    action.action.id.as_deref(),
                    Message::DependencyOrder {
                        action: ActionName::of(action),
                        target: target.clone(),
                        due,
                        target_due: named_due,
                    },
                    Message::DependencyOrderHint,
                ));
            }
        }
    }
}

/// JSON Pointer of an action's milestone, written in one go.
fn milestone_pointer(action: &ActionRef<'_>, index: usize) -> String {
    let mut pointer = String::with_capacity(40);
    for (part, number) in [
        ("/sections/", action.section_index),
        ("/actions/", action.action_index),
        ("/milestones/", index),
    ] {
        pointer.push_str(part);
        pointer.push_str(Decimal::of(number).as_str());
    }
    pointer
}

/// The latest deadline among an action's milestones, with the milestone's index.
fn deadline(action: &ActionRef<'_>) -> Option<(usize, Date)> {
    action
        .action
        .milestones
        .iter()
        .enumerate()
        .filter_map(|(index, milestone)| Some((index, milestone.parsed.as_ref()?.end?)))
        .max_by_key(|&(_, end)| end)
}

/// Where the actions of a plan are, by the ids cross-references use. Built once per rule
/// run: a scan of the actions per reference made large plans quadratic (10,000 actions took
/// 33x the time of 1,000).
struct ActionIndex<'p> {
    /// Position of the first action with each normalised id (the plan's own text when it
    /// is already normal, as ids almost always are).
    by_id: HashMap<Cow<'p, str>, usize>,
    /// No action has an id: "9" means the ninth action.
    numbered: bool,
    len: usize,
}

impl<'p> ActionIndex<'p> {
    fn new(actions: &[ActionRef<'p>]) -> ActionIndex<'p> {
        let mut by_id = HashMap::with_capacity(actions.len());
        for (position, action) in actions.iter().enumerate() {
            if let Some(id) = action.action.id.as_deref() {
                by_id.entry(normal_id(id)).or_insert(position);
            }
        }
        let numbered = actions
            .iter()
            .filter_map(|action| action.action.id.as_deref())
            .all(|id| id.trim().is_empty());
        ActionIndex {
            by_id,
            numbered,
            len: actions.len(),
        }
    }

    /// The position of the action an id names. Ids compare without case or a trailing dot.
    fn find(&self, target: &str) -> Option<usize> {
        let target = normal_id(target);
        if self.numbered {
            return target
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=self.len).contains(n))
                .map(|n| n - 1);
        }
        self.by_id.get(&target).copied()
    }
}

fn normal_id(id: &str) -> Cow<'_, str> {
    let id = id.trim().trim_end_matches('.');
    if id.bytes().any(|byte| byte.is_ascii_uppercase()) {
        Cow::Owned(id.to_ascii_lowercase())
    } else {
        Cow::Borrowed(id)
    }
}

#[cfg(test)]
mod tests;
