//! Coverage profiles: what a plan of one kind of body should cover, as data.
//!
//! The built-in profiles are JSON files compiled into the crate and parsed on first use;
//! a profile given by the caller is checked against the published profile schema first.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::matcher::Matcher;
use super::profile_value::read_profile;
use super::Basis;
use crate::messages::{Locale, Localized, Message, Owner, Place};
use crate::text::hash_word as fnv1a;

/// The profile JSON Schema (draft 2020-12) as published.
pub const PROFILE_SCHEMA: &str = include_str!("profile.schema.json");

#[jsonschema::validator(path = "src/coverage/profile.schema.json", draft = Draft202012)]
struct ProfileValidator;

/// A coverage profile (see `profile.schema.json` for the meaning of each field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub title: String,
    /// The guidance version the profile follows.
    pub guidance: String,
    /// The kind of specified authority: "local_authority", "schools", ...
    pub sector: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub categories: Vec<Category>,
    /// The title and description in other languages, by locale ("cy").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
}

/// A profile's or a category's texts in another language; what is left out stays English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// The profile's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The category's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One category of the duty within a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub basis: Basis,
    /// Whether a plan is expected to show it (otherwise it is only recommended).
    pub required: bool,
    /// What the category asks for, citing its source.
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Phrases that indicate an action serves the category.
    pub phrases: Vec<String>,
    /// Longer phrases inside which a match does not count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// The name and description in other languages, by locale ("cy").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
}

impl Category {
    /// The name, with its Welsh version when the profile gives one.
    pub fn name(&self) -> Localized {
        Localized {
            en: self.name.clone(),
            cy: self.welsh().and_then(|welsh| welsh.name.clone()),
        }
    }

    pub fn description(&self) -> Localized {
        Localized {
            en: self.description.clone(),
            cy: self.welsh().and_then(|welsh| welsh.description.clone()),
        }
    }

    fn welsh(&self) -> Option<&Translation> {
        self.translations.get("cy")
    }
}

impl Profile {
    /// Reads a caller's profile: the schema first, then what a schema cannot say (unique
    /// category ids). Every problem is listed, each with its JSON Pointer.
    pub fn from_value(value: &Value) -> Result<Profile, ProfileError> {
        let mut problems: Vec<String> = ProfileValidator::iter_errors(value)
            .map(|error| {
                let path = error.instance_path().as_str();
                let place = Place {
                    owner: Owner::Profile(path.to_owned()),
                    part: None,
                };
                crate::schema::describe(place, path, &error).render(Locale::English)
            })
            .collect();
        if !problems.is_empty() {
            return Err(ProfileError::Invalid { problems });
        }
        // What the schema allows always reads; the error is there for a schema gone wrong.
        let profile = read_profile(value).ok_or_else(|| ProfileError::Invalid {
            problems: vec!["the profile does not have the shape of a profile".to_owned()],
        })?;
        // Shapes of ids are checked here, not with the schema's `pattern`: the compiled
        // validator implements `pattern` with a regex engine that would triple the module.
        if !is_id(&profile.id, b'-', true) {
            problems.push(format!(
                "/id: \"{}\" is not a profile id such as \"la-2023\"",
                profile.id
            ));
        }
        if !is_id(&profile.sector, b'_', false) {
            problems.push(format!(
                "/sector: \"{}\" is not a sector id such as \"local_authority\"",
                profile.sector
            ));
        }
        let mut seen = HashSet::new();
        for (index, category) in profile.categories.iter().enumerate() {
            if !is_id(&category.id, b'_', false) {
                problems.push(format!(
                    "/categories/{index}/id: \"{}\" is not a category id such as \"channel_panel\"",
                    category.id
                ));
            }
            for (phrase_index, phrase) in category.phrases.iter().enumerate() {
                if !phrase.chars().any(char::is_alphanumeric) {
                    problems.push(format!("/categories/{index}/phrases/{phrase_index}: a phrase needs a letter or digit"));
                }
            }
            if !seen.insert(category.id.as_str()) {
                problems.push(format!(
                    "/categories/{index}/id: category id \"{}\" is used twice",
                    category.id
                ));
            }
        }
        if problems.is_empty() {
            Ok(profile)
        } else {
            Err(ProfileError::Invalid { problems })
        }
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|category| category.id == id)
    }
}

/// Lower-case ASCII letters and digits joined by `separator`, starting with a letter (or
/// also a digit when `digit_first`).
fn is_id(text: &str, separator: u8, digit_first: bool) -> bool {
    let mut bytes = text.bytes();
    let first_ok = bytes
        .next()
        .is_some_and(|first| first.is_ascii_lowercase() || (digit_first && first.is_ascii_digit()));
    first_ok
        && bytes.all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == separator)
}

/// Why a profile cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// No built-in profile has this id.
    Unknown { id: String },
    /// A caller's profile does not match the profile schema.
    Invalid { problems: Vec<String> },
    /// A built-in profile whose data this build does not compile in and was not given yet.
    NotLoaded { id: String },
    /// Data given for a built-in profile that is not the text of its file in this version.
    NotBuiltinData { id: String },
}

impl ProfileError {
    /// Stable code, used as the rule id in reports and as the `code` of a JS error.
    pub fn code(&self) -> &'static str {
        match self {
            ProfileError::Unknown { .. } => "profile-unknown",
            ProfileError::Invalid { .. } | ProfileError::NotBuiltinData { .. } => "profile-invalid",
            ProfileError::NotLoaded { .. } => "profile-not-loaded",
        }
    }
}

impl ProfileError {
    /// The report's message for a profile that could not be used.
    pub fn message(&self) -> Message {
        match self {
            ProfileError::Unknown { id } => Message::ProfileUnknown {
                id: id.clone(),
                known: known_ids(),
            },
            ProfileError::Invalid { problems } => Message::ProfileInvalid {
                problems: problems.join("; "),
            },
            ProfileError::NotLoaded { id } => Message::ProfileNotLoaded { id: id.clone() },
            ProfileError::NotBuiltinData { id } => {
                Message::ProfileNotBuiltinData { id: id.clone() }
            }
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Message {
        match self {
            ProfileError::NotLoaded { id } => Message::ProfileNotLoadedHint { id: id.clone() },
            _ => Message::ProfileRejectedHint,
        }
    }
}

fn known_ids() -> String {
    let known: Vec<&str> = BUILTINS.iter().map(|builtin| builtin.id).collect();
    known.join(", ")
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProfileError::Unknown { id } => {
                write!(
                    f,
                    "unknown profile \"{id}\" (known profiles: {})",
                    known_ids()
                )
            }
            ProfileError::Invalid { problems } => {
                write!(f, "the profile is not valid: {}", problems.join("; "))
            }
            ProfileError::NotLoaded { .. } | ProfileError::NotBuiltinData { .. } => {
                f.write_str(&self.message().render(Locale::English))
            }
        }
    }
}

impl std::error::Error for ProfileError {}

/// A profile ready for matching: its data (a built-in one's is shared with [`profiles`], not
/// copied) and its phrase table.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub profile: Cow<'static, Profile>,
    pub matcher: Matcher,
}

impl Compiled {
    pub fn new(profile: Cow<'static, Profile>) -> Compiled {
        let matcher = Matcher::new(&profile);
        Compiled { profile, matcher }
    }
}

/// A built-in profile's data when it is compiled in: the default always, the others with the
/// `profiles` feature. Without it they are data the caller adds at run time ([`add_builtin`]),
/// which keeps them out of the form module.
macro_rules! builtin_source {
    (default: $path:expr) => {
        Some(include_str!($path))
    };
    ($path:expr) => {{
        #[cfg(feature = "profiles")]
        let source = Some(include_str!($path));
        #[cfg(not(feature = "profiles"))]
        let source = None;
        source
    }};
}

/// A built-in profile: its id, its data when compiled in, and the FNV-1a hash of its file,
/// so that data added at run time is known to be exactly that file (and reports are the same
/// as with the data compiled in). The hash is computed by the compiler: the file's bytes are
/// not in the module unless `source` is.
struct Builtin {
    id: &'static str,
    source: Option<&'static str>,
    hash: u64,
}

macro_rules! builtin {
    ($id:literal $(, $default:ident)?) => {
        Builtin {
            id: $id,
            source: builtin_source!($($default:)? concat!("profiles/", $id, ".json")),
            hash: fnv1a(include_bytes!(concat!("profiles/", $id, ".json"))),
        }
    };
}

const BUILTINS: [Builtin; 7] = [
    builtin!("la-2023", default),
    builtin!("la-2015"),
    builtin!("scotland-la"),
    builtin!("schools"),
    builtin!("further-education"),
    builtin!("higher-education"),
    builtin!("health"),
];

/// Each built-in profile is parsed the first time it is asked for (or when its data is added),
/// and its phrase table built the first time a plan is checked against it (listing profiles
/// needs only the data).
static BUILTIN_DATA: [OnceLock<Option<Profile>>; BUILTINS.len()] =
    [const { OnceLock::new() }; BUILTINS.len()];
static BUILTIN_COMPILED: [OnceLock<Compiled>; BUILTINS.len()] =
    [const { OnceLock::new() }; BUILTINS.len()];

fn builtin_index(id: &str) -> Option<usize> {
    BUILTINS.iter().position(|builtin| builtin.id == id)
}

/// A built-in profile's file read as its data. The built-in files are tested to parse; a
/// broken one reads as not loaded, not a crash.
fn parse_builtin(source: &str) -> Option<Profile> {
    // Through `Value`, as custom profiles are read, so the module carries one reader.
    let value: Value = serde_json::from_str(source).ok()?;
    read_profile(&value)
}

/// A built-in profile's data: compiled in, or added with [`add_builtin`]; `None` until then.
fn builtin_data(index: usize) -> Option<&'static Profile> {
    let builtin = BUILTINS.get(index)?;
    let slot = BUILTIN_DATA.get(index)?;
    match builtin.source {
        Some(source) => slot.get_or_init(|| parse_builtin(source)).as_ref(),
        None => slot.get()?.as_ref(),
    }
}

/// A built-in profile by id, ready for matching (`None` when unknown or not loaded).
pub fn builtin(id: &str) -> Option<&'static Compiled> {
    let index = builtin_index(id)?;
    // Only once the data is there: a profile asked for before it is added is built when it is.
    let profile = builtin_data(index)?;
    Some(
        BUILTIN_COMPILED
            .get(index)?
            .get_or_init(|| Compiled::new(Cow::Borrowed(profile))),
    )
}

/// Adds the data of the built-in profile `id`, exactly the text of its file
/// (`src/coverage/profiles/<id>.json`, shipped as `profiles/<id>.json` in the npm package),
/// to a build that does not compile it in. Adding a profile that is already there is allowed.
pub fn add_builtin(id: &str, text: &str) -> Result<(), ProfileError> {
    let unknown = || ProfileError::Unknown { id: id.to_owned() };
    let index = builtin_index(id).ok_or_else(unknown)?;
    let builtin = BUILTINS.get(index).ok_or_else(unknown)?;
    if fnv1a(text.as_bytes()) != builtin.hash {
        return Err(ProfileError::NotBuiltinData { id: id.to_owned() });
    }
    if builtin_data(index).is_none() {
        let slot = BUILTIN_DATA.get(index).ok_or_else(unknown)?;
        // Set once: a second caller racing here would add the same data.
        let _ = slot.set(parse_builtin(text));
    }
    builtin_data(index)
        .map(|_| ())
        .ok_or_else(|| ProfileError::NotLoaded { id: id.to_owned() })
}

/// Every built-in profile this build has the data of, default first: all of them with the
/// `profiles` feature, else the default and those added with [`add_builtin`].
pub fn profiles() -> Vec<&'static Profile> {
    (0..BUILTINS.len()).filter_map(builtin_data).collect()
}

/// Whether a profile choice can be used, without building its phrase table (for reading options).
/// A built-in profile whose data is not loaded yet passes: the report says so.
pub fn check(choice: &crate::options::ProfileChoice) -> Result<(), ProfileError> {
    match choice {
        crate::options::ProfileChoice::Id(id) => builtin_index(id)
            .map(|_| ())
            .ok_or_else(|| ProfileError::Unknown { id: id.clone() }),
        crate::options::ProfileChoice::Custom(value) => Profile::from_value(value).map(|_| ()),
    }
}

/// Finds a built-in profile by id, or reads a caller's profile object.
pub fn load(
    choice: &crate::options::ProfileChoice,
) -> Result<Cow<'static, Compiled>, ProfileError> {
    match choice {
        crate::options::ProfileChoice::Id(id) => {
            builtin(id)
                .map(Cow::Borrowed)
                .ok_or_else(|| match builtin_index(id) {
                    Some(_) => ProfileError::NotLoaded { id: id.clone() },
                    None => ProfileError::Unknown { id: id.clone() },
                })
        }
        crate::options::ProfileChoice::Custom(value) => {
            Profile::from_value(value).map(|profile| Cow::Owned(Compiled::new(Cow::Owned(profile))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::ProfileChoice;
    use serde_json::json;

    /// The text of a built-in profile's file, read from the source tree (the build may not
    /// compile it in).
    fn builtin_file(id: &str) -> String {
        let path = format!(
            "{}/src/coverage/profiles/{id}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|error| unreachable!("{path}: {error}"))
    }

    #[test]
    fn every_builtin_profile_matches_the_schema_and_its_id() {
        for Builtin { id, .. } in BUILTINS {
            let source = builtin_file(id);
            let value: Value =
                serde_json::from_str(&source).unwrap_or_else(|error| unreachable!("{id}: {error}"));
            let profile =
                Profile::from_value(&value).unwrap_or_else(|error| unreachable!("{id}: {error}"));
            assert_eq!(profile.id, id);
            assert!(builtin(id).is_some(), "{id}");
            for category in &profile.categories {
                let mut folded: Vec<String> = category
                    .phrases
                    .iter()
                    .map(|phrase| crate::text::fold(phrase.trim()))
                    .collect();
                folded.sort();
                let count = folded.len();
                folded.dedup();
                assert_eq!(
                    folded.len(),
                    count,
                    "{id}/{}: two phrases fold alike",
                    category.id
                );
                assert!(
                    category.source.is_some() || category.description.contains("guidance"),
                    "{id}/{} cites no source",
                    category.id
                );
            }
        }
        assert_eq!(profiles().len(), BUILTINS.len());
    }

    #[test]
    fn la_2023_requires_exactly_the_eight_benchmarks() {
        let Some(compiled) = builtin("la-2023") else {
            unreachable!("la-2023 missing")
        };
        let required: Vec<&str> = compiled
            .profile
            .categories
            .iter()
            .filter(|category| category.required)
            .map(|category| category.id.as_str())
            .collect();
        assert_eq!(
            required,
            [
                "partnership",
                "risk_assessment",
                "partnership_plan",
                "referral_pathway",
                "channel_panel",
                "training",
                "permissive_environments",
                "communications_engagement"
            ]
        );
        assert_eq!(
            compiled.profile.category("channel_panel").map(|c| c.basis),
            Some(Basis::Must)
        );
        for recommended in [
            "leadership",
            "monitoring_review",
            "schools_education",
            "children_settings",
            "out_of_school_settings",
            "policy_integration",
        ] {
            assert_eq!(
                compiled.profile.category(recommended).map(|c| c.required),
                Some(false),
                "{recommended}"
            );
        }
    }

    #[test]
    fn scotland_speaks_of_pmap_not_channel() {
        let Some(compiled) = builtin("scotland-la") else {
            unreachable!("scotland-la missing")
        };
        let text = serde_json::to_string(&compiled.profile).unwrap_or_default();
        assert!(text.contains("PMAP"));
        assert!(
            !text.contains("\"Channel"),
            "Scottish profile mentions Channel as a phrase"
        );
        assert!(compiled.profile.category("channel_panel").is_none());
    }

    #[test]
    fn unknown_ids_and_bad_profiles_are_errors() {
        let unknown = load(&ProfileChoice::Id("la-2099".into())).map(|_| ());
        assert_eq!(
            unknown,
            Err(ProfileError::Unknown {
                id: "la-2099".into()
            })
        );
        let message = unknown
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(message.contains("la-2023"), "{message}");

        let bad = json!({"id": "mine", "title": "Mine", "guidance": "g", "sector": "local_authority",
            "categories": [{"id": "x", "name": "X", "basis": "maybe", "required": true, "description": "d", "phrases": []}]});
        let Err(ProfileError::Invalid { problems }) = load(&ProfileChoice::Custom(bad)) else {
            unreachable!("accepted a bad profile")
        };
        assert!(
            problems
                .iter()
                .any(|problem| problem.starts_with("/categories/0/basis")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|problem| problem.starts_with("/categories/0/phrases")),
            "{problems:?}"
        );

        let twice = json!({"id": "mine", "title": "Mine", "guidance": "g", "sector": "schools", "categories": [
            {"id": "x", "name": "X", "basis": "must", "required": true, "description": "d", "phrases": ["xx"]},
            {"id": "x", "name": "Y", "basis": "must", "required": true, "description": "d", "phrases": ["yy"]}]});
        let Err(ProfileError::Invalid { problems }) = load(&ProfileChoice::Custom(twice)) else {
            unreachable!("accepted duplicate ids")
        };
        assert_eq!(
            problems,
            ["/categories/1/id: category id \"x\" is used twice"]
        );

        let shapes = json!({"id": "Mine!", "title": "Mine", "guidance": "g", "sector": "Local Authority", "categories": [
            {"id": "Channel-Panel", "name": "X", "basis": "must", "required": true, "description": "d", "phrases": ["--", "ok"]}]});
        let Err(ProfileError::Invalid { problems }) = load(&ProfileChoice::Custom(shapes)) else {
            unreachable!("accepted badly shaped ids")
        };
        let places: Vec<&str> = problems
            .iter()
            .filter_map(|problem| problem.split(':').next())
            .collect();
        assert_eq!(
            places,
            [
                "/id",
                "/sector",
                "/categories/0/id",
                "/categories/0/phrases/0"
            ]
        );
        assert!(
            is_id("la-2023", b'-', true) && is_id("9a", b'-', true) && !is_id("9a", b'_', false)
        );
        assert!(is_id("channel_panel", b'_', false) && !is_id("", b'_', false));
    }

    #[test]
    fn builtin_data_is_added_only_as_its_own_file() {
        let schools = builtin_file("schools");
        assert_eq!(add_builtin("schools", &schools), Ok(()));
        assert_eq!(add_builtin("la-2023", &builtin_file("la-2023")), Ok(()));
        assert_eq!(
            add_builtin("health", &schools),
            Err(ProfileError::NotBuiltinData {
                id: "health".into()
            })
        );
        let edited = schools.replacen("Schools", "Colleges", 1);
        assert_eq!(
            add_builtin("schools", &edited),
            Err(ProfileError::NotBuiltinData {
                id: "schools".into()
            })
        );
        assert_eq!(
            add_builtin("la-2099", &schools),
            Err(ProfileError::Unknown {
                id: "la-2099".into()
            })
        );
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_valid_custom_profile_loads() {
        let mine = json!({"id": "mine", "title": "Mine", "guidance": "g", "sector": "schools", "categories": [
            {"id": "x", "name": "X", "basis": "should", "required": true, "description": "d", "phrases": ["xx"]}]});
        let loaded = load(&ProfileChoice::Custom(mine)).map(|compiled| compiled.profile.id.clone());
        assert_eq!(loaded, Ok("mine".to_owned()));
    }
}
