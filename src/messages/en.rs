//! The English catalogue.

use super::{
    ActionName, Expectation, FileFormat, JsonType, Message, Owner, Part, Place, Recorded, Required,
    Whereabouts,
};
use crate::date::Date;
use crate::model::StatusValue;

pub(super) fn render(message: &Message) -> String {
    use Message::*;
    match message {
        DuplicateId { id, action, section } => {
            format!("Action id {id} is used twice: here and at action {action} of section {section}")
        }
        DuplicateIdHint => "Give each action its own number.".into(),
        PeriodUnreadable { label } => {
            format!("The plan period \"{label}\" is not a period I can read")
        }
        PeriodUnreadableHint => {
            "Write it as \"2017/18\", \"2013-14\" or \"2017-04-01/2018-03-31\".".into()
        }
        PeriodReversed { start, end } => {
            format!("The plan period ends ({end}) before it starts ({start})")
        }
        NoneHave { total, what } => format!("None of the {total} actions has a {}", required(*what)),
        ActionLacks { action, what } => {
            format!("{} has no {}", action_name(action, true), required(*what))
        }
        ActionMissing { action, recorded } => format!(
            "{} records {} but no action",
            action_name(action, true),
            match recorded {
                Recorded::Evidence => "work to date",
                Recorded::Risk => "a risk",
                Recorded::Requirement => "a requirement",
            }
        ),
        ActionMissingHint => "Say what will be done next (or \"No further action: ...\" with the reason), so the row can be led, dated and tracked.".into(),
        LeadHint => "Name the lead agency or officer by role, e.g. \"Prevent Coordinator\".".into(),
        MilestoneHint => "Add a target date such as \"March 2016\", or \"Ongoing\".".into(),
        MilestoneUnparsed { milestone, action } => format!(
            "{} cannot be read as a date, period or recurrence",
            milestone_name(milestone, action)
        ),
        MilestoneUnparsedHint => "Write a month and year (\"March 2016\"), a financial year or quarter (\"Q3 2016/17\"), or \"Ongoing\".".into(),
        MilestoneVague { milestone, action } => format!(
            "{} gives no date anyone can be held to",
            milestone_name(milestone, action)
        ),
        MilestoneVagueHint => {
            "Give a target date, even a provisional one, and review it when circumstances change."
                .into()
        }
        MilestoneAfterPeriod { milestone, action, due, end } => format!(
            "{} ({}) falls after the plan period ends ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*end)
        ),
        MilestoneBeforePeriod { milestone, action, due, start } => format!(
            "{} ({}) falls before the plan period starts ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*start)
        ),
        MilestoneStartsAfterPeriod { milestone, action, start, end } => format!(
            "{} starts ({}) after the plan period ends ({})",
            milestone_name(milestone, action),
            human(*start),
            human(*end)
        ),
        MilestoneOutsidePeriodHint => {
            "Check the year of the milestone, or carry the work into the next plan.".into()
        }
        MilestoneRangeReversed { milestone, action } => {
            format!("{} ends before it starts", milestone_name(milestone, action))
        }
        MilestoneRangeReversedHint => "Swap the two dates, or correct the year of one of them.".into(),
        ReferenceUnresolved { milestone, action, target } => format!(
            "{} refers to action {target}, which is not in the plan",
            milestone_name(milestone, action)
        ),
        ReferenceUnresolvedHint => {
            "Check the action number, or write the milestone's own date.".into()
        }
        ReferenceDirection { milestone, action, target, said, actual } => format!(
            "{} says action {target} is {}, but it is {}",
            milestone_name(milestone, action),
            whereabouts(*said),
            whereabouts(*actual)
        ),
        ReferenceDirectionHint => "Check the action number in the cross-reference.".into(),
        Overdue { milestone, action, due, as_of, progress } => format!(
            "{} was due by {}, before the progress date ({}), and the action is not marked complete ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*as_of),
            match progress {
                Some(text) => format!("progress: \"{text}\""),
                None => "no progress recorded".into(),
            }
        ),
        OverdueHint => "Record the action as complete, or agree and record a revised date.".into(),
        StatusDateConflict { milestone, action, start, as_of } => format!(
            "{} began on {}, before the progress date ({}), but the action is marked not started",
            milestone_name(milestone, action),
            human(*start),
            human(*as_of)
        ),
        StatusDateConflictHint => "Update the status, or re-plan the start of the work.".into(),
        DependencyOrder { action, target, due, target_due } => format!(
            "{} builds on action {target} but is due earlier ({} against {})",
            action_name(action, true),
            human(*due),
            human(*target_due)
        ),
        DependencyOrderHint => "Move this action's deadline after the one it depends on, or bring that one forward.".into(),
        MilestoneSlippedAgain { milestone, action, slips, months } => format!(
            "{} has slipped {slips} times, this time by {months} {}",
            milestone_name(milestone, action),
            if *months == 1 { "month" } else { "months" }
        ),
        MilestoneSlippedPastPeriod { milestone, action, due, end } => format!(
            "{} has slipped to {}, past the end of the plan period ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*end)
        ),
        MilestoneSlippedHint => "Agree with the lead what stands in the way and set a date that can be kept, or carry the work into the next plan.".into(),
        ActionDropped { action, status } => format!(
            "{} was removed from the plan without being marked complete (its last status: {})",
            action_name(action, true),
            status_words(*status)
        ),
        ActionDroppedHint => "Put the action back, or mark it complete (or record why it stopped) before removing it.".into(),
        CoverageLost { name, id } => format!(
            "\"{name}\" (`{id}`) was covered by the earlier version and is not covered now"
        ),
        ProfileUnknown { id, known } => {
            format!("Coverage was not checked: unknown profile \"{id}\" (known profiles: {known})")
        }
        ProfileInvalid { problems } => {
            format!("Coverage was not checked: the profile is not valid: {problems}")
        }
        ProfileRejectedHint => "Use one of the listed profile ids, or fix the profile object.".into(),
        CategoryUnknown { tag, profile } => {
            format!("\"{tag}\" is not a category of the {profile} profile")
        }
        DidYouMean { id } => format!("Did you mean `{id}`?"),
        CategoriesOf { profile, ids } => format!("Categories of {profile}: {ids}."),
        CategoryMissing { name, id, description } => {
            format!("No action covers \"{}\" (`{id}`): {}", name.en, description.en)
        }
        CategoryMissingHint { id } => format!(
            "Add an action for it, or tag the action that delivers it with \"categories\": [\"{id}\"]."
        ),
        CategoryInferred { name, id, actions, phrase } => format!(
            "{} (`{id}`) is only inferred from the wording of {}, e.g. \"{phrase}\"",
            name.en,
            if actions.is_empty() {
                "the plan's title".to_owned()
            } else {
                format!("action(s) {actions}")
            }
        ),
        CategoryInferredHint { id } => format!(
            "Confirm it by tagging the action that delivers it with \"categories\": [\"{id}\"]."
        ),
        PersonalData { kind, found } => {
            format!("This text contains {kind} (\"{found}\"), which must not be published")
        }
        PersonalDataHint => "Name leads by role and remove contact details and anything that could identify a person referred or supported.".into(),
        // The parser's description already says where.
        JsonSyntax { error, line: _, column: _, end: _ } => {
            format!("The plan is not valid JSON: {error}")
        }
        JsonSyntaxHint => "Check for a missing comma, quote or bracket just before this point.".into(),
        TooManyBytes { size, max } => {
            format!("The input is {size} MB; at most {max} MB can be checked")
        }
        TooManyBytesHint => "Split the plan into smaller files, or remove embedded content.".into(),
        TooDeep { max } => {
            format!("The plan is nested more than {max} levels deep; a plan nests about 7")
        }
        TooDeepHint => "Check that the plan has the shape of the published schema.".into(),
        TooManyActions { actions, max } => {
            format!("The plan has {actions} actions; at most {max} can be checked")
        }
        TextTooLong { chars, max } => {
            format!("This text is {chars} characters long; at most {max} can be checked in one field")
        }
        TextTooLongHint => "A field of a plan holds a sentence or a short list: move long content into an appendix.".into(),
        TableTooLarge { rows, columns } => format!(
            "The table has more than {rows} rows or {columns} columns; only those were read"
        ),
        NoHeader => "No header row was found: the table needs a row naming its columns, such as Action, Lead and Target date".into(),
        NoHeaderHint { rows } => format!("Put the header row within the first {rows} rows."),
        NoPlanSheet => "No sheet of the workbook has a header row naming the plan's columns, such as Action, Lead and Target date".into(),
        NoPlanSheetHint { rows } => {
            format!("Put the header row within the first {rows} rows of the plan's sheet.")
        }
        CellUnmapped { cell, text } => {
            format!("Cell {cell} (\"{text}\") was not read into the plan")
        }
        CellUnmappedHint => {
            "Move it into a column of the plan, or delete it if it is not part of the plan.".into()
        }
        ColumnUnmapped { column, heading, cells } => format!(
            "Column {column}{} is not a column of the plan: its {cells} non-empty cell{} were not read",
            heading
                .as_ref()
                .map(|heading| format!(" (\"{heading}\")"))
                .unwrap_or_default(),
            if *cells == 1 { "" } else { "s" }
        ),
        ColumnUnmappedHint => "Name the column as plans do (Action, Lead, Partners, Target date, Progress, RAG) if it belongs to the plan.".into(),
        NotUtf8 { byte, line } => {
            format!("The table is not UTF-8 text (byte {byte} on line {line})")
        }
        NotUtf8Hint => "Save the sheet as \"CSV UTF-8\" (Excel) or export it as UTF-8.".into(),
        TableUnreadable { detail } => detail.clone(),
        FileEncrypted => "The file is protected with a password, so its tables cannot be read".into(),
        FileEncryptedHint => "Open it, remove the password (File > Info > Protect Document or Workbook > Encrypt with Password) and save a copy without one.".into(),
        FormatUnsupported { format } => match format {
            FileFormat::LegacyWord => "This is a Word 97-2003 document (.doc), which cannot be read",
            FileFormat::LegacyExcel => "This is an Excel 97-2003 workbook (.xls), which cannot be read",
            FileFormat::Pdf => "This is a PDF file, whose tables cannot be read",
        }
        .into(),
        FormatUnsupportedHint { format } => match format {
            FileFormat::LegacyWord => "Open it in Word or LibreOffice and save it as a Word document (.docx).",
            FileFormat::LegacyExcel => "Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).",
            FileFormat::Pdf => "Check the Word document or spreadsheet the PDF was made from, or copy its table into a spreadsheet.",
        }
        .into(),
        FileUnpacksTooLarge { part, limit } => format!(
            "The file unpacks to more than {limit} MB (part \"{part}\"); it was not read"
        ),
        TooManyCells { max } => format!(
            "The file's tables hold more than {max} cells once repeated and merged cells are counted; it was not read"
        ),
        TooMuchText { max } => format!(
            "The file's tables hold more than {max} MB of text once repeated cells are counted; it was not read"
        ),
        FileTooLargeHint => "Check the plan itself: copy its table into a new file, without the rest.".into(),
        NoPlanTable => "No table of the document has a header row naming the plan's columns, such as Action, Lead and Target date".into(),
        SheetNotRead { sheet, hidden } => {
            if *hidden {
                format!("Sheet \"{sheet}\" is hidden: it was not checked")
            } else {
                format!("Sheet \"{sheet}\" has no header row naming a plan's columns: it was not checked")
            }
        }
        TableNotRead { table } => {
            format!("Table {table} has no header row naming a plan's columns: it was not checked")
        }
        NotReadHint => "If it is part of the plan, give it the same header row as the plan's other tables (Action, Lead, Target date), or unhide it.".into(),
        FormulaWithoutValue { cells, count } => format!(
            "{count} cell{} ({cells}) hold{} a formula whose value the file does not store: {} read as empty",
            if *count == 1 { "" } else { "s" },
            if *count == 1 { "s" } else { "" },
            if *count == 1 { "it was" } else { "they were" }
        ),
        FormulaWithoutValueHint => "Open the file in Excel or LibreOffice, let it calculate, and save it again (or type the values in).".into(),
        TableLocation { table, row, column } => format!("Table {table}, row {row}, column {column}"),
        ParagraphLocation { table, paragraph } => {
            format!("Table {table}, paragraph {paragraph} above it")
        }
        SchemaRequired { place, field, keyword } => schema(
            format!("{} has no {}", subject(place), field_name(field)),
            keyword,
        ),
        SchemaUnknownField { place, fields, keyword } => schema(
            format!("{} has unknown field {fields}", subject(place)),
            keyword,
        ),
        SchemaType { place, expected, found, keyword } => {
            let expected: Vec<&str> = expected.iter().map(|kind| json_type(*kind)).collect();
            schema(
                format!(
                    "{} should be {}, not {}",
                    subject(place),
                    expected.join(" or "),
                    json_type(*found)
                ),
                keyword,
            )
        }
        SchemaEmpty { place, keyword } => schema(format!("{} is empty", subject(place)), keyword),
        SchemaTooLong { place, limit, keyword } => schema(
            format!("{} is too long (at most {limit} characters)", subject(place)),
            keyword,
        ),
        SchemaTooMany { place, limit, keyword } => schema(
            format!("{} has too many entries (at most {limit})", subject(place)),
            keyword,
        ),
        SchemaTooFew { place, limit, keyword } => schema(
            format!("{} needs at least {limit} entries", subject(place)),
            keyword,
        ),
        SchemaRepeated { place, keyword } => schema(
            format!("{} lists the same entry more than once", subject(place)),
            keyword,
        ),
        SchemaEnum { place, options, keyword } => schema(
            format!("{} should be one of {options}", subject(place)),
            keyword,
        ),
        SchemaFormat { place, expected, found, keyword } => schema(
            format!(
                "{} should be {}, not {found}",
                subject(place),
                expectation(*expected)
            ),
            keyword,
        ),
        SchemaOneOf { place, expected, keyword } => schema(
            format!("{} should be {}", subject(place), expectation(*expected)),
            keyword,
        ),
        SchemaOther { place, keyword } => {
            schema(format!("{} does not match the schema", subject(place)), keyword)
        }
        InvalidOption { option, reason } => format!("invalid option `{option}`: {reason}"),
        OptionsNotJson { error } => format!("not JSON: {error}"),
        OptionsNotObject => "must be an object".into(),
        ProfileOptionType => "must be a profile id or a profile object".into(),
        ProfileOptionRejected { problem } => problem.clone(),
        PeriodOptionUnreadable { text } => {
            format!("\"{text}\" is neither START/END ISO dates nor a label such as 2017/18")
        }
        PeriodOptionDates => "needs `start` and `end` as YYYY-MM-DD".into(),
        PeriodOptionType => "must be a string or {start, end}".into(),
        AsOfOptionDate { text } => format!("\"{text}\" is not a YYYY-MM-DD date"),
        AsOfOptionType => "must be a YYYY-MM-DD string".into(),
        OriginOption { value } => format!("{value} is not a cell address such as \"B3\""),
        ReportOption { value } => format!("{value} is not \"full\" or \"issues\""),
        LocaleOptionUnknown { locale } => {
            format!("\"{locale}\" is not supported (use en or cy)")
        }
        LocaleOptionType => "must be \"en\" or \"cy\"".into(),
        UnknownOption { name } => {
            format!("unknown option `{name}` (known: profile, period, asOf, locale)")
        }
        MaxSlipsOption => "must be a whole number, 0 or more".into(),
    }
}

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
fn action_name(action: &ActionName, capital: bool) -> String {
    let word = if capital { "Action" } else { "action" };
    match action {
        ActionName::Id(id) => format!("{word} {id}"),
        ActionName::Position { action, section } => {
            format!("{word} {action} of section {section}")
        }
    }
}

/// `Milestone "Nov-13" of action 1.2`
fn milestone_name(milestone: &str, action: &ActionName) -> String {
    format!(
        "Milestone \"{}\" of {}",
        milestone.trim(),
        action_name(action, false)
    )
}

/// "30 Nov 2013".
pub(super) fn human(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS
        .get(date.month().saturating_sub(1) as usize)
        .unwrap_or(&"");
    format!("{} {month} {}", date.day(), date.year())
}

fn schema(description: String, keyword: &str) -> String {
    format!("{description} (schema keyword `{keyword}`)")
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

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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
