//! Options of a check, as given from JS, the CLI or Rust.

use serde_json::{Map, Value};

use crate::date::{Date, Period};

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

/// A bad option: which one and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError {
    pub option: &'static str,
    pub message: String,
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid option `{}`: {}", self.option, self.message)
    }
}

impl std::error::Error for OptionsError {}

impl Options {
    /// Reads options from a JSON object: `{"profile", "period", "asOf", "locale"}`.
    /// `null` or `{}` means defaults; unknown keys are an error (they are usually typos).
    pub fn from_json(text: &str) -> Result<Options, OptionsError> {
        let value: Value = serde_json::from_str(text).map_err(|error| OptionsError {
            option: "options",
            message: format!("not JSON: {error}"),
        })?;
        Options::from_value(value)
    }

    /// Reads options from a JSON value, as [`Options::from_json`] does.
    pub fn from_value(value: Value) -> Result<Options, OptionsError> {
        match value {
            Value::Null => Ok(Options::default()),
            Value::Object(map) => Options::from_map(map),
            _ => Err(OptionsError {
                option: "options",
                message: "must be an object".into(),
            }),
        }
    }

    fn from_map(map: Map<String, Value>) -> Result<Options, OptionsError> {
        let mut options = Options::default();
        for (key, value) in map {
            match (key.as_str(), value) {
                (_, Value::Null) => {}
                ("profile", Value::String(id)) => {
                    options.profile = Some(checked_profile(ProfileChoice::Id(id))?)
                }
                ("profile", profile @ Value::Object(_)) => {
                    options.profile = Some(checked_profile(ProfileChoice::Custom(profile))?)
                }
                ("profile", _) => {
                    return Err(error("profile", "must be a profile id or a profile object"))
                }
                ("period", Value::String(text)) => {
                    options.period = Some(Period::parse(&text).ok_or_else(|| {
                        error("period", format!("\"{text}\" is neither START/END ISO dates nor a label such as 2017/18"))
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
                        _ => return Err(error("period", "needs `start` and `end` as YYYY-MM-DD")),
                    }
                }
                ("period", _) => return Err(error("period", "must be a string or {start, end}")),
                ("asOf" | "as_of", Value::String(text)) => {
                    options.as_of = Some(Date::parse_iso(&text).ok_or_else(|| {
                        error("asOf", format!("\"{text}\" is not a YYYY-MM-DD date"))
                    })?);
                }
                ("asOf" | "as_of", _) => return Err(error("asOf", "must be a YYYY-MM-DD string")),
                ("locale", Value::String(locale)) => {
                    options.locale = match locale.as_str() {
                        "en" | "en-GB" => Locale::English,
                        "cy" | "cy-GB" => Locale::Welsh,
                        other => {
                            return Err(error(
                                "locale",
                                format!("\"{other}\" is not supported (use en or cy)"),
                            ))
                        }
                    }
                }
                ("locale", _) => return Err(error("locale", "must be \"en\" or \"cy\"")),
                (other, _) => {
                    return Err(OptionsError {
                        option: "options",
                        message: format!(
                            "unknown option `{other}` (known: profile, period, asOf, locale)"
                        ),
                    })
                }
            }
        }
        Ok(options)
    }
}

/// An unknown profile id or an invalid profile object is the caller's mistake, like an
/// unknown locale: it is refused here (JS throws) rather than reported as a plan problem.
fn checked_profile(choice: ProfileChoice) -> Result<ProfileChoice, OptionsError> {
    match crate::coverage::check(&choice) {
        Ok(()) => Ok(choice),
        Err(problem) => Err(error("profile", problem.to_string())),
    }
}

fn error(option: &'static str, message: impl Into<String>) -> OptionsError {
    OptionsError {
        option,
        message: message.into(),
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
        assert_eq!(Options::from_json("null"), Ok(Options::default()));
    }

    #[test]
    fn rejects_bad_options_by_name() {
        for (text, option) in [
            (r#"{"asOf":"31/01/2018"}"#, "asOf"),
            (r#"{"period":42}"#, "period"),
            (r#"{"locale":"fr"}"#, "locale"),
            (r#"{"profil":"x"}"#, "options"),
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
}
