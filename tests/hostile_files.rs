//! Files built to exhaust the readers (issue 17 items 2, 3 and 6): zip bombs, declared
//! counts that lie, repeats and spans that expand a few bytes into millions of cells,
//! many sheets over one part, hidden drafts, formulas without values. Each is answered
//! with a report, within a time bound far above the measured one (docs/limits.md), and
//! nothing of a plan is dropped without a word.
#![cfg(feature = "xlsx")]

use std::io::{Cursor, Read, Write};
use std::time::{Duration, Instant};

use prevent_plan_check::{validate_file, Options, Report};
use zip::write::SimpleFileOptions;

const TABLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tables");
/// Debug builds on a loaded 2-core machine: every case below takes well under a second
/// in release builds.
const BOUND: Duration = Duration::from_secs(20);

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{TABLES}/{name}"))
        .unwrap_or_else(|error| unreachable!("{name}: {error}"))
}

/// The parts of a zip file, in order.
fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).unwrap_or_else(|e| unreachable!("{e}"));
    (0..archive.len())
        .map(|index| {
            let mut part = archive
                .by_index(index)
                .unwrap_or_else(|e| unreachable!("{e}"));
            let mut content = Vec::new();
            part.read_to_end(&mut content)
                .unwrap_or_else(|e| unreachable!("{e}"));
            (
                part.name().map(|n| n.into_owned()).unwrap_or_default(),
                content,
            )
        })
        .collect()
}

fn zip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        writer
            .start_file(name.as_str(), SimpleFileOptions::default())
            .unwrap_or_else(|e| unreachable!("{e}"));
        writer
            .write_all(content)
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    writer
        .finish()
        .unwrap_or_else(|e| unreachable!("{e}"))
        .into_inner()
}

/// A fixture with one part's text edited.
fn edited(name: &str, part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut all = parts(&fixture(name));
    for (entry, content) in &mut all {
        if entry == part {
            *content =
                edit(String::from_utf8(std::mem::take(content)).unwrap_or_default()).into_bytes();
        }
    }
    zip(&all)
}

/// With `WRITE_HOSTILE_FIXTURES=1`, each file is also written to tests/fixtures/hostile/,
/// where the Node tests and the fuzz corpus find them (they are committed).
fn timed(bytes: &[u8], name: &str) -> (Report, Duration) {
    if std::env::var_os("WRITE_HOSTILE_FIXTURES").is_some() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");
        std::fs::create_dir_all(folder).unwrap_or_else(|e| unreachable!("{e}"));
        std::fs::write(format!("{folder}/{name}"), bytes).unwrap_or_else(|e| unreachable!("{e}"));
    }
    let start = Instant::now();
    let report = validate_file(bytes, name, &Options::default());
    (report, start.elapsed())
}

fn rules(report: &Report) -> Vec<&str> {
    report.issues.iter().map(|issue| issue.rule).collect()
}

#[test]
fn a_declared_count_that_lies_is_refused_before_memory_is_reserved() {
    let bytes = edited("excel-style.xlsx", "xl/sharedStrings.xml", |xml| {
        xml.replace("uniqueCount=\"34\"", "uniqueCount=\"100000000\"")
    });
    let (report, took) = timed(&bytes, "unique-count.xlsx");
    assert_eq!(rules(&report), ["table-unreadable"], "{:?}", report.issues);
    assert!(took < BOUND, "{took:?}");
}

#[test]
fn a_part_that_unpacks_past_the_limit_is_refused() {
    // 40 MiB of one shared string: a few tens of kilobytes deflated.
    let bytes = edited("excel-style.xlsx", "xl/sharedStrings.xml", |xml| {
        xml.replacen(
            "<t xml:space=\"preserve\">Ref</t>",
            &format!("<t>{}</t>", "A".repeat(40 << 20)),
            1,
        )
    });
    assert!(bytes.len() < 1 << 20, "{} bytes", bytes.len());
    let (report, took) = timed(&bytes, "shared-string-bomb.xlsx");
    assert_eq!(rules(&report), ["input-too-large"], "{:?}", report.issues);
    assert!(took < BOUND, "{took:?}");
    // Whitespace in a sheet's XML is as good a bomb.
    let bytes = edited("excel-style.xlsx", "xl/worksheets/sheet1.xml", |xml| {
        xml.replacen(
            "<sheetData>",
            &format!("<sheetData>{}", " ".repeat(33 << 20)),
            1,
        )
    });
    let (report, _) = timed(&bytes, "whitespace-bomb.xlsx");
    assert_eq!(rules(&report), ["input-too-large"], "{:?}", report.issues);
}

#[test]
fn repeated_ods_rows_are_bounded_before_they_are_built() {
    // One row of 201 filled columns repeated 100,000 times: 20 million cells.
    let bytes = edited("excel-style.ods", "content.xml", |xml| {
        let row = "<table:table-row table:number-rows-repeated=\"100000\"><table:table-cell table:number-columns-repeated=\"201\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>";
        xml.replacen("</table:table>", &format!("{row}</table:table>"), 1)
    });
    assert!(bytes.len() < 64 << 10);
    let (report, took) = timed(&bytes, "repeated-rows.ods");
    assert_eq!(rules(&report), ["input-too-large"], "{:?}", report.issues);
    assert!(took < BOUND, "{took:?}");
    // Empty repeats (LibreOffice writes a million of them after every sheet) cost nothing.
    let bytes = edited("excel-style.ods", "content.xml", |xml| {
        let row = "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>";
        xml.replacen("</table:table>", &format!("{row}</table:table>"), 1)
    });
    let (report, took) = timed(&bytes, "empty-repeats.ods");
    assert_eq!(report.summary.actions, 5, "{:?}", report.issues);
    assert!(took < BOUND, "{took:?}");
}

#[test]
fn repeated_text_is_bounded_like_cells() {
    // One 30,000-character cell repeated over 201 columns and 9,000 rows: 1.8 million cells
    // (within the cell limit) holding 54 GB of text, from a few kilobytes.
    let bytes = edited("excel-style.ods", "content.xml", |xml| {
        let row = format!(
            "<table:table-row table:number-rows-repeated=\"9000\"><table:table-cell table:number-columns-repeated=\"201\" office:value-type=\"string\"><text:p>{}</text:p></table:table-cell></table:table-row>",
            "x".repeat(30_000)
        );
        xml.replacen("</table:table>", &format!("{row}</table:table>"), 1)
    });
    let (report, took) = timed(&bytes, "repeated-text.ods");
    assert_eq!(rules(&report), ["input-too-large"], "{:?}", report.issues);
    assert!(took < BOUND, "{took:?}");
}

#[test]
fn html_spans_are_bounded() {
    let row = "<tr><td colspan=1000 rowspan=65534>x</td></tr>".repeat(2_000);
    let (report, took) = timed(format!("<table>{row}</table>").as_bytes(), "spans.html");
    assert!(
        rules(&report).contains(&"input-too-large") || rules(&report).contains(&"table-no-header"),
        "{:?}",
        report.issues
    );
    assert!(took < BOUND, "{took:?}");
}

/// Rewrites the fixture's workbook.xml so that its `<sheets>` are `sheets`.
fn with_sheets(sheets: &str) -> Vec<u8> {
    edited("excel-style.xlsx", "xl/workbook.xml", |xml| {
        let start = xml.find("<sheets>").unwrap_or(0);
        let end = xml
            .find("</sheets>")
            .map_or(xml.len(), |end| end + "</sheets>".len());
        format!("{}<sheets>{sheets}</sheets>{}", &xml[..start], &xml[end..])
    })
}

#[test]
fn many_sheets_over_one_part_are_bounded() {
    let sheets: String = (1..=400)
        .map(|i| format!("<sheet name=\"S{i}\" sheetId=\"{i}\" state=\"visible\" r:id=\"rId2\"/>"))
        .collect();
    let (report, took) = timed(&with_sheets(&sheets), "400-sheets.xlsx");
    assert!(report.plan.is_some(), "{:?}", report.issues.first());
    assert_eq!(report.summary.actions, 400 * 5);
    assert!(took < BOUND, "{took:?}");
}

#[test]
fn every_plan_sheet_is_read_and_a_hidden_draft_is_never_chosen() {
    // A very hidden old draft first, then two visible sheets (one per objective).
    let sheets = "<sheet name=\"Old draft\" sheetId=\"1\" state=\"veryHidden\" r:id=\"rId2\"/><sheet name=\"Leadership\" sheetId=\"2\" state=\"visible\" r:id=\"rId2\"/><sheet name=\"Training\" sheetId=\"3\" state=\"visible\" r:id=\"rId2\"/>";
    let (report, _) = timed(&with_sheets(sheets), "hidden-draft.xlsx");
    assert_eq!(report.summary.actions, 10, "both visible sheets are read");
    let unread: Vec<(&str, Option<&str>)> = report
        .issues
        .iter()
        .filter(|issue| issue.rule == "sheet-unread")
        .map(|issue| (issue.message.as_str(), issue.sheet.as_deref()))
        .collect();
    assert_eq!(
        unread,
        [(
            "Sheet \"Old draft\" is hidden: it was not checked",
            Some("Old draft")
        )]
    );
    let sheets_of_issues: std::collections::BTreeSet<&str> = report
        .issues
        .iter()
        .filter_map(|issue| issue.sheet.as_deref())
        .collect();
    assert!(
        sheets_of_issues.contains("Training"),
        "{sheets_of_issues:?}"
    );
}

#[test]
fn formulas_without_values_are_reported_not_read_as_empty_silently() {
    let bytes = edited("excel-style.xlsx", "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find("<c r=\"D4\"").unwrap_or(0);
        let end = xml[start..]
            .find("</c>")
            .map_or(start, |end| start + end + 4);
        format!(
            "{}<c r=\"D4\" s=\"0\"><f>Contacts!B2</f></c>{}",
            &xml[..start],
            &xml[end..]
        )
    });
    let (report, _) = timed(&bytes, "formula-without-value.xlsx");
    let formula = report
        .issues
        .iter()
        .find(|issue| issue.rule == "formula-uncached");
    assert_eq!(
        formula.and_then(|issue| issue.cell.as_deref()),
        Some("D4"),
        "{:?}",
        report.issues
    );
}

#[test]
fn legacy_and_protected_files_are_named() {
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    let (report, _) = timed(&doc, "legacy.doc");
    assert_eq!(rules(&report), ["table-unreadable"]);
    assert!(report
        .issues
        .first()
        .and_then(|issue| issue.hint.as_deref())
        .is_some_and(|hint| hint.contains(".docx")));
    let whole = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/documents/multi-table.docx"
    ))
    .unwrap_or_default();
    for cut in [10, whole.len() / 2, whole.len() - 1] {
        let report = validate_file(
            whole.get(..cut).unwrap_or_default(),
            "cut.docx",
            &Options::default(),
        );
        assert_eq!(rules(&report), ["table-unreadable"], "cut at {cut}");
    }
}
