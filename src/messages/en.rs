//! The English catalogue.

use super::{
    ActionName, Decimal, Expectation, JsonType, Message, Owner, Part, Place, Recorded, Required,
    Whereabouts,
};
use std::fmt::{self, Write};

#[cfg(feature = "tables")]
use super::FileFormat;
use crate::date::Date;
#[cfg(feature = "compare")]
use crate::model::StatusValue;

/// Writes `message` to `out`, in one buffer: nested parts are written in place, never
/// formatted into strings of their own first.
pub(super) fn write(message: &Message, out: &mut String) -> fmt::Result {
    use Message::*;
    match message {
        DuplicateId { id, action, section } => {
            write!(out, "Action id {id} is used twice: here and at action {action} of section {section}")
        }
        DuplicateIdHint => out.write_str("Give each action its own number."),
        PeriodUnreadable { label } => {
            write!(out, "The plan period \"{label}\" is not a period I can read")
        }
        PeriodUnreadableHint => {
            out.write_str("Write it as \"2017/18\", \"2013-14\" or \"2017-04-01/2018-03-31\".")
        }
        PeriodReversed { start, end } => {
            write!(out, "The plan period ends ({end}) before it starts ({start})")
        }
        NoneHave { total, what } => write!(out, "None of the {total} actions has a {}", required(*what)),
        ActionLacks { action, what } => {
            write!(out, "{} has no {}", action_name(action, true), required(*what))
        }
        ActionMissing { action, recorded } => write!(
            out,
            "{} records {} but no action",
            action_name(action, true),
            match recorded {
                Recorded::Evidence => "work to date",
                Recorded::Risk => "a risk",
                Recorded::Requirement => "a requirement",
            }
        ),
        ActionMissingHint => out.write_str("Say what will be done next (or \"No further action: ...\" with the reason), so the row can be led, dated and tracked."),
        LeadHint => out.write_str("Name the lead agency or officer by role, e.g. \"Prevent Coordinator\"."),
        MilestoneHint => out.write_str("Add a target date such as \"March 2016\", or \"Ongoing\"."),
        MilestoneUnparsed { milestone, action } => write!(
            out,
            "{} cannot be read as a date, period or recurrence",
            milestone_name(milestone, action)
        ),
        MilestoneUnparsedHint => out.write_str("Write a month and year (\"March 2016\"), a financial year or quarter (\"Q3 2016/17\"), or \"Ongoing\"."),
        MilestoneVague { milestone, action } => write!(
            out,
            "{} gives no date anyone can be held to",
            milestone_name(milestone, action)
        ),
        MilestoneVagueHint => {
            out.write_str("Give a target date, even a provisional one, and review it when circumstances change.")
        }
        MilestoneAfterPeriod { milestone, action, due, end } => write!(
            out,
            "{} ({}) falls after the plan period ends ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*end)
        ),
        MilestoneBeforePeriod { milestone, action, due, start } => write!(
            out,
            "{} ({}) falls before the plan period starts ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*start)
        ),
        MilestoneStartsAfterPeriod { milestone, action, start, end } => write!(
            out,
            "{} starts ({}) after the plan period ends ({})",
            milestone_name(milestone, action),
            human(*start),
            human(*end)
        ),
        MilestoneOutsidePeriodHint => {
            out.write_str("Check the year of the milestone, or carry the work into the next plan.")
        }
        MilestoneRangeReversed { milestone, action } => {
            write!(out, "{} ends before it starts", milestone_name(milestone, action))
        }
        MilestoneRangeReversedHint => out.write_str("Swap the two dates, or correct the year of one of them."),
        ReferenceUnresolved { milestone, action, target } => write!(
            out,
            "{} refers to action {target}, which is not in the plan",
            milestone_name(milestone, action)
        ),
        ReferenceUnresolvedHint => {
            out.write_str("Check the action number, or write the milestone's own date.")
        }
        ReferenceDirection { milestone, action, target, said, actual } => write!(
            out,
            "{} says action {target} is {}, but it is {}",
            milestone_name(milestone, action),
            whereabouts(*said),
            whereabouts(*actual)
        ),
        ReferenceDirectionHint => out.write_str("Check the action number in the cross-reference."),
        Overdue { milestone, action, due, as_of, progress } => {
            write!(
                out,
                "{} was due by {}, before the progress date ({}), and the action is not marked complete (",
                milestone_name(milestone, action),
                human(*due),
                human(*as_of),
            )?;
            match progress {
                Some(text) => write!(out, "progress: \"{text}\")"),
                None => out.write_str("no progress recorded)"),
            }
        }
        OverdueHint => out.write_str("Record the action as complete, or agree and record a revised date."),
        StatusDateConflict { milestone, action, start, as_of } => write!(
            out,
            "{} began on {}, before the progress date ({}), but the action is marked not started",
            milestone_name(milestone, action),
            human(*start),
            human(*as_of)
        ),
        StatusDateConflictHint => out.write_str("Update the status, or re-plan the start of the work."),
        DependencyOrder { action, target, due, target_due } => write!(
            out,
            "{} builds on action {target} but is due earlier ({} against {})",
            action_name(action, true),
            human(*due),
            human(*target_due)
        ),
        DependencyOrderHint => out.write_str("Move this action's deadline after the one it depends on, or bring that one forward."),
        #[cfg(feature = "compare")]
        MilestoneSlippedAgain { milestone, action, slips, months } => write!(
            out,
            "{} has slipped {slips} times, this time by {months} {}",
            milestone_name(milestone, action),
            if *months == 1 { "month" } else { "months" }
        ),
        #[cfg(feature = "compare")]
        MilestoneSlippedPastPeriod { milestone, action, due, end } => write!(
            out,
            "{} has slipped to {}, past the end of the plan period ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*end)
        ),
        #[cfg(feature = "compare")]
        MilestoneSlippedHint => out.write_str("Agree with the lead what stands in the way and set a date that can be kept, or carry the work into the next plan."),
        #[cfg(feature = "compare")]
        ActionDropped { action, status } => write!(
            out,
            "{} was removed from the plan without being marked complete (its last status: {})",
            action_name(action, true),
            status_words(*status)
        ),
        #[cfg(feature = "compare")]
        ActionDroppedHint => out.write_str("Put the action back, or mark it complete (or record why it stopped) before removing it."),
        #[cfg(feature = "compare")]
        CoverageLost { name, id } => write!(
            out,
            "\"{name}\" (`{id}`) was covered by the earlier version and is not covered now"
        ),
        ProfileUnknown { id, known } => {
            write!(out, "Coverage was not checked: unknown profile \"{id}\" (known profiles: {known})")
        }
        ProfileInvalid { problems } => {
            write!(out, "Coverage was not checked: the profile is not valid: {problems}")
        }
        ProfileRejectedHint => out.write_str("Use one of the listed profile ids, or fix the profile object."),
        ProfileNotLoaded { id } => write!(
            out,
            "Coverage was not checked: the built-in profile \"{id}\" is not loaded yet"
        ),
        ProfileNotLoadedHint { id } => write!(
            out,
            "Load it before checking: `await loadProfile(\"{id}\")`."
        ),
        ProfileNotBuiltinData { id } => write!(
            out,
            "the data given is not the built-in profile \"{id}\" of this version"
        ),
        CategoryUnknown { tag, profile } => {
            write!(out, "\"{tag}\" is not a category of the {profile} profile")
        }
        DidYouMean { id } => write!(out, "Did you mean `{id}`?"),
        CategoriesOf { profile, ids } => write!(out, "Categories of {profile}: {ids}."),
        CategoryMissing { name, id, description } => {
            write!(out, "No action covers \"{}\" (`{id}`): {}", name.en, description.en)
        }
        CategoryMissingHint { id } => write!(
            out,
            "Add an action for it, or tag the action that delivers it with \"categories\": [\"{id}\"]."
        ),
        CategoryInferred { name, id, actions, phrase } => {
            write!(out, "{} (`{id}`) is only inferred from the wording of ", name.en)?;
            if actions.is_empty() {
                out.write_str("the plan's title")?;
            } else {
                write!(out, "action(s) {actions}")?;
            }
            write!(out, ", e.g. \"{phrase}\"")
        }
        CategoryInferredHint { id } => write!(
            out,
            "Confirm it by tagging the action that delivers it with \"categories\": [\"{id}\"]."
        ),
        PersonalData { kind, found } => {
            write!(out, "This text contains {kind} (\"{found}\"), which must not be published")
        }
        PersonalDataHint => out.write_str("Name leads by role and remove contact details and anything that could identify a person referred or supported."),
        // The parser's description already says where.
        JsonSyntax { error, line: _, column: _, end: _ } => {
            write!(out, "The plan is not valid JSON: {error}")
        }
        JsonSyntaxHint => out.write_str("Check for a missing comma, quote or bracket just before this point."),
        TooManyBytes { size, max } => {
            write!(out, "The input is {size} MB; at most {max} MB can be checked")
        }
        TooManyBytesHint => out.write_str("Split the plan into smaller files, or remove embedded content."),
        TooDeep { max } => {
            write!(out, "The plan is nested more than {max} levels deep; a plan nests about 7")
        }
        TooDeepHint => out.write_str("Check that the plan has the shape of the published schema."),
        TooManyActions { actions, max } => {
            write!(out, "The plan has {actions} actions; at most {max} can be checked")
        }
        TextTooLong { chars, max } => {
            write!(out, "This text is {chars} characters long; at most {max} can be checked in one field")
        }
        TextTooLongHint => out.write_str("A field of a plan holds a sentence or a short list: move long content into an appendix."),
        #[cfg(feature = "tables")]
        TableTooLarge { rows, columns } => write!(
            out,
            "The table has more than {rows} rows or {columns} columns; only those were read"
        ),
        #[cfg(feature = "tables")]
        NoHeader => out.write_str("No header row was found: the table needs a row naming its columns, such as Action, Lead and Target date"),
        #[cfg(feature = "tables")]
        NoHeaderHint { rows } => write!(out, "Put the header row within the first {rows} rows."),
        #[cfg(feature = "tables")]
        NoPlanSheet => out.write_str("No sheet of the workbook has a header row naming the plan's columns, such as Action, Lead and Target date"),
        #[cfg(feature = "tables")]
        NoPlanSheetHint { rows } => {
            write!(out, "Put the header row within the first {rows} rows of the plan's sheet.")
        }
        #[cfg(feature = "tables")]
        CellUnmapped { cell, text } => {
            write!(out, "Cell {cell} (\"{text}\") was not read into the plan")
        }
        #[cfg(feature = "tables")]
        CellUnmappedHint => {
            out.write_str("Move it into a column of the plan, or delete it if it is not part of the plan.")
        }
        #[cfg(feature = "tables")]
        ColumnUnmapped { column, heading, cells } => {
            write!(out, "Column {column}")?;
            if let Some(heading) = heading {
                write!(out, " (\"{heading}\")")?;
            }
            write!(
                out,
                " is not a column of the plan: its {cells} non-empty cell{} were not read",
                if *cells == 1 { "" } else { "s" }
            )
        }
        #[cfg(feature = "tables")]
        ColumnUnmappedHint => out.write_str("Name the column as plans do (Action, Lead, Partners, Target date, Progress, RAG) if it belongs to the plan."),
        #[cfg(feature = "tables")]
        NotUtf8 { byte, line } => {
            write!(out, "The table is not UTF-8 text (byte {byte} on line {line})")
        }
        #[cfg(feature = "tables")]
        NotUtf8Hint => out.write_str("Save the sheet as \"CSV UTF-8\" (Excel) or export it as UTF-8."),
        #[cfg(feature = "tables")]
        TableUnreadable { detail } => out.write_str(detail),
        #[cfg(feature = "tables")]
        FileEncrypted => out.write_str("The file is protected with a password, so its tables cannot be read"),
        #[cfg(feature = "tables")]
        FileEncryptedHint => out.write_str("Open it, remove the password (File > Info > Protect Document or Workbook > Encrypt with Password) and save a copy without one."),
        #[cfg(feature = "tables")]
        FormatUnsupported { format } => out.write_str(match format {
            FileFormat::LegacyWord => "This is a Word 97-2003 document (.doc), which cannot be read",
            FileFormat::LegacyExcel => "This is an Excel 97-2003 workbook (.xls), which cannot be read",
            FileFormat::Pdf => "This is a PDF file, whose tables cannot be read",
        }),
        #[cfg(feature = "tables")]
        FormatUnsupportedHint { format } => out.write_str(match format {
            FileFormat::LegacyWord => "Open it in Word or LibreOffice and save it as a Word document (.docx).",
            FileFormat::LegacyExcel => "Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).",
            FileFormat::Pdf => "Check the Word document or spreadsheet the PDF was made from, or copy its table into a spreadsheet.",
        }),
        #[cfg(feature = "tables")]
        FileUnpacksTooLarge { part, limit } => write!(
            out,
            "The file unpacks to more than {limit} MB (part \"{part}\"); it was not read"
        ),
        #[cfg(feature = "tables")]
        TooManyCells { max } => write!(
            out,
            "The file's tables hold more than {max} cells once repeated and merged cells are counted; it was not read"
        ),
        #[cfg(feature = "tables")]
        TooMuchText { max } => write!(
            out,
            "The file's tables hold more than {max} MB of text once repeated cells are counted; it was not read"
        ),
        #[cfg(feature = "tables")]
        FileTooLargeHint => out.write_str("Check the plan itself: copy its table into a new file, without the rest."),
        #[cfg(feature = "tables")]
        NoPlanTable => out.write_str("No table of the document has a header row naming the plan's columns, such as Action, Lead and Target date"),
        #[cfg(feature = "tables")]
        SheetNotRead { sheet, hidden } => {
            if *hidden {
                write!(out, "Sheet \"{sheet}\" is hidden: it was not checked")
            } else {
                write!(out, "Sheet \"{sheet}\" has no header row naming a plan's columns: it was not checked")
            }
        }
        #[cfg(feature = "tables")]
        TableNotRead { table } => {
            write!(out, "Table {table} has no header row naming a plan's columns: it was not checked")
        }
        #[cfg(feature = "tables")]
        NotReadHint => out.write_str("If it is part of the plan, give it the same header row as the plan's other tables (Action, Lead, Target date), or unhide it."),
        #[cfg(feature = "tables")]
        FormulaWithoutValue { cells, count } => write!(
            out,
            "{count} cell{} ({cells}) hold{} a formula whose value the file does not store: {} read as empty",
            if *count == 1 { "" } else { "s" },
            if *count == 1 { "s" } else { "" },
            if *count == 1 { "it was" } else { "they were" }
        ),
        #[cfg(feature = "tables")]
        FormulaWithoutValueHint => out.write_str("Open the file in Excel or LibreOffice, let it calculate, and save it again (or type the values in)."),
        TableLocation { table, row, column } => write!(out, "Table {table}, row {row}, column {column}"),
        ParagraphLocation { table, paragraph } => {
            write!(out, "Table {table}, paragraph {paragraph} above it")
        }
        SchemaRequired { place, field, keyword } => schema(
            out,
            format_args!("{} has no {}", subject(place), field_name(field)),
            keyword,
        ),
        SchemaUnknownField { place, fields, keyword } => schema(
            out,
            format_args!("{} has unknown field {fields}", subject(place)),
            keyword,
        ),
        SchemaType { place, expected, found, keyword } => {
            let expected: Vec<&str> = expected.iter().map(|kind| json_type(*kind)).collect();
            schema(
                out,
                format_args!(
                    "{} should be {}, not {}",
                    subject(place),
                    expected.join(" or "),
                    json_type(*found)
                ),
                keyword,
            )
        }
        SchemaEmpty { place, keyword } => schema(out, format_args!("{} is empty", subject(place)), keyword),
        SchemaTooLong { place, limit, keyword } => schema(
            out,
            format_args!("{} is too long (at most {limit} characters)", subject(place)),
            keyword,
        ),
        SchemaTooMany { place, limit, keyword } => schema(
            out,
            format_args!("{} has too many entries (at most {limit})", subject(place)),
            keyword,
        ),
        SchemaTooFew { place, limit, keyword } => schema(
            out,
            format_args!("{} needs at least {limit} entries", subject(place)),
            keyword,
        ),
        SchemaRepeated { place, keyword } => schema(
            out,
            format_args!("{} lists the same entry more than once", subject(place)),
            keyword,
        ),
        SchemaEnum { place, options, keyword } => schema(
            out,
            format_args!("{} should be one of {options}", subject(place)),
            keyword,
        ),
        SchemaFormat { place, expected, found, keyword } => schema(
            out,
            format_args!(
                "{} should be {}, not {found}",
                subject(place),
                expectation(*expected)
            ),
            keyword,
        ),
        SchemaOneOf { place, expected, keyword } => schema(
            out,
            format_args!("{} should be {}", subject(place), expectation(*expected)),
            keyword,
        ),
        SchemaOther { place, keyword } => {
            schema(out, format_args!("{} does not match the schema", subject(place)), keyword)
        }
        InvalidOption { option, reason } => write!(out, "invalid option `{option}`: {reason}"),
        OptionsNotJson { error } => write!(out, "not JSON: {error}"),
        OptionsNotObject => out.write_str("must be an object"),
        ProfileOptionType => out.write_str("must be a profile id or a profile object"),
        ProfileOptionRejected { problem } => out.write_str(problem),
        PeriodOptionUnreadable { text } => {
            write!(out, "\"{text}\" is neither START/END ISO dates nor a label such as 2017/18")
        }
        PeriodOptionDates => out.write_str("needs `start` and `end` as YYYY-MM-DD"),
        PeriodOptionType => out.write_str("must be a string or {start, end}"),
        AsOfOptionDate { text } => write!(out, "\"{text}\" is not a YYYY-MM-DD date"),
        AsOfOptionType => out.write_str("must be a YYYY-MM-DD string"),
        OriginOption { value } => write!(out, "{value} is not a cell address such as \"B3\""),
        ReportOption { value } => write!(out, "{value} is not \"full\" or \"issues\""),
        LocaleOptionUnknown { locale } => {
            write!(out, "\"{locale}\" is not supported (use en or cy)")
        }
        LocaleOptionType => out.write_str("must be \"en\" or \"cy\""),
        UnknownOption { name } => {
            write!(out, "unknown option `{name}` (known: profile, period, asOf, locale)")
        }
        #[cfg(feature = "compare")]
        MaxSlipsOption => out.write_str("must be a whole number, 0 or more"),
    }
}

#[cfg(feature = "compare")]
fn status_words(status: StatusValue) -> &'static str {
    match status {
        StatusValue::NotStarted => "not started",
        StatusValue::OnTrack => "on track",
        StatusValue::AtRisk => "at risk",
        StatusValue::Delayed => "delayed",
        StatusValue::Complete => "complete",
        StatusValue::Ongoing => "ongoing",
        StatusValue::Unknown => "unknown",
    }
}

fn required(what: Required) -> &'static str {
    match what {
        Required::Lead => "lead",
        Required::Milestone => "milestone or target date",
    }
}

fn whereabouts(place: Whereabouts) -> &'static str {
    match place {
        Whereabouts::Above => "above",
        Whereabouts::Below => "below",
        Whereabouts::Itself => "to itself",
    }
}

/// "Action 1.2", "action 3 of section 2".
fn action_name(action: &ActionName, capital: bool) -> ActionLabel<'_> {
    ActionLabel { action, capital }
}

struct ActionLabel<'a> {
    action: &'a ActionName,
    capital: bool,
}

impl fmt::Display for ActionLabel<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(if self.capital { "Action " } else { "action " })?;
        match self.action {
            ActionName::Id(id) => out.write_str(id),
            ActionName::Position { action, section } => {
                out.write_str(Decimal::of(*action).as_str())?;
                out.write_str(" of section ")?;
                out.write_str(Decimal::of(*section).as_str())
            }
        }
    }
}

/// `Milestone "Nov-13" of action 1.2`
fn milestone_name<'a>(milestone: &'a str, action: &'a ActionName) -> MilestoneName<'a> {
    MilestoneName { milestone, action }
}

struct MilestoneName<'a> {
    milestone: &'a str,
    action: &'a ActionName,
}

impl fmt::Display for MilestoneName<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str("Milestone \"")?;
        out.write_str(self.milestone.trim())?;
        out.write_str("\" of ")?;
        action_name(self.action, false).fmt(out)
    }
}

/// "30 Nov 2013".
pub(super) fn human(date: Date) -> HumanDate {
    HumanDate(date)
}

pub(super) struct HumanDate(Date);

impl fmt::Display for HumanDate {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let date = self.0;
        let month = MONTHS
            .get(date.month().saturating_sub(1) as usize)
            .unwrap_or(&"");
        out.write_str(Decimal::new(date.day().into()).as_str())?;
        out.write_str(" ")?;
        out.write_str(month)?;
        out.write_str(if date.year() < 0 { " -" } else { " " })?;
        out.write_str(Decimal::new(date.year().unsigned_abs().into()).as_str())
    }
}

fn schema(out: &mut String, description: fmt::Arguments<'_>, keyword: &str) -> fmt::Result {
    write!(out, "{description} (schema keyword `{keyword}`)")
}

/// "Action 1.2", "Milestone 2 of action 1.2", "The leads of action 3 of section 1".
fn subject(place: &Place) -> String {
    let owner = match &place.owner {
        Owner::Plan => "the plan".to_owned(),
        Owner::Section(section) => format!("section {section}"),
        Owner::Action(id) => format!("action {id}"),
        Owner::ActionAt {
            action,
            section: Some(section),
        } => {
            format!("action {action} of section {section}")
        }
        Owner::ActionAt {
            action,
            section: None,
        } => format!("action {action} of the plan"),
        Owner::Profile(pointer) if pointer.is_empty() => "the profile".to_owned(),
        Owner::Profile(pointer) => pointer.clone(),
    };
    match &place.part {
        None => capitalise(&owner),
        Some(Part::Field(field)) => format!("The {} of {owner}", field_name(field)),
        Some(Part::Item(field, position)) => {
            format!("{} {position} of {owner}", capitalise(&singular(field)))
        }
    }
}

fn field_name(field: &str) -> String {
    match field {
        "as_of" => "reporting date".into(),
        "strategic_priorities" => "strategic priorities".into(),
        "outcomes" => "strategic priorities served".into(),
        "idsAssigned" => "ids assigned".into(),
        "rag" => "RAG rating".into(),
        "rating" => "risk rating".into(),
        other => other.replace('_', " "),
    }
}

fn singular(field: &str) -> String {
    match field {
        "strategic_priorities" => "strategic priority".into(),
        "categories" => "category".into(),
        other => other.strip_suffix('s').unwrap_or(other).replace('_', " "),
    }
}

/// The text with its first letter in upper case. Subjects start with English words or a
/// schema field name, all ASCII: `char::to_uppercase` would add Unicode's upper-case table
/// to the WASM module for nothing.
fn capitalise(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

fn json_type(kind: JsonType) -> &'static str {
    match kind {
        JsonType::Text => "text",
        JsonType::List => "a list",
        JsonType::Object => "an object",
        JsonType::Number => "a number",
        JsonType::Boolean => "true or false",
        JsonType::Null => "null",
        JsonType::Other => "another type",
    }
}

fn expectation(expected: Expectation) -> &'static str {
    match expected {
        Expectation::Date => "a date written YYYY-MM-DD",
        Expectation::CategoryId => "a category id such as `channel_panel`",
        Expectation::ProfileId => "a profile id such as `la-2023`",
        Expectation::Format => "in the expected format",
        Expectation::Period => {
            "a label such as \"2017/18\" or an object with `start` and `end` dates"
        }
        Expectation::Milestone => "text such as \"March 2016\", or an object with that `text`",
        Expectation::Status => "text such as \"On track\", or an object with `text` and `value`",
        Expectation::AllowedForm => "one of the allowed forms",
    }
}
