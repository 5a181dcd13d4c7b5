//! Every text the core shows a person, in each language it speaks.
//!
//! Code names a text and its arguments as a [`Message`] (`Message::ActionLacks { action,
//! what }`); the catalogues render it: [`en`] in English, [`cy`] in Welsh, one `match` each
//! with a template per message. A message missing from a catalogue does not compile, and a
//! catalogue that leaves out an argument fails `clippy -D warnings` (unused variable); the
//! tests below render every message in both languages. Issues keep the messages they were
//! written from, so a report is rendered in the caller's [`Locale`] at the end of a check.
//!
//! Templates are plain `format!` strings: an i18n crate (fluent, gettext) would cost more of
//! the WASM module than both catalogues together.
//!
//! Messages only tables or comparisons raise exist only with those features (`#[cfg]` on the
//! variant and on its template in each catalogue), so that the form module carries neither
//! their templates nor their code (-0.7 KB brotli).

mod cy;
mod en;

#[cfg(not(target_arch = "wasm32"))]
pub use cy::RULE_SUMMARIES as WELSH_RULE_SUMMARIES;

use crate::date::Date;
use crate::model::ActionRef;
#[cfg(feature = "compare")]
use crate::model::StatusValue;
pub use crate::options::Locale;

/// Declares [`Message`] and, for the tests, one sample of each message.
macro_rules! messages {
    ($($(#[doc = $doc:literal])* $(#[cfg($cfg:meta)])? $variant:ident $({ $($field:ident: $type:ty),* $(,)? })?,)*) => {
        /// A text of a report, with its arguments (see the module documentation).
        #[derive(Debug, Clone, PartialEq)]
        pub enum Message {
            $($(#[doc = $doc])* $(#[cfg($cfg)])? $variant $({ $($field: $type),* })?,)*
        }

        #[cfg(test)]
        impl Message {
            /// Every message, each argument with its own sample value.
            /// Rounds shift the seeds, so that arguments of enum types take each value.
            pub(crate) fn samples(round: usize) -> Vec<Message> {
                let mut seed = round * 500;
                let mut next = || {
                    seed += 1;
                    seed
                };
                let _ = &mut next;
                vec![$($(#[cfg($cfg)])? Message::$variant $({ $($field: tests::Sample::sample(next())),* })?,)*]
            }
        }
    };
}

messages! {
    // Structure.
    DuplicateId { id: String, action: usize, section: usize },
    DuplicateIdHint,
    PeriodUnreadable { label: String },
    PeriodUnreadableHint,
    PeriodReversed { start: Date, end: Date },
    /// One issue for the whole plan when no action has the field.
    NoneHave { total: usize, what: Required },
    ActionLacks { action: ActionName, what: Required },
    LeadHint,
    MilestoneHint,
    /// A row that records what is in place, a risk or a requirement, but no action.
    ActionMissing { action: ActionName, recorded: Recorded },
    ActionMissingHint,
    // Timeline: `milestone` is the milestone's text, `action` the action it belongs to.
    MilestoneUnparsed { milestone: String, action: ActionName },
    MilestoneUnparsedHint,
    MilestoneVague { milestone: String, action: ActionName },
    MilestoneVagueHint,
    MilestoneAfterPeriod { milestone: String, action: ActionName, due: Date, end: Date },
    MilestoneBeforePeriod { milestone: String, action: ActionName, due: Date, start: Date },
    MilestoneStartsAfterPeriod { milestone: String, action: ActionName, start: Date, end: Date },
    MilestoneOutsidePeriodHint,
    MilestoneRangeReversed { milestone: String, action: ActionName },
    MilestoneRangeReversedHint,
    ReferenceUnresolved { milestone: String, action: ActionName, target: String },
    ReferenceUnresolvedHint,
    ReferenceDirection { milestone: String, action: ActionName, target: String, said: Whereabouts, actual: Whereabouts },
    ReferenceDirectionHint,
    /// `progress` is the action's status text, when it has one.
    Overdue { milestone: String, action: ActionName, due: Date, as_of: Date, progress: Option<String> },
    OverdueHint,
    StatusDateConflict { milestone: String, action: ActionName, start: Date, as_of: Date },
    StatusDateConflictHint,
    DependencyOrder { action: ActionName, target: String, due: Date, target_due: Date },
    DependencyOrderHint,
    // Comparing versions: `milestone` is the later milestone's text.
    #[cfg(feature = "compare")]
    MilestoneSlippedAgain { milestone: String, action: ActionName, slips: usize, months: usize },
    #[cfg(feature = "compare")]
    MilestoneSlippedPastPeriod { milestone: String, action: ActionName, due: Date, end: Date },
    #[cfg(feature = "compare")]
    MilestoneSlippedHint,
    /// `status` is the action's last status before it was removed.
    #[cfg(feature = "compare")]
    ActionDropped { action: ActionName, status: StatusValue },
    #[cfg(feature = "compare")]
    ActionDroppedHint,
    /// `name` is the category's name in the report's language.
    #[cfg(feature = "compare")]
    CoverageLost { name: String, id: String },
    // Coverage.
    ProfileUnknown { id: String, known: String },
    ProfileInvalid { problems: String },
    ProfileRejectedHint,
    /// A built-in profile the module does not compile in, not loaded yet (the form module).
    ProfileNotLoaded { id: String },
    ProfileNotLoadedHint { id: String },
    ProfileNotBuiltinData { id: String },
    CategoryUnknown { tag: String, profile: String },
    DidYouMean { id: String },
    CategoriesOf { profile: String, ids: String },
    CategoryMissing { name: Localized, id: String, description: Localized },
    CategoryMissingHint { id: String },
    /// `actions` lists the ids of the actions, empty when the plan's title is the evidence.
    CategoryInferred { name: Localized, id: String, actions: String, phrase: String },
    CategoryInferredHint { id: String },
    // Personal data: `kind` is one of the kinds `find_personal_data` names.
    PersonalData { kind: &'static str, found: String },
    PersonalDataHint,
    // Reading input.
    /// `error` is the parser's own description (English), `end` whether the text stopped short.
    JsonSyntax { error: String, line: usize, column: usize, end: bool },
    JsonSyntaxHint,
    /// Sizes in megabytes with one decimal.
    TooManyBytes { size: String, max: String },
    TooManyBytesHint,
    TooDeep { max: usize },
    TooDeepHint,
    TooManyActions { actions: usize, max: usize },
    TextTooLong { chars: usize, max: usize },
    TextTooLongHint,
    // Tables.
    #[cfg(feature = "tables")]
    TableTooLarge { rows: usize, columns: usize },
    #[cfg(feature = "tables")]
    NoHeader,
    #[cfg(feature = "tables")]
    NoHeaderHint { rows: usize },
    #[cfg(feature = "tables")]
    NoPlanSheet,
    #[cfg(feature = "tables")]
    NoPlanSheetHint { rows: usize },
    #[cfg(feature = "tables")]
    CellUnmapped { cell: String, text: String },
    #[cfg(feature = "tables")]
    CellUnmappedHint,
    #[cfg(feature = "tables")]
    ColumnUnmapped { column: String, heading: Option<String>, cells: usize },
    #[cfg(feature = "tables")]
    ColumnUnmappedHint,
    #[cfg(feature = "tables")]
    NotUtf8 { byte: usize, line: usize },
    #[cfg(feature = "tables")]
    NotUtf8Hint,
    /// `detail` is the reader's own description (from the CSV or workbook library).
    #[cfg(feature = "tables")]
    TableUnreadable { detail: String },
    // Files: documents and workbooks.
    #[cfg(feature = "tables")]
    FileEncrypted,
    #[cfg(feature = "tables")]
    FileEncryptedHint,
    #[cfg(feature = "tables")]
    FormatUnsupported { format: FileFormat },
    #[cfg(feature = "tables")]
    FormatUnsupportedHint { format: FileFormat },
    /// `limit` in megabytes with one decimal.
    #[cfg(feature = "tables")]
    FileUnpacksTooLarge { part: String, limit: String },
    #[cfg(feature = "tables")]
    TooManyCells { max: usize },
    /// `max` in megabytes with one decimal.
    #[cfg(feature = "tables")]
    TooMuchText { max: String },
    #[cfg(feature = "tables")]
    FileTooLargeHint,
    #[cfg(feature = "tables")]
    NoPlanTable,
    #[cfg(feature = "tables")]
    SheetNotRead { sheet: String, hidden: bool },
    #[cfg(feature = "tables")]
    TableNotRead { table: usize },
    #[cfg(feature = "tables")]
    NotReadHint,
    /// `cells` lists the first few addresses; `count` is how many there are.
    #[cfg(feature = "tables")]
    FormulaWithoutValue { cells: String, count: usize },
    #[cfg(feature = "tables")]
    FormulaWithoutValueHint,
    TableLocation { table: usize, row: usize, column: usize },
    ParagraphLocation { table: usize, paragraph: usize },
    // Schema: `place` is where, `keyword` the schema keyword that failed.
    SchemaRequired { place: Place, field: String, keyword: String },
    /// `fields` is the list of unknown names, quoted.
    SchemaUnknownField { place: Place, fields: String, keyword: String },
    SchemaType { place: Place, expected: Vec<JsonType>, found: JsonType, keyword: String },
    SchemaEmpty { place: Place, keyword: String },
    SchemaTooLong { place: Place, limit: u64, keyword: String },
    SchemaTooMany { place: Place, limit: u64, keyword: String },
    SchemaTooFew { place: Place, limit: u64, keyword: String },
    SchemaRepeated { place: Place, keyword: String },
    SchemaEnum { place: Place, options: String, keyword: String },
    SchemaFormat { place: Place, expected: Expectation, found: String, keyword: String },
    SchemaOneOf { place: Place, expected: Expectation, keyword: String },
    /// Any other schema failure, with the validator's own description.
    SchemaOther { place: Place, keyword: String },
    // Options: thrown to the caller (`ERR_INVALID_OPTION`), not reported.
    InvalidOption { option: String, reason: String },
    /// `error` is the JSON parser's own description.
    OptionsNotJson { error: String },
    OptionsNotObject,
    ProfileOptionType,
    /// `problem` says why the profile cannot be used (English: it names ids and pointers).
    ProfileOptionRejected { problem: String },
    PeriodOptionUnreadable { text: String },
    PeriodOptionDates,
    PeriodOptionType,
    AsOfOptionDate { text: String },
    AsOfOptionType,
    OriginOption { value: String },
    ReportOption { value: String },
    LocaleOptionUnknown { locale: String },
    LocaleOptionType,
    UnknownOption { name: String },
    #[cfg(feature = "compare")]
    MaxSlipsOption,
}

impl Message {
    /// The message in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        match locale {
            Locale::English => {
                // Room for most messages at once: growing the text as it is written cost
                // more than writing it.
                let mut text = String::with_capacity(160);
                // Writing to a `String` cannot fail.
                let _ = en::write(self, &mut text);
                text
            }
            Locale::Welsh => cy::render(self),
        }
    }
}

/// A date as people write it: "31 Mar 2018", "31 Mawrth 2018".
pub fn human_date(date: Date, locale: Locale) -> String {
    match locale {
        Locale::English => en::human(date).to_string(),
        Locale::Welsh => cy::human(date),
    }
}

/// A number in decimal, written without the formatting machinery: `{}` on an integer costs
/// several times as much, and every issue names dates and positions.
pub(crate) struct Decimal {
    digits: [u8; 20],
    start: usize,
}

impl Decimal {
    pub(crate) fn new(mut value: u64) -> Decimal {
        let mut digits = [b'0'; 20];
        let mut start = digits.len();
        while let Some(slot) = start.checked_sub(1).and_then(|at| digits.get_mut(at)) {
            *slot = b'0' + (value % 10) as u8;
            start -= 1;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        Decimal { digits, start }
    }

    pub(crate) fn of(value: usize) -> Decimal {
        Decimal::new(value as u64)
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.digits.get(self.start..).unwrap_or_default()).unwrap_or_default()
    }
}

/// File formats recognised only to say that they are not read.
#[cfg(feature = "tables")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileFormat {
    /// Word 97-2003 (.doc).
    LegacyWord,
    /// Excel 97-2003 (.xls).
    LegacyExcel,
    Pdf,
}

/// The field an action lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    Lead,
    Milestone,
}

impl Required {
    /// What to do about an action lacking it.
    pub fn hint(self) -> Message {
        match self {
            Required::Lead => Message::LeadHint,
            Required::Milestone => Message::MilestoneHint,
        }
    }
}

/// What a row without action text records instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Work to date, existing measures or controls.
    Evidence,
    Risk,
    Requirement,
}

/// Where an action is, seen from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whereabouts {
    Above,
    Below,
    Itself,
}

/// An action as a message names it: by its id, else by its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionName {
    Id(String),
    /// 1-based positions.
    Position {
        action: usize,
        section: usize,
    },
}

impl ActionName {
    pub fn of(action: &ActionRef<'_>) -> ActionName {
        match &action.action.id {
            Some(id) if !id.trim().is_empty() => ActionName::Id(id.trim().to_owned()),
            _ => ActionName::Position {
                action: action.action_index + 1,
                section: action.section_index + 1,
            },
        }
    }
}

/// A text from data (a profile) that may carry a Welsh version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub en: String,
    pub cy: Option<String>,
}

impl Localized {
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::English => &self.en,
            Locale::Welsh => self.cy.as_deref().unwrap_or(&self.en),
        }
    }
}

/// A JSON type as the schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Text,
    List,
    Object,
    Number,
    Boolean,
    Null,
    Other,
}

/// What a value that failed a `format` or `oneOf` should have looked like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expectation {
    Date,
    CategoryId,
    ProfileId,
    Period,
    Milestone,
    Status,
    /// A format the messages have no words for.
    Format,
    /// A `oneOf` the messages have no words for.
    AllowedForm,
}

/// Where in a plan document a schema failure is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub owner: Owner,
    pub part: Option<Part>,
}

/// The section or action (or the plan) that a place belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Plan,
    /// 1-based.
    Section(usize),
    Action(String),
    /// An action without an id: its 1-based position, in a section (1-based) or the plan.
    ActionAt {
        action: usize,
        section: Option<usize>,
    },
    /// A place in a caller's coverage profile, by JSON Pointer (empty for the whole profile).
    Profile(String),
}

/// A field of the owner, or one entry of a list field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// The field's JSON name.
    Field(String),
    /// The list field's JSON name and the 1-based position in it.
    Item(String, usize),
}

/// An issue's message and hint as catalogue entries, to render in the report's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Texts {
    pub message: Option<Message>,
    pub hint: Option<Message>,
}

#[cfg(test)]
pub(crate) mod tests;
