//! Prevent duty coverage: which categories of a profile the plan's actions cover.
//!
//! [`profile`] holds the profiles (data compiled into the crate, or given by the caller),
//! [`matcher`] finds their phrases in text, [`classify`] decides each action's categories
//! with evidence, and [`assess`] puts it together for the report and the coverage rules.

mod classify;
mod matcher;
mod profile;
mod profile_value;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use classify::{Evidence, Source, UnknownTag};
pub use profile::{
    add_builtin, builtin, check, load, profiles, Category, Compiled, Profile, ProfileError,
    Translation, PROFILE_SCHEMA,
};

use crate::model::Plan;
use crate::options::{Locale, ProfileChoice};
use crate::text::PlanText;

/// The profile used when neither the options nor the plan name one.
pub const DEFAULT_PROFILE: &str = "la-2023";

/// Coverage of one category of the profile, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryCoverage {
    pub name: String,
    pub status: CoverageStatus,
    pub required: bool,
    pub basis: Basis,
    /// Ids of the actions that cover it (JSON Pointers for actions without an id).
    pub actions: Vec<String>,
    /// Why each action counts: its tag, or the phrases found in its text.
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    /// At least one action is tagged with the category.
    Covered,
    /// Only inferred from the text of actions.
    Inferred,
    Missing,
}

/// How strongly the guidance asks for a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A legal requirement ("must" in the guidance).
    Must,
    /// An expectation ("should").
    Should,
    /// Good practice.
    Advice,
}

/// A profile that could not be used, and where it was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileProblem {
    pub error: ProfileError,
    /// `/profile` when the plan named it, empty when the options did.
    pub path: &'static str,
}

/// The coverage of a plan against its profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The id of the profile checked against (or asked for, when it could not be used).
    pub profile_id: String,
    pub profile: Option<Cow<'static, Profile>>,
    /// Every category of the profile.
    pub categories: BTreeMap<String, CategoryCoverage>,
    pub unknown_tags: Vec<UnknownTag>,
    pub problem: Option<ProfileProblem>,
}

impl Coverage {
    /// Names the categories in `locale`, where the profile translates them.
    pub fn localize(&mut self, locale: Locale) {
        let Some(profile) = &self.profile else {
            return;
        };
        for category in &profile.categories {
            if let Some(coverage) = self.categories.get_mut(&category.id) {
                category.name().get(locale).clone_into(&mut coverage.name);
            }
        }
    }
}

/// Resolves the profile (the options' choice, else the plan's `profile`, else
/// [`DEFAULT_PROFILE`]), classifies every action, and writes inferred categories into the
/// plan. A profile that cannot be used leaves coverage empty and is kept as `problem`.
pub fn assess(plan: &mut Plan, choice: Option<&ProfileChoice>) -> Coverage {
    let text = PlanText::new(plan);
    assess_text(plan, &text, choice)
}

/// [`assess`], on the words of the plan already read ([`crate::analysis::analyze`]).
pub fn assess_text(plan: &mut Plan, text: &PlanText, choice: Option<&ProfileChoice>) -> Coverage {
    let (choice, path) = match (choice, &plan.profile) {
        (Some(choice), _) => (choice.clone(), ""),
        (None, Some(id)) => (ProfileChoice::Id(id.clone()), "/profile"),
        (None, None) => (ProfileChoice::Id(DEFAULT_PROFILE.to_owned()), ""),
    };
    let requested_id = match &choice {
        ProfileChoice::Id(id) => id.clone(),
        ProfileChoice::Custom(value) => value
            .get("id")
            .and_then(|id| id.as_str())
            .unwrap_or("custom")
            .to_owned(),
    };
    match load(&choice) {
        Ok(compiled) => {
            let classified = classify::classify(plan, text, &compiled.profile, &compiled.matcher);
            let categories = summarise(&compiled.profile, classified.evidence);
            let profile = match compiled {
                // A built-in profile's data is borrowed: cloning the `Cow` copies a reference.
                Cow::Borrowed(compiled) => compiled.profile.clone(),
                Cow::Owned(compiled) => compiled.profile,
            };
            Coverage {
                profile_id: profile.id.clone(),
                profile: Some(profile),
                categories,
                unknown_tags: classified.unknown_tags,
                problem: None,
            }
        }
        Err(error) => Coverage {
            profile_id: requested_id,
            profile: None,
            categories: BTreeMap::new(),
            unknown_tags: Vec::new(),
            problem: Some(ProfileProblem { error, path }),
        },
    }
}

fn summarise(
    profile: &Profile,
    evidence: Vec<(usize, Evidence)>,
) -> BTreeMap<String, CategoryCoverage> {
    let mut by_category: Vec<Vec<Evidence>> = vec![Vec::new(); profile.categories.len()];
    for (category, found) in evidence {
        if let Some(list) = by_category.get_mut(category) {
            list.push(found);
        }
    }
    profile
        .categories
        .iter()
        .zip(by_category)
        .map(|(category, evidence)| {
            let mut actions: Vec<String> = Vec::new();
            // An action's evidence is contiguous (plan order), so a repeat is always the last.
            for action in evidence.iter().filter_map(|found| found.action.as_deref()) {
                if actions.last().map(String::as_str) != Some(action) {
                    actions.push(action.to_owned());
                }
            }
            let status = if evidence
                .iter()
                .any(|found| found.source == Source::Explicit)
            {
                CoverageStatus::Covered
            } else if evidence.is_empty() {
                CoverageStatus::Missing
            } else {
                CoverageStatus::Inferred
            };
            let coverage = CategoryCoverage {
                name: category.name.clone(),
                status,
                required: category.required,
                basis: category.basis,
                actions,
                evidence,
            };
            (category.id.clone(), coverage)
        })
        .collect()
}
