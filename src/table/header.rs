//! Table headers -> what each column means, and where the header row is.
//!
//! Plans name their columns in many ways ("LEAD AGENCY/OFFICERS", "Agency / Lead", "Owner";
//! "By not later than", "Timescale", "RAG*"). Headers are matched by meaning: first against
//! known phrases, then by the key words they contain.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::text::{normalise_words, starts_with_action_id};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id,
    /// The objective, risk or theme a row serves (a section-level statement).
    Objective,
    /// What will be done.
    Action,
    Outputs,
    /// Ids of the strategic priorities the action serves ("1, 2 & 3").
    Outcomes,
    Milestones,
    Leads,
    Partners,
    Progress,
    Rag,
    /// What the duty or toolkit asks (self-assessments, gap analyses): "DUTY", "Guidance",
    /// a toolkit question.
    Requirement,
    /// What is already in place: "Existing Measures", "Existing Controls", "Response".
    Evidence,
    /// The risk or hazard a row addresses (risk assessments and registers).
    Risk,
    /// Risk scores: how bad, how likely, and the rating they make.
    Severity,
    Likelihood,
    RiskRating,
}

impl Field {
    /// Id, objective and action cells identify a row; a row without them continues the one above.
    pub fn is_key(self) -> bool {
        matches!(
            self,
            Field::Id | Field::Objective | Field::Action | Field::Requirement | Field::Risk
        )
    }

    /// Fields that say what a row is about: a table needs one of them to be a plan.
    pub fn describes_work(self) -> bool {
        matches!(
            self,
            Field::Action | Field::Objective | Field::Requirement | Field::Risk
        )
    }
}

/// Known header phrases, after [`normalise_words`] (lowercase, punctuation dropped, plurals
/// made singular), in English and Welsh.
const PHRASES: &[(Field, &[&str])] = &[
    (
        Field::Id,
        &[
            "ref",
            "ref no",
            "reference",
            "no",
            "number",
            "id",
            "item",
            "action no",
            "action number",
            "action ref",
            "action id",
            "cyfeirnod",
            "cyf",
        ],
    ),
    (
        Field::Action,
        &[
            "action",
            "key action",
            "action required",
            "action point",
            "further action",
            "further action required",
            "additional action",
            "additional control",
            "additional control required",
            "further control",
            "mitigation",
            "mitigating action",
            "mitigation action",
            "control measure",
            "proposed action",
            "action to be taken",
            "next step",
            "development",
            "area for development",
            "improvement action",
            "recommendation",
            "action to address risk",
            "we will",
            "activity",
            "task",
            "what we will do",
            "what will we do",
            "intervention",
            "planned action",
            "specific action",
            "action detail",
            "how",
            "how we will do it",
            "cam gweithredu",
            "camau gweithredu",
            "gweithred",
            "gweithgaredd",
        ],
    ),
    (
        Field::Objective,
        &[
            "objective",
            "description",
            "category",
            "area of prevent duty guidance",
            "risk area",
            "area of risk",
            "theme",
            "priority",
            "strategic priority",
            "strand",
            "area",
            "workstream",
            "work stream",
            "what we want to achieve",
            "goal",
            "amcan",
            "amcanion",
            "blaenoriaeth",
            "thema",
        ],
    ),
    (
        Field::Outputs,
        &[
            "output",
            "outcome",
            "milestone outcome",
            "aim",
            "expected outcome",
            "success measure",
            "success criterion",
            "success criteria",
            "measure of success",
            "deliverable",
            "impact",
            "performance measure",
            "desired outcome",
            "output outcome",
            "expected output",
            "measure",
            "how will we know",
            "canlyniad",
            "canlyniadau",
            "allbwn",
            "allbynnau",
        ],
    ),
    (
        Field::Milestones,
        &[
            "milestone",
            "timescale",
            "target date",
            "by not later than",
            "by when",
            "deadline",
            "status deadline",
            "review",
            "date",
            "due date",
            "due",
            "completion date",
            "timeframe",
            "time frame",
            "when",
            "target",
            "review date",
            "by",
            "date due",
            "end date",
            "target completion date",
            "timeline",
            "dyddiad targed",
            "amserlen",
            "terfyn amser",
            "erbyn pryd",
        ],
    ),
    (
        Field::Leads,
        &[
            "lead agency officer",
            "agency lead",
            "lead",
            "owner",
            "person responsible",
            "staff responsible",
            "responsible officer",
            "responsibility",
            "who",
            "lead officer",
            "lead agency",
            "responsible",
            "action owner",
            "lead organisation",
            "accountable",
            "by whom",
            "responsible person",
            "lead partner",
            "agency",
            "lead officer agency",
            "arweinydd",
            "swyddog arweiniol",
            "asiantaeth arweiniol",
            "perchennog",
        ],
    ),
    (
        Field::Partners,
        &[
            "partner and resource",
            "partner",
            "partner agency",
            "key partner",
            "supporting agency",
            "support",
            "resource",
            "other agency",
            "delivery partner",
            "stakeholder",
            "partner involved",
            "supported by",
            "partneriaid",
        ],
    ),
    (
        Field::Progress,
        &[
            "progress",
            "comment progress",
            "evidence of progress",
            "note",
            "current position",
            "comment",
            "update",
            "status",
            "progress update",
            "progress to date",
            "position",
            "current status",
            "update on progress",
            "progress comment",
            "cynnydd",
            "sylwadau",
        ],
    ),
    (
        Field::Rag,
        &[
            "rag",
            "rag rating",
            "self assessed rating",
            "rag status",
            "rating",
            "self assessment",
            "red amber green",
            "current rag",
            "rag rating red amber green",
            "status rag",
        ],
    ),
    (
        Field::Requirement,
        &[
            "requirement",
            "duty",
            "benchmark",
            "what this mean",
            "guidance",
            "guidance summary of activity required",
            "prevent duty requirement",
            "statutory requirement",
            "question",
            "toolkit question",
            "key question",
            "expectation",
            "standard",
            "criterion",
            "criteria",
            "what good look like",
            "area of prevent duty",
            "prevent duty",
            "indicator",
        ],
    ),
    (
        Field::Evidence,
        &[
            "evidence",
            "work to date",
            "existing measure",
            "existing control",
            "existing control measure",
            "current control",
            "control in place",
            "existing arrangement",
            "current arrangement",
            "current practice",
            "response",
            "evidence of compliance",
            "supporting evidence",
            "what is in place",
            "what we already do",
            "what is already in place",
            "current provision",
            "how we meet this",
            "arrangements in place",
            "evidence source",
        ],
    ),
    (
        Field::Risk,
        &[
            "risk",
            "risk title",
            "issue",
            "issue risk",
            "hazard",
            "risk description",
            "identified risk",
            "potential risk",
            "risk identified",
            "risk summary",
            "threat",
            "vulnerability",
            "risk issue",
            "what is the risk",
            "gap",
            "gap identified",
            "identified gap",
            "gap in provision",
        ],
    ),
    (
        Field::Severity,
        &["severity", "consequence", "impact score", "severity a"],
    ),
    (
        Field::Likelihood,
        &["likelihood", "probability", "likelihood b"],
    ),
    (
        Field::RiskRating,
        &[
            "risk rating",
            "risk score",
            "score",
            "overall risk",
            "risk level",
            "inherent risk",
            "residual risk",
            "residual risk rating",
            "rating a x b",
            "risk rating a x b",
            "overall rating",
        ],
    ),
];

/// Pairs of words that together decide a meaning before single key words do: "Risk
/// Rating A x B" is a score, not a RAG column; "Risk Owner" is a lead, not a risk.
const WORD_PAIRS: &[(Field, &[(&str, &str)])] = &[
    (
        Field::RiskRating,
        &[
            ("risk", "rating"),
            ("risk", "score"),
            ("risk", "level"),
            ("residual", "risk"),
            ("inherent", "risk"),
        ],
    ),
    (
        Field::Leads,
        &[
            ("risk", "owner"),
            ("action", "owner"),
            ("person", "responsible"),
        ],
    ),
    (
        Field::Evidence,
        &[
            ("existing", "control"),
            ("existing", "measure"),
            ("current", "control"),
            ("work", "date"),
            ("in", "place"),
            ("already", "do"),
        ],
    ),
    (
        Field::Action,
        &[
            ("proposed", "action"),
            ("further", "action"),
            ("action", "required"),
            ("additional", "control"),
            ("action", "point"),
        ],
    ),
    (Field::Objective, &[("risk", "area"), ("area", "risk")]),
    (
        Field::Requirement,
        &[
            ("summary", "required"),
            ("duty", "requirement"),
            ("what", "mean"),
        ],
    ),
];

/// Key words, tried in this order when no phrase matches: "Action owner" is a lead and
/// "Target date for action" a milestone, so the more specific meanings come first.
const KEYWORDS: &[(Field, &[&str])] = &[
    (Field::Severity, &["severity", "consequence"]),
    (Field::Likelihood, &["likelihood", "probability"]),
    (Field::Rag, &["rag", "rating"]),
    (
        Field::Progress,
        &[
            "progress", "position", "update", "comment", "note", "evidence",
        ],
    ),
    (Field::Partners, &["partner", "stakeholder", "resource"]),
    (
        Field::Leads,
        &[
            "lead",
            "owner",
            "responsible",
            "responsibility",
            "accountable",
            "agency",
            "officer",
        ],
    ),
    (
        Field::Milestones,
        &[
            "date",
            "timescale",
            "deadline",
            "milestone",
            "when",
            "timeframe",
            "due",
            "target",
            "timeline",
        ],
    ),
    (
        Field::Outputs,
        &[
            "outcome",
            "output",
            "aim",
            "success",
            "measure",
            "deliverable",
            "impact",
        ],
    ),
    (Field::Evidence, &["existing", "response", "control"]),
    (
        Field::Action,
        &["action", "activity", "task", "mitigation", "mitigating"],
    ),
    (
        Field::Requirement,
        &[
            "requirement",
            "duty",
            "guidance",
            "question",
            "benchmark",
            "expectation",
        ],
    ),
    (Field::Risk, &["risk", "hazard", "issue", "threat"]),
    (
        Field::Objective,
        &[
            "objective",
            "priority",
            "theme",
            "category",
            "area",
            "description",
            "strand",
        ],
    ),
    (Field::Id, &["ref", "no", "number", "id"]),
];

/// Header cells are short labels; longer text is content.
const MAX_HEADER_WORDS: usize = 8;
const MAX_HEADER_CHARS: usize = 60;
/// How far down the header row may sit (titles, cover notes and key-word rows come first).
pub const SEARCH_ROWS: usize = 60;

/// The meaning of one header cell, if it is a header at all. The second value says
/// whether a known phrase matched (rather than only a key word).
pub fn classify(text: &str) -> Option<(Field, bool)> {
    let text = text.trim();
    if text.is_empty()
        || text.chars().nth(MAX_HEADER_CHARS).is_some()
        || starts_with_action_id(text)
    {
        return None;
    }
    let words = normalise_words(text);
    if words.is_empty() || words.len() > MAX_HEADER_WORDS {
        return None;
    }
    if let Some(field) = phrase_field(&words.join(" ")) {
        return Some((field, true));
    }
    let has = |word: &str| words.iter().any(|candidate| candidate == word);
    let paired = WORD_PAIRS.iter().find(|(_, pairs)| {
        pairs
            .iter()
            .any(|(first, second)| has(first) && has(second))
    });
    if let Some((field, _)) = paired {
        return Some((*field, false));
    }
    KEYWORDS
        .iter()
        .find(|(_, keywords)| words.iter().any(|word| keywords.contains(&word.as_str())))
        .map(|(field, _)| (*field, false))
}

/// The field of a known phrase: the first in [`PHRASES`] that lists it. A map, since every
/// row of a table is asked whether it repeats the header, and comparing each cell with all
/// the phrases in turn was a tenth of importing a 1,000-row table.
fn phrase_field(phrase: &str) -> Option<Field> {
    static BY_PHRASE: OnceLock<HashMap<&'static str, Field>> = OnceLock::new();
    let by_phrase = BY_PHRASE.get_or_init(|| {
        let mut by_phrase = HashMap::new();
        for (field, phrases) in PHRASES {
            for phrase in *phrases {
                by_phrase.entry(*phrase).or_insert(*field);
            }
        }
        by_phrase
    });
    by_phrase.get(phrase).copied()
}

/// A header row and the meaning of each of its columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub row: usize,
    pub columns: Vec<Option<Field>>,
}

impl Header {
    pub fn field(&self, column: usize) -> Option<Field> {
        self.columns.get(column).copied().flatten()
    }

    pub fn has(&self, field: Field) -> bool {
        self.columns.contains(&Some(field))
    }
}

/// How much a row looks like a header: known phrases count double, distinct meanings count,
/// and cells that are clearly content count against it. `None` when it cannot be a header
/// (fewer than two meanings, or nothing that says what was done).
pub fn score(row: &[String]) -> Option<usize> {
    let mut fields = Vec::new();
    let mut score = 0usize;
    let mut content = 0usize;
    for cell in row {
        if cell.trim().is_empty() {
            continue;
        }
        match classify(cell) {
            Some((field, phrase)) => {
                if !fields.contains(&field) {
                    fields.push(field);
                    score += if phrase { 2 } else { 1 };
                }
            }
            None => content += 1,
        }
    }
    let describes_work = fields.iter().any(|field| field.describes_work());
    (fields.len() >= 2 && describes_work && score > content).then(|| score.saturating_sub(content))
}

/// Finds the header row near the top of a table: the best-scoring row, the earliest on ties.
pub fn find(rows: &[Vec<String>]) -> Option<Header> {
    let mut best: Option<(usize, usize)> = None;
    for (index, row) in rows.iter().take(SEARCH_ROWS).enumerate() {
        if let Some(score) = score(row) {
            if best.is_none_or(|(_, best_score)| score > best_score) {
                best = Some((index, score));
            }
        }
    }
    let (row, _) = best?;
    let cells = rows.get(row)?;
    let columns = cells
        .iter()
        .map(|cell| classify(cell).map(|(field, _)| field))
        .collect();
    Some(Header { row, columns })
}

/// The header of every table on the sheet, in order: the best header found by [`find`],
/// any cleaner header row above it (a first table with a weaker header), and those below.
pub fn tables(rows: &[Vec<String>], best: Header) -> Vec<Header> {
    let earlier = rows
        .iter()
        .take(best.row)
        .position(|row| is_clean(row))
        .map(|row| Header {
            row,
            columns: columns_of(rows.get(row).map_or(&[][..], Vec::as_slice)),
        });
    let first = earlier.unwrap_or(best);
    let later = later(rows, &first);
    std::iter::once(first).chain(later).collect()
}

fn columns_of(row: &[String]) -> Vec<Option<Field>> {
    row.iter()
        .map(|cell| classify(cell).map(|(field, _)| field))
        .collect()
}

/// The header rows of further tables below `first` on the same sheet ("Potential Risks"
/// then "Key actions"): rows made only of headings, naming at least two kinds of column one
/// of which says what a row is about, that do not repeat the header above them.
fn later(rows: &[Vec<String>], first: &Header) -> Vec<Header> {
    let mut headers: Vec<Header> = Vec::new();
    for (index, row) in rows.iter().enumerate().skip(first.row + 1) {
        let current = headers.last().unwrap_or(first);
        if repeats(current, row) || !is_clean(row) {
            continue;
        }
        headers.push(Header {
            row: index,
            columns: columns_of(row),
        });
    }
    headers
}

/// A row of headings and nothing else: every non-empty cell is a heading, with at least
/// three of them and one phrase known outright, naming the work and its owner, date or score.
fn is_clean(row: &[String]) -> bool {
    let mut cells = 0;
    let mut phrase = false;
    for cell in row.iter().filter(|cell| !cell.trim().is_empty()) {
        match classify(cell) {
            Some((_, known)) => {
                cells += 1;
                phrase |= known;
            }
            None => return false,
        }
    }
    // A key to the RAG colours ("RAG | Status | Description") is no table of the plan: a
    // table says what is done or at risk and who, when or how bad.
    let fields = columns_of(row);
    let has = |wanted: &[Field]| fields.iter().flatten().any(|field| wanted.contains(field));
    let about_work = has(&[Field::Action, Field::Risk, Field::Requirement]);
    let detail = has(&[
        Field::Leads,
        Field::Milestones,
        Field::Evidence,
        Field::Severity,
        Field::Likelihood,
        Field::RiskRating,
    ]);
    cells >= 3 && phrase && about_work && detail && score(row).is_some()
}

/// The sub-headings of a header written over two rows ("Risk Score" merged over "Severity |
/// Likelihood | Rating" below it): every non-empty cell of the row is a heading (two at
/// least, none a section heading), and one at least sits under a blank header cell. Under a
/// heading the importer does not know ("Budget") the row is content: "Prevent Lead" there is
/// an action's lead, not the second row of a header.
pub fn sub_headings(
    header: &Header,
    header_cells: &[String],
    row: &[String],
) -> Option<Vec<(usize, Field)>> {
    let mut headings = Vec::new();
    for (column, cell) in row.iter().enumerate() {
        if cell.trim().is_empty() {
            continue;
        }
        let (field, _) = classify(cell)?;
        headings.push((column, field));
    }
    let under_blank = headings.iter().any(|(column, _)| {
        header.field(*column).is_none()
            && header_cells
                .get(*column)
                .is_none_or(|cell| cell.trim().is_empty())
    });
    // A section heading under the header ("Theme 1: Partnership") is not a sub-heading.
    let section = row
        .iter()
        .any(|cell| super::heading::keyword_heading(cell).is_some());
    (under_blank && headings.len() >= 2 && !section).then_some(headings)
}

/// Whether a body cell repeats the header's cell of its column.
pub fn repeats_cell(header: &Header, column: usize, cell: &str) -> bool {
    header.field(column).is_some() && classify(cell).map(|(field, _)| field) == header.field(column)
}

/// Whether a body row repeats the header (tables split over pages repeat it).
pub fn repeats(header: &Header, row: &[String]) -> bool {
    let repeats_cell = |column: usize, cell: &str| repeats_cell(header, column, cell);
    let mut non_empty = row
        .iter()
        .enumerate()
        .filter(|(_, cell)| !cell.trim().is_empty());
    // Most rows are content: their first cell already tells.
    if !non_empty
        .clone()
        .next()
        .is_some_and(|(column, cell)| repeats_cell(column, cell))
    {
        return false;
    }
    let matching = non_empty
        .clone()
        .filter(|(column, cell)| repeats_cell(*column, cell))
        .count();
    let non_empty = non_empty.by_ref().count();
    matching >= 2
        && matching * 2 >= header.columns.iter().flatten().count()
        && matching * 4 >= non_empty * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_header_row_sits_under_blank_cells_not_unknown_headings() {
        let cells =
            |texts: &[&str]| -> Vec<String> { texts.iter().map(|t| (*t).to_owned()).collect() };
        let risk = cells(&["Risk", "Action", "Risk Score", "", ""]);
        let under_merged = cells(&["", "", "Severity", "Likelihood", "Rating"]);
        let risk_header = Header {
            row: 0,
            columns: vec![Some(Field::Risk), Some(Field::Action), None, None, None],
        };
        assert!(sub_headings(&risk_header, &risk, &under_merged).is_some());
        // A content row under "Budget", which the importer does not read: an action.
        let budget = cells(&["Action", "Budget", "Outputs"]);
        let content = cells(&["Prevent Lead", "Prevent Lead"]);
        let budget_header = Header {
            row: 0,
            columns: vec![Some(Field::Action), None, Some(Field::Outputs)],
        };
        assert!(sub_headings(&budget_header, &budget, &content).is_none());
    }

    fn field(text: &str) -> Option<Field> {
        classify(text).map(|(field, _)| field)
    }

    #[test]
    fn reads_headers_as_plans_write_them() {
        let expected = [
            ("ACTION", Field::Action),
            ("Action(s)", Field::Action),
            ("Key action", Field::Action),
            ("Action to address risk", Field::Action),
            ("We will", Field::Action),
            ("Activity", Field::Action),
            ("OBJECTIVE", Field::Objective),
            ("Objective(s)", Field::Objective),
            ("Area of Prevent Duty Guidance", Field::Objective),
            ("Risk Title", Field::Risk),
            ("Description", Field::Objective),
            ("OUTPUTS", Field::Outputs),
            ("Outcome(s)", Field::Outputs),
            ("Milestones/Outcomes", Field::Outputs),
            ("Aims", Field::Outputs),
            ("MILESTONES", Field::Milestones),
            ("Timescale", Field::Milestones),
            ("Target Date", Field::Milestones),
            ("By not later than", Field::Milestones),
            ("By When", Field::Milestones),
            ("status/deadline", Field::Milestones),
            ("Review", Field::Milestones),
            ("LEAD AGENCY/OFFICERS", Field::Leads),
            ("Agency / Lead", Field::Leads),
            ("Owner", Field::Leads),
            ("Person responsible", Field::Leads),
            ("Staff Responsible", Field::Leads),
            ("Action owner", Field::Leads),
            ("Partners and Resources", Field::Partners),
            ("PROGRESS", Field::Progress),
            ("Comments / Progress", Field::Progress),
            ("Work to date", Field::Evidence),
            ("Evidence of progress", Field::Progress),
            ("Notes", Field::Progress),
            ("Current position", Field::Progress),
            ("RAG*", Field::Rag),
            ("RAG rating", Field::Rag),
            ("Self assessed rating", Field::Rag),
            ("Ref", Field::Id),
            ("No.", Field::Id),
            ("Target date for action", Field::Milestones),
        ];
        for (text, meaning) in expected {
            assert_eq!(field(text), Some(meaning), "{text}");
        }
        for (text, meaning) in [
            ("Camau gweithredu", Field::Action),
            ("Arweinydd", Field::Leads),
            ("Dyddiad targed", Field::Milestones),
            ("Cynnydd", Field::Progress),
            ("Amcanion", Field::Objective),
        ] {
            assert_eq!(field(text), Some(meaning), "{text}");
        }
        assert_eq!(field("1. Mapping Haringey's Muslim Communities"), None);
        assert_eq!(
            field("Reference document to include, Masjids, Supplementary schools, meeting places"),
            None
        );
    }

    #[test]
    fn finds_the_header_below_titles() {
        let rows: Vec<Vec<String>> = [
            vec!["PREVENT ACTION PLAN 2008-11"],
            vec![
                "OBJECTIVE 1: UNDERSTANDING OF, AND ENGAGEMENT WITH, MUSLIM COMMUNITIES.",
                "",
                "",
            ],
            vec![
                "ACTION",
                "OUTPUTS",
                "MILESTONES",
                "LEAD AGENCY/OFFICERS",
                "PROGRESS",
            ],
            vec![
                "1. Mapping",
                "Reference document",
                "January 2009",
                "PREVENT Lead Officers",
                "On target",
            ],
        ]
        .iter()
        .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
        .collect();
        let Some(header) = find(&rows) else {
            unreachable!("no header")
        };
        assert_eq!(header.row, 2);
        assert_eq!(header.field(3), Some(Field::Leads));
        assert!(repeats(&header, rows.get(2).map_or(&[][..], Vec::as_slice)));
        assert!(!repeats(
            &header,
            rows.get(3).map_or(&[][..], Vec::as_slice)
        ));
    }

    #[test]
    fn prose_is_not_a_header() {
        let row = vec!["The initial actions that will deliver the local Prevent responsibilities are set out below".to_owned()];
        assert_eq!(score(&row), None);
    }
}
