//! Coverage rules: does the plan cover what the duty asks of this kind of body?

use crate::coverage::{Basis, Category, CategoryCoverage, CoverageStatus};
use crate::messages::Message;
use crate::report::{Issue, Severity};
use crate::rules::{declare_rule, Check, Context, RuleMeta};

pub(super) static CHECKS: &[&dyn Check] = &[
    &ProfileRejected {
        meta: &ProfileUnknown::META,
    },
    &ProfileRejected {
        meta: &ProfileInvalid::META,
    },
    &ProfileRejected {
        meta: &ProfileNotLoaded::META,
    },
    &CategoryUnknown,
    &CategoryMissing,
    &CategoryInferred,
];

declare_rule! {
    /// ## What it checks
    /// That the coverage profile the plan names (its `profile` field) or the check asks for
    /// is one of the built-in profiles: `la-2023`, `la-2015`, `scotland-la`, `schools`,
    /// `further-education`, `higher-education`, `health`.
    ///
    /// ## Why
    /// Coverage is judged against a profile; with an unknown one no coverage can be reported,
    /// and a plan silently judged against another profile would mislead.
    ///
    /// ## Example
    /// The plan's coverage is then empty. (From JS and the CLI an unknown
    /// `--profile`/`options.profile` is a usage error instead, with code `profile-unknown`.)
    /// ```json fails
    /// {"profile": "la-2099", "sections": []}
    /// ```
    /// ```json passes
    /// {"profile": "la-2015", "sections": []}
    /// ```
    ///
    /// ## How to fix
    /// Use one of the built-in ids (`prevent-plan-check profiles` lists them), or give a
    /// custom profile as an object in the options.
    pub struct ProfileUnknown { id: "profile-unknown", severity: Error, summary: "The coverage profile is not a known profile" }
}

declare_rule! {
    /// ## What it checks
    /// A profile given as an object against the published profile schema
    /// (`profile_schema()`, `src/coverage/profile.schema.json`): ids, basis (`must`/`should`/`advice`),
    /// required flags, descriptions and phrases, and unique category ids.
    ///
    /// ## Why
    /// A malformed profile cannot say what the plan must cover.
    ///
    /// ## Example
    /// A category with `"basis": "maybe"` is reported with its JSON Pointer,
    /// `/categories/0/basis`. (From JS such a profile is rejected as a usage error with code
    /// `profile-invalid`; Rust callers passing it in `Options` get this issue.) A built-in
    /// profile is always valid.
    /// ```json passes profile=schools
    /// {"sections": []}
    /// ```
    ///
    /// ## How to fix
    /// Correct the field the issue points at; `profileSchema()` gives the schema, and the
    /// built-in profiles (`profiles()`) are examples to start from.
    pub struct ProfileInvalid { id: "profile-invalid", severity: Error, summary: "The custom coverage profile is not valid" }
}

declare_rule! {
    /// ## What it checks
    /// That the data of the built-in profile the plan names or the check asks for is loaded.
    /// The module `prevent-plan-check/form` loads in browsers compiles in only the default
    /// profile, `la-2023`, to stay small; the others are data it loads when asked
    /// (`await loadProfile("schools")`). Every other entry has them all.
    ///
    /// ## Why
    /// Coverage is judged against a profile; without its data no coverage can be reported,
    /// and judging the plan against another profile instead would mislead.
    ///
    /// ## Example
    /// With `prevent-plan-check/form` in a browser, `validate(plan, { profile: "schools" })`
    /// before `loadProfile("schools")` gets this error, and the coverage is empty. Built-in
    /// profiles are always loaded here, so this plan passes.
    /// ```json passes
    /// {"profile": "schools", "sections": []}
    /// ```
    ///
    /// ## How to fix
    /// Call `await loadProfile(id)` (from `prevent-plan-check/form`) once before checking
    /// against that profile, for example when the user picks it.
    pub struct ProfileNotLoaded { id: "profile-not-loaded", severity: Error, summary: "The built-in coverage profile is not loaded yet" }
}

/// The shape shared by the rules that report a profile that cannot be used.
struct ProfileRejected {
    meta: &'static RuleMeta,
}

impl Check for ProfileRejected {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        let Some(problem) = &context.coverage.problem else {
            return;
        };
        if problem.error.code() == self.meta.id {
            issues.push(
                self.meta
                    .issue(problem.path, problem.error.message())
                    .with_hint(problem.error.hint()),
            );
        }
    }
}

declare_rule! {
    /// ## What it checks
    /// That every category tag (`categories` on an action or a section) is a category of the
    /// profile the plan is checked against.
    ///
    /// ## Why
    /// A mistyped tag ("channel", "trainning") counts towards nothing, so the plan looks as if
    /// it covered a category that the check cannot see.
    ///
    /// ## Example
    /// Under `la-2023`, "channel" is reported at `/sections/0/actions/0/categories/0`,
    /// suggesting `channel_panel`; the action's text is then used to infer its categories, as
    /// if it had no tags.
    /// ```json fails
    /// {"sections": [{"title": "Channel", "actions": [{"id": "1", "description": "Run the Channel panel monthly", "leads": ["Prevent Lead"], "categories": ["channel"]}]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Channel", "actions": [{"id": "1", "description": "Run the Channel panel monthly", "leads": ["Prevent Lead"], "categories": ["channel_panel"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Use the category id the issue suggests; `profiles()` lists each profile's categories.
    pub struct CategoryUnknown { id: "category-unknown", severity: Error, summary: "A category tag is not a category of the profile" }
}

impl Check for CategoryUnknown {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        let Some(profile) = &context.coverage.profile else {
            return;
        };
        for unknown in &context.coverage.unknown_tags {
            let ids = profile
                .categories
                .iter()
                .map(|category| category.id.as_str());
            let hint = match closest(&unknown.tag, ids) {
                Some(id) => Message::DidYouMean { id: id.to_owned() },
                None => {
                    let ids: Vec<&str> = profile
                        .categories
                        .iter()
                        .map(|category| category.id.as_str())
                        .collect();
                    Message::CategoriesOf {
                        profile: profile.id.clone(),
                        ids: ids.join(", "),
                    }
                }
            };
            issues.push(
                Self::META
                    .issue(
                        unknown.pointer.clone(),
                        Message::CategoryUnknown {
                            tag: unknown.tag.clone(),
                            profile: profile.id.clone(),
                        },
                    )
                    .with_action(unknown.action.as_deref())
                    .with_hint(hint),
            );
        }
    }
}

declare_rule! {
    /// ## What it checks
    /// That every category the profile requires is covered by at least one action, tagged or
    /// recognised from its text. The severity follows the category's basis in the guidance:
    /// `must` (a legal requirement) is an error, `should` a warning, `advice` information.
    ///
    /// ## Why
    /// Assurance asks whether a plan covers each benchmark; for a local authority the Channel
    /// panel is a legal requirement (Counter-Terrorism and Security Act 2015 s36), and the
    /// other benchmarks of the Home Office toolkit are expectations.
    ///
    /// ## Example
    /// A local authority plan (`la-2023`) with no action about Channel gets an error
    /// "No action covers \"Channel panel\" (`channel_panel`)"; one with no training action gets
    /// a warning.
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP training to frontline staff", "leads": ["Prevent Lead"], "categories": ["training"]}]}]}
    /// ```
    /// A plan covering every benchmark (here by tags on its one section) passes.
    /// ```json passes
    /// {"sections": [{"title": "Prevent partnership", "categories": ["partnership", "risk_assessment", "partnership_plan", "referral_pathway", "channel_panel", "training", "permissive_environments", "communications_engagement"], "actions": [{"id": "1", "description": "Deliver the Prevent partnership plan", "leads": ["Prevent Lead"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Add an action that delivers the category, or tag the action that already does
    /// (`"categories": ["channel_panel"]`) when its wording does not make it clear.
    pub struct CategoryMissing { id: "category-missing", severity: Error, summary: "A required category of the duty has no action" }
}

impl Check for CategoryMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        for (category, _) in required_with_status(context, CoverageStatus::Missing) {
            let mut issue = Self::META.issue(
                "",
                Message::CategoryMissing {
                    name: category.name(),
                    id: category.id.clone(),
                    description: category.description(),
                },
            );
            issue.severity = severity(category.basis);
            issues.push(issue.with_hint(Message::CategoryMissingHint {
                id: category.id.clone(),
            }));
        }
    }
}

declare_rule! {
    /// ## What it checks
    /// Required categories that are covered only because the text of some action suggests
    /// them, with no action tagged with the category.
    ///
    /// ## Why
    /// Inference from wording is a guide, not a judgement: tagging the action that delivers the
    /// category makes the plan's coverage explicit and stable when the wording changes.
    ///
    /// ## Example
    /// "Deliver WRAP to frontline staff" counts towards `training` by inference; the issue
    /// points at that phrase and suggests tagging the action.
    /// ```json fails
    /// {"sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["Prevent Lead"]}]}]}
    /// ```
    /// ```json passes
    /// {"sections": [{"title": "Training", "actions": [{"id": "1", "description": "Deliver WRAP to frontline staff", "leads": ["Prevent Lead"], "categories": ["training"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Tag the action that delivers the category: `"categories": ["training"]` (in a table, a
    /// "Category" column).
    pub struct CategoryInferred { id: "category-inferred", severity: Info, summary: "A required category is covered only by inference" }
}

impl Check for CategoryInferred {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        for (category, coverage) in required_with_status(context, CoverageStatus::Inferred) {
            let Some(first) = coverage.evidence.first() else {
                continue;
            };
            issues.push(
                Self::META
                    .issue(
                        first.field.to_string(),
                        Message::CategoryInferred {
                            name: category.name(),
                            id: category.id.clone(),
                            actions: coverage.actions.join(", "),
                            phrase: first.phrase.to_string(),
                        },
                    )
                    .with_action(first.action.as_deref())
                    .with_span(first.span)
                    .with_hint(Message::CategoryInferredHint {
                        id: category.id.clone(),
                    }),
            );
        }
    }
}

/// The profile's required categories whose coverage has `status`, in profile order.
fn required_with_status<'a>(
    context: &'a Context<'_>,
    status: CoverageStatus,
) -> impl Iterator<Item = (&'a Category, &'a CategoryCoverage)> {
    let categories = context
        .coverage
        .profile
        .iter()
        .flat_map(|profile| profile.categories.iter());
    categories
        .filter(|category| category.required)
        .filter_map(move |category| {
            let coverage = context.coverage.categories.get(&category.id)?;
            (coverage.status == status).then_some((category, coverage))
        })
}

fn severity(basis: Basis) -> Severity {
    match basis {
        Basis::Must => Severity::Error,
        Basis::Should => Severity::Warning,
        Basis::Advice => Severity::Info,
    }
}

/// The known id nearest to a mistyped tag, when it is close enough to be the intended one.
fn closest<'a>(tag: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let tag = crate::case::lowercase(tag);
    ids.map(|id| {
        let distance = if id.starts_with(&tag) || tag.starts_with(id) {
            0
        } else {
            edit_distance(&tag, id)
        };
        (distance, id)
    })
    .filter(|(distance, id)| *distance <= (id.len() / 3).max(2))
    .min_by_key(|(distance, _)| *distance)
    .map(|(_, id)| id)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous
                .get(j)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(usize::from(ca != *cb));
            let deletion = previous
                .get(j + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let insertion = current
                .get(j)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_category() {
        let ids = ["channel_panel", "training", "partnership"];
        assert_eq!(closest("channel", ids.into_iter()), Some("channel_panel"));
        assert_eq!(closest("trainning", ids.into_iter()), Some("training"));
        assert_eq!(closest("budget", ids.into_iter()), None);
    }
}
