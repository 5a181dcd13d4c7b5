//! Prevent duty coverage: which categories of a profile the plan's actions cover.

use serde::Serialize;

/// The profile used when neither the options nor the plan name one.
pub const DEFAULT_PROFILE: &str = "la-2023";

/// Coverage of one category of the profile, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryCoverage {
    pub status: CoverageStatus,
    pub required: bool,
    pub basis: Basis,
    /// Ids (or labels) of the actions that cover it.
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    /// At least one action is tagged with the category.
    Covered,
    /// Only inferred from the text of actions.
    Inferred,
    Missing,
}

/// How strongly the guidance asks for a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Must,
    Should,
    Advice,
}
