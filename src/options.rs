//! Options of a check, as given from JS, the CLI or Rust.

use serde_json::{Map, Value};

use crate::date::{Date, Period};
use crate::messages::Message;
use crate::report::ReportMode;
use crate::table::origin::Origin;

/// Settings of one check. Everything is optional; the plan's own fields fill the gaps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// A profile id ("la-2023"), or a whole profile given as JSON.
    pub profile: Option<ProfileChoice>,
    /// Overrides the plan's own period.
    pub period: Option<Period>,
    /// The reporting date for overdue checks; overrides the plan's `as_of`.
    pub as_of: Option<Date>,
    pub locale: Locale,
    /// The sheet cell where a checked table starts ("B3"), for tables read from a used range:
    /// the report's cells are then the sheet's.
    pub origin: Origin,
    /// Which parts of the report the WASM exports write (`"full"` or `"issues"`); in Rust,
    /// [`crate::Report::to_json`] takes it.
    pub report: ReportMode,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProfileChoice {
    Id(String),
    Custom(Value),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    English,
    Welsh,
}

impl Locale {
    /// The locale of a language tag: "en", "cy" (also "en-GB", "cy-GB").
    pub fn from_tag(tag: &str) -> Option<Locale> {
        match tag {
            "en" | "en-GB" => Some(Locale::English),
            "cy" | "cy-GB" => Some(Locale::Welsh),
            _ => None,
        }
    }
}

/// A bad option: which one and why, in the locale the options ask for (English when they
/// name none, or a bad one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError {
    pub option: &'static str,
    pub message: String,
    pub locale: Locale,
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = Message::InvalidOption {
            option: self.option.to_owned(),
            reason: self.message.clone(),
        };
        f.write_str(&message.render(self.locale))
    }
}

impl std::error::Error for OptionsError {}

impl Options {
    /// Reads options from a JSON object: `{"profile", "period", "asOf", "locale", "origin",
    /// "report"}`.
    /// `null` or `{}` means defaults; unknown keys are an error (they are usually typos).
    pub fn from_json(text: &str) -> Result<Options, OptionsError> {
        let value: Value = serde_json::from_str(text).map_err(|error| {
            OptionsError::new(
                "options",
                Locale::English,
                Message::OptionsNotJson {
                    error: error.to_string(),
                },
            )
        })?;
        Options::from_value(value)
    }

    /// Reads options from a JSON value, as [`Options::from_json`] does.
    pub fn from_value(value: Value) -> Result<Options, OptionsError> {
        Options::from_value_beside(value, &[])
    }

    /// Reads the options of a check from a JSON value that may also hold the keys `others`
    /// (options of a wider call, such as `compare`'s `maxSlips`), which are left to the caller.
    pub(crate) fn from_value_beside(
        value: Value,
        others: &[&str],
    ) -> Result<Options, OptionsError> {
        match value {
            Value::Null => Ok(Options::default()),
            Value::Object(map) => Options::from_map(map, others),
            _ => Err(OptionsError::new(
                "options",
                Locale::English,
                Message::OptionsNotObject,
            )),
        }
    }

    fn from_map(map: Map<String, Value>, others: &[&str]) -> Result<Options, OptionsError> {
        let mut options = Options::default();
        // Errors speak the language asked for, wherever the locale comes in the object.
        let locale = map
            .get("locale")
            .and_then(Value::as_str)
            .and_then(Locale::from_tag)
            .unwrap_or_default();
        let error = |option, message| OptionsError::new(option, locale, message);
        for (key, value) in map {
            match (key.as_str(), value) {
                (_, Value::Null) => {}
                (other, _) if others.contains(&other) => {}
                ("profile", Value::String(id)) => {
                    options.profile = Some(checked_profile(ProfileChoice::Id(id), locale)?)
                }
                ("profile", profile @ Value::Object(_)) => {
                    options.profile = Some(checked_profile(ProfileChoice::Custom(profile), locale)?)
                }
                ("profile", _) => return Err(error("profile", Message::ProfileOptionType)),
                ("period", Value::String(text)) => {
                    options.period = Some(Period::parse(&text).ok_or_else(|| {
                        error(
                            "period",
                            Message::PeriodOptionUnreadable { text: text.clone() },
                        )
                    })?);
                }
                ("period", Value::Object(object)) => {
                    let date = |name: &str| {
                        object
                            .get(name)
                            .and_then(Value::as_str)
                            .and_then(Date::parse_iso)
                    };
                    match (date("start"), date("end")) {
                        (Some(start), Some(end)) => options.period = Some(Period { start, end }),
                        _ => return Err(error("period", Message::PeriodOptionDates)),
                    }
                }
                ("period", _) => return Err(error("period", Message::PeriodOptionType)),
                ("asOf" | "as_of", Value::String(text)) => {
                    options.as_of = Some(Date::parse_iso(&text).ok_or_else(|| {
                        error("asOf", Message::AsOfOptionDate { text: text.clone() })
                    })?);
                }
                ("asOf" | "as_of", _) => return Err(error("asOf", Message::AsOfOptionType)),
                ("locale", Value::String(locale)) => {
                    options.locale = Locale::from_tag(&locale)
                        .ok_or_else(|| error("locale", Message::LocaleOptionUnknown { locale }))?;
                }
                ("locale", _) => return Err(error("locale", Message::LocaleOptionType)),
                ("origin", value) => {
                    options.origin = value.as_str().and_then(Origin::parse).ok_or_else(|| {
                        error(
                            "origin",
                            Message::OriginOption {
                                value: value.to_string(),
                            },
                        )
                    })?;
                }
                ("report", value) => {
                    options.report =
                        value
                            .as_str()
                            .and_then(ReportMode::from_name)
                            .ok_or_else(|| {
                                error(
                                    "report",
                                    Message::ReportOption {
                                        value: value.to_string(),
                                    },
                                )
                            })?;
                }
                (other, _) => {
                    return Err(error(
                        "options",
                        Message::UnknownOption {
                            name: other.to_owned(),
                        },
                    ))
                }
            }
        }
        Ok(options)
    }
}

/// An unknown profile id or an invalid profile object is the caller's mistake, like an
/// unknown locale: it is refused here (JS throws) rather than reported as a plan problem.
fn checked_profile(choice: ProfileChoice, locale: Locale) -> Result<ProfileChoice, OptionsError> {
    match crate::coverage::check(&choice) {
        Ok(()) => Ok(choice),
        Err(problem) => Err(OptionsError::new(
            "profile",
            locale,
            Message::ProfileOptionRejected {
                problem: problem.to_string(),
            },
        )),
    }
}

impl OptionsError {
    pub(crate) fn new(option: &'static str, locale: Locale, message: Message) -> OptionsError {
        OptionsError {
            option,
            message: message.render(locale),
            locale,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_option() {
        let options = Options::from_json(
            r#"{"profile":"schools","period":"2017/18","asOf":"2018-01-31","locale":"cy"}"#,
        );
        let Ok(options) = options else {
            unreachable!("{options:?}")
        };
        assert_eq!(options.profile, Some(ProfileChoice::Id("schools".into())));
        assert_eq!(
            options.period.map(|period| period.start.to_string()),
            Some("2017-04-01".into())
        );
        assert_eq!(
            options.as_of.map(|date| date.to_string()),
            Some("2018-01-31".into())
        );
        assert_eq!(options.locale, Locale::Welsh);
        let issues = Options::from_json(r#"{"report":"issues"}"#).map(|options| options.report);
        assert_eq!(issues, Ok(ReportMode::Issues));
        let full = Options::from_json(r#"{"report":"full"}"#).map(|options| options.report);
        assert_eq!(full, Ok(ReportMode::Full));
        assert_eq!(Options::from_json("null"), Ok(Options::default()));
    }

    #[test]
    fn rejects_bad_options_by_name() {
        for (text, option) in [
            (r#"{"asOf":"31/01/2018"}"#, "asOf"),
            (r#"{"period":42}"#, "period"),
            (r#"{"locale":"fr"}"#, "locale"),
            (r#"{"profil":"x"}"#, "options"),
            (r#"{"report":"plan"}"#, "report"),
            (r#"{"report":true}"#, "report"),
            (r#"{"profile":"la-2099"}"#, "profile"),
            (r#"{"profile":{"id":"mine","categories":[]}}"#, "profile"),
            ("[]", "options"),
        ] {
            assert_eq!(
                Options::from_json(text).map_err(|error| error.option),
                Err(option),
                "{text}"
            );
        }
    }

    #[test]
    fn errors_speak_the_language_asked_for() {
        let message = |text: &str| Options::from_json(text).map_err(|error| error.to_string());
        assert_eq!(
            message(r#"{"asOf": "31/01/2018"}"#),
            Err("invalid option `asOf`: \"31/01/2018\" is not a YYYY-MM-DD date".into())
        );
        assert_eq!(
            message(r#"{"asOf": "31/01/2018", "locale": "cy"}"#),
            Err("opsiwn annilys `asOf`: nid yw \"31/01/2018\" yn ddyddiad YYYY-MM-DD".into())
        );
        assert_eq!(
            message(r#"{"report": "plan"}"#),
            Err("invalid option `report`: \"plan\" is not \"full\" or \"issues\"".into())
        );
        assert_eq!(
            message(r#"{"report": "plan", "locale": "cy"}"#),
            Err("opsiwn annilys `report`: nid yw \"plan\" yn \"full\" nac yn \"issues\"".into())
        );
    }
}
