//! The report as the summary reads it: the public JSON shape, only the fields it needs.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_json::Value;

use crate::coverage::{Basis, CoverageStatus, Profile};
use crate::date::Date;
use crate::model::StatusValue;
use crate::options::{Locale, ProfileChoice};
use crate::report::Report;

use super::text::Text;

/// A report in the shape of the public contract (`validate`'s answer).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportData {
    #[serde(default)]
    pub profile: String,
    #[serde(default)]
    pub plan: Option<PlanData>,
    #[serde(default)]
    pub coverage: BTreeMap<String, CategoryData>,
    #[serde(default)]
    pub issues: Vec<IssueData>,
    #[serde(default)]
    pub summary: CountData,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PlanData {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub authority: Option<String>,
    /// A label, or `{label, start, end}`.
    #[serde(default)]
    pub period: Option<Value>,
    #[serde(default)]
    pub as_of: Option<Date>,
    #[serde(default)]
    pub sections: Vec<SectionData>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct SectionData {
    #[serde(default)]
    pub actions: Vec<ActionData>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ActionData {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub leads: Vec<String>,
    #[serde(default)]
    pub milestones: Vec<MilestoneData>,
    #[serde(default)]
    pub status: Option<StatusData>,
}

/// A milestone as reports write it: `{text, parsed}`.
#[derive(Debug, Clone, Deserialize)]
pub struct MilestoneData {
    pub text: String,
    #[serde(default)]
    parsed: Option<Reading>,
}

/// What the report read a milestone as: only its deadline and any progress it states.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Reading {
    #[serde(default)]
    pub end: Option<Date>,
    #[serde(default)]
    pub status: Option<StatusValue>,
}

/// A status as reports write it: `{text, value}`.
#[derive(Debug, Clone, Deserialize)]
pub struct StatusData {
    #[serde(default)]
    value: Option<StatusValue>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CategoryData {
    #[serde(default)]
    pub name: String,
    pub status: CoverageStatus,
    #[serde(default)]
    pub required: bool,
    pub basis: Basis,
    #[serde(default)]
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct IssueData {
    pub rule: String,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct CountData {
    #[serde(default)]
    pub errors: usize,
    #[serde(default)]
    pub warnings: usize,
}

impl ReportData {
    /// A report from the checker, read through its JSON shape: one reading for reports made
    /// here and reports handed back from JavaScript. A report always serializes, so the
    /// empty fallback is never taken.
    pub fn from_report(report: &Report) -> ReportData {
        serde_json::to_value(report)
            .and_then(ReportData::deserialize)
            .unwrap_or_default()
    }

    /// Every action by the key coverage entries name it with: its id, else its JSON Pointer.
    pub fn actions_by_key(&self) -> HashMap<String, &ActionData> {
        let mut keys = HashMap::new();
        let sections = self
            .plan
            .iter()
            .flat_map(|plan| plan.sections.iter().enumerate());
        for (section, data) in sections {
            for (index, action) in data.actions.iter().enumerate() {
                let key = match action.id.as_deref().map(str::trim) {
                    Some(id) if !id.is_empty() => id.to_owned(),
                    _ => format!("/sections/{section}/actions/{index}"),
                };
                keys.entry(key).or_insert(action);
            }
        }
        keys
    }

    /// The action and milestone at a milestone's JSON Pointer
    /// (`/sections/1/actions/0/milestones/2`), with the action's key.
    pub fn milestone_at(&self, pointer: &str) -> Option<(String, &ActionData, &MilestoneData)> {
        let mut parts = pointer.split('/').skip(1);
        let mut index = |name: &str| -> Option<usize> {
            (parts.next()? == name).then_some(())?;
            parts.next()?.parse().ok()
        };
        let (section, action, milestone) =
            (index("sections")?, index("actions")?, index("milestones")?);
        let data = self
            .plan
            .as_ref()?
            .sections
            .get(section)?
            .actions
            .get(action)?;
        let key = data
            .id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map_or_else(
                || format!("/sections/{section}/actions/{action}"),
                str::to_owned,
            );
        Some((key, data, data.milestones.get(milestone)?))
    }

    /// The issues about the action `key` (an id or a JSON Pointer).
    pub fn issues_about<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a IssueData> + 'a {
        self.issues.iter().filter(move |issue| {
            issue.action.as_deref() == Some(key)
                || issue
                    .path
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }
}

impl PlanData {
    pub fn actions(&self) -> impl Iterator<Item = &ActionData> {
        self.sections.iter().flat_map(|section| &section.actions)
    }

    /// The period as a board paper gives it: the plan's label, else its dates.
    pub fn period_words(&self, locale: Locale) -> Option<String> {
        let period = self.period.as_ref()?;
        let label = period.as_str().or_else(|| period.get("label")?.as_str());
        if let Some(label) = label.filter(|label| !label.trim().is_empty()) {
            return Some(label.to_owned());
        }
        let date = |name: &str| period.get(name)?.as_str().and_then(Date::parse_iso);
        Some(
            Text::PlanDates {
                start: date("start")?,
                end: date("end")?,
            }
            .render(locale),
        )
    }
}

impl MilestoneData {
    pub fn due(&self) -> Option<Date> {
        self.parsed.as_ref()?.end
    }
}

/// An action's next milestone at a reporting date.
#[derive(Debug, Clone, Copy)]
pub enum Next<'a> {
    /// Due on or after the reporting date (or undated, such as "Ongoing").
    Due(&'a MilestoneData),
    /// Every dated milestone is past: the last of them.
    NoneLeft(&'a MilestoneData),
    Nothing,
}

impl Next<'_> {
    pub fn due(self) -> Option<Date> {
        match self {
            Next::Due(milestone) => milestone.due(),
            Next::NoneLeft(_) | Next::Nothing => None,
        }
    }
}

impl ActionData {
    /// The first milestone due on or after `as_of` (the first dated one without a reporting
    /// date); when all dated ones are past, the last; an undated one when none is dated.
    pub fn next_milestone(&self, as_of: Option<Date>) -> Next<'_> {
        let dated = || {
            self.milestones
                .iter()
                .filter_map(|milestone| Some((milestone.due()?, milestone)))
        };
        let coming = dated()
            .filter(|(due, _)| as_of.is_none_or(|as_of| *due >= as_of))
            .min_by_key(|(due, _)| *due);
        if let Some((_, milestone)) = coming {
            return Next::Due(milestone);
        }
        if let Some((_, milestone)) = dated().max_by_key(|(due, _)| *due) {
            return Next::NoneLeft(milestone);
        }
        self.milestones
            .iter()
            .find(|milestone| !milestone.text.trim().is_empty())
            .map_or(Next::Nothing, Next::Due)
    }

    /// The progress the plan reports: its status, else what a milestone cell says ("Complete").
    pub fn progress(&self) -> Option<StatusValue> {
        self.status
            .as_ref()
            .and_then(|status| status.value)
            .filter(|value| *value != StatusValue::Unknown)
            .or_else(|| {
                self.milestones
                    .iter()
                    .rev()
                    .find_map(|milestone| milestone.parsed.as_ref()?.status)
            })
    }
}

/// The names of the profile's categories and its title in the summary's language, and
/// their order: from a caller's profile in the options, else the built-in one the report
/// names, else the names the report gives.
pub struct CategoryNames {
    profile: Option<Cow<'static, Profile>>,
    pub profile_title: String,
    locale: Locale,
}

impl CategoryNames {
    pub fn new(
        report: &ReportData,
        choice: Option<&ProfileChoice>,
        locale: Locale,
    ) -> CategoryNames {
        let profile = match choice {
            Some(ProfileChoice::Custom(value)) => Profile::from_value(value).ok().map(Cow::Owned),
            _ => crate::coverage::profiles()
                .into_iter()
                .find(|profile| profile.id == report.profile)
                .map(Cow::Borrowed),
        };
        let profile_title = profile.as_ref().map_or_else(
            || report.profile.clone(),
            |profile| match locale {
                Locale::Welsh => profile
                    .translations
                    .get("cy")
                    .and_then(|welsh| welsh.title.clone())
                    .unwrap_or_else(|| profile.title.clone()),
                Locale::English => profile.title.clone(),
            },
        );
        CategoryNames {
            profile,
            profile_title,
            locale,
        }
    }

    /// The category's name, else `reported` (the name in the report).
    pub fn name(&self, id: &str, reported: &str) -> String {
        self.profile
            .as_ref()
            .and_then(|profile| profile.category(id))
            .map_or_else(
                || reported.to_owned(),
                |category| category.name().get(self.locale).to_owned(),
            )
    }

    /// Where the category comes in the profile (unknown ones last, by id).
    pub fn position(&self, id: &str) -> usize {
        self.profile
            .as_ref()
            .and_then(|profile| {
                profile
                    .categories
                    .iter()
                    .position(|category| category.id == id)
            })
            .unwrap_or(usize::MAX)
    }
}
