//! Web pages and pasted `text/html` -> one [`Table`] per `<table>`, each with the headings
//! and paragraphs above it.
//!
//! The HTML is read as data, never rendered or run: a small tokenizer (tags, attributes,
//! text, character references) drives the same [`Grid`] as Word tables, so `colspan` and
//! `rowspan` follow the merged-cell convention. Paragraphs, list items and `<br>` inside a
//! cell are its lines. It reads what Word, LibreOffice, Excel and browsers put on the
//! clipboard: Word's `<o:p>` and `<![if !supportLists]>` markers, Excel's
//! `<br style='mso-data-placement:same-cell'>`, `<!--StartFragment-->` comments,
//! `<colgroup>`. Scripts, styles and comments are skipped; every step is linear in the input.

use super::cell::{Cell, Table};
use super::docx::{document_table, flatten, MAX_PARAGRAPHS_ABOVE};
use super::file::ReadFailure;
use super::grid::{Budget, Grid};

/// Reads every table of an HTML page or fragment.
pub fn read(bytes: &[u8]) -> Result<Vec<Table>, ReadFailure> {
    let text = decode(bytes);
    let mut state = State::default();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        rest = match rest.find('<') {
            Some(0) => state.markup(rest)?,
            Some(at) => {
                let (text, after) = rest.split_at(at);
                state.text(text);
                after
            }
            None => {
                state.text(rest);
                ""
            }
        };
    }
    state.finish()
}

/// HTML bytes as text: UTF-8 (with or without a byte order mark), UTF-16 with a byte order
/// mark, else Windows-1252 (what Word's "Save as Web Page" writes by default).
fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let utf16 = |rest: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| {
                from([
                    pair.first().copied().unwrap_or(0),
                    pair.get(1).copied().unwrap_or(0),
                ])
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|byte| windows_1252(*byte)).collect(),
    }
}

fn windows_1252(byte: u8) -> char {
    const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
    match byte {
        0x80..=0x9F => HIGH
            .chars()
            .nth(usize::from(byte - 0x80))
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(byte),
    }
}

/// Elements whose content is not shown as text of the page.
const RAW_SKIPPED: &[&str] = &["script", "style", "template", "title", "xml", "textarea"];
/// Elements that start a new line (in a cell) or a new paragraph (outside tables).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "dl",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "hr",
    "address",
    "figure",
    "figcaption",
    "body",
    "html",
];

#[derive(Debug, Default)]
struct OpenTable {
    number: usize,
    grid: Grid,
    cell: Option<OpenCell>,
    above: Vec<String>,
    nested: bool,
    caption: Option<String>,
}

#[derive(Debug, Default)]
struct OpenCell {
    text: String,
    columns: usize,
    rows: usize,
}

#[derive(Debug, Default)]
struct State {
    budget: Budget,
    tables: Vec<OpenTable>,
    /// Text outside tables, and the paragraphs it made since the last top-level table.
    paragraph: String,
    body: Vec<String>,
    done: Vec<(usize, Table)>,
    numbered: usize,
    /// `<ul>`/`<ol>` nesting: list items are "- " lines.
    preformatted: usize,
}

impl State {
    /// Reads the markup at the start of `rest` (which starts with `<`); returns what follows.
    fn markup<'a>(&mut self, rest: &'a str) -> Result<&'a str, ReadFailure> {
        if let Some(comment) = rest.strip_prefix("<!--") {
            return Ok(comment.find("-->").map_or("", |end| &comment[end + 3..]));
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            // Doctype, CDATA, Word's `<![if !supportLists]>` markers: their content stays.
            return Ok(rest.find('>').map_or("", |end| &rest[end + 1..]));
        }
        let closing = rest.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let after_name = &rest[name_start..];
        if !after_name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.text("<");
            return Ok(&rest[1..]);
        }
        let name_end = after_name
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(after_name.len());
        let name = after_name[..name_end].to_ascii_lowercase();
        let (attributes, after) = tag_end(&after_name[name_end..]);
        if closing {
            self.end(&name)?;
            return Ok(after);
        }
        if RAW_SKIPPED.contains(&name.as_str()) {
            let close = format!("</{name}");
            return Ok(find_ignoring_case(after, &close).map_or("", |at| {
                after[at..]
                    .find('>')
                    .map_or("", |end| &after[at + end + 1..])
            }));
        }
        self.start(&name, attributes)?;
        Ok(after)
    }

    fn start(&mut self, name: &str, attributes: &str) -> Result<(), ReadFailure> {
        match name {
            "table" => self.open_table(),
            "tr" => {
                self.close_cell()?;
                if let Some(table) = self.tables.last_mut() {
                    if table.grid.in_row() {
                        table.grid.end_row(&mut self.budget)?;
                    }
                }
            }
            "td" | "th" => {
                self.close_cell()?;
                if let Some(table) = self.tables.last_mut() {
                    table.cell = Some(OpenCell {
                        text: String::new(),
                        columns: span(attributes, "colspan"),
                        rows: span(attributes, "rowspan"),
                    });
                }
            }
            "caption" => {
                if let Some(table) = self.tables.last_mut() {
                    table.caption = Some(String::new());
                }
            }
            "br" => self.push_text("\n"),
            "li" => {
                self.break_line();
                self.push_text("- ");
            }
            "pre" => {
                self.break_line();
                self.preformatted += 1;
            }
            _ if BLOCKS.contains(&name) => self.break_line(),
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), ReadFailure> {
        match name {
            "table" => self.close_table()?,
            "tr" => {
                self.close_cell()?;
                if let Some(table) = self.tables.last_mut() {
                    table.grid.end_row(&mut self.budget)?;
                }
            }
            "td" | "th" => self.close_cell()?,
            "caption" => {
                if let Some(table) = self.tables.last_mut() {
                    if let Some(caption) = table.caption.take() {
                        let caption = tidy(&caption);
                        if !caption.is_empty() && !table.nested {
                            table.above.push(caption);
                        }
                    }
                }
            }
            "pre" => {
                self.preformatted = self.preformatted.saturating_sub(1);
                self.break_line();
            }
            _ if BLOCKS.contains(&name) => self.break_line(),
            _ => {}
        }
        Ok(())
    }

    /// Text between tags: character references resolved, white space collapsed (outside
    /// `<pre>`), a no-break space read as a space.
    fn text(&mut self, raw: &str) {
        let decoded = decode_references(raw);
        if self.preformatted > 0 {
            self.push_text(&decoded.replace('\u{a0}', " "));
            return;
        }
        let mut collapsed = String::with_capacity(decoded.len());
        let mut in_space = false;
        for character in decoded.chars() {
            if character.is_whitespace() && character != '\u{a0}' {
                in_space = true;
                continue;
            }
            if in_space {
                collapsed.push(' ');
                in_space = false;
            }
            collapsed.push(if character == '\u{a0}' {
                ' '
            } else {
                character
            });
        }
        if in_space {
            collapsed.push(' ');
        }
        self.push_text(&collapsed);
    }

    /// Where text goes now: the open cell of the innermost table, its caption, else the
    /// page's current paragraph.
    fn sink(&mut self) -> &mut String {
        match self.tables.last_mut() {
            Some(OpenTable {
                cell: Some(cell), ..
            }) => &mut cell.text,
            Some(OpenTable {
                caption: Some(caption),
                ..
            }) => caption,
            _ => &mut self.paragraph,
        }
    }

    fn push_text(&mut self, text: &str) {
        let sink = self.sink();
        // Space at the start of a line is not shown.
        if sink.is_empty() || sink.ends_with('\n') {
            sink.push_str(text.trim_start_matches(' '));
        } else {
            sink.push_str(text);
        }
    }

    fn break_line(&mut self) {
        let in_cell = matches!(self.tables.last(), Some(OpenTable { cell: Some(_), .. }));
        if in_cell
            || matches!(
                self.tables.last(),
                Some(OpenTable {
                    caption: Some(_),
                    ..
                })
            )
        {
            let sink = self.sink();
            if !sink.is_empty() && !sink.ends_with('\n') {
                sink.push('\n');
            }
        } else {
            self.end_paragraph();
        }
    }

    fn end_paragraph(&mut self) {
        let text = tidy(&std::mem::take(&mut self.paragraph));
        if !text.is_empty() {
            self.body.push(text);
            // Only the last paragraphs are kept with the next table.
            if self.body.len() >= 2 * MAX_PARAGRAPHS_ABOVE {
                self.body.drain(..MAX_PARAGRAPHS_ABOVE);
            }
        }
    }

    fn close_cell(&mut self) -> Result<(), ReadFailure> {
        if let Some(table) = self.tables.last_mut() {
            if let Some(cell) = table.cell.take() {
                table
                    .grid
                    .push(&tidy(&cell.text), cell.columns, cell.rows, &mut self.budget)?;
            }
        }
        Ok(())
    }

    fn open_table(&mut self) {
        self.numbered += 1;
        let nested = !self.tables.is_empty();
        let above = if nested {
            Vec::new()
        } else {
            self.end_paragraph();
            let body = std::mem::take(&mut self.body);
            let skip = body.len().saturating_sub(MAX_PARAGRAPHS_ABOVE);
            body.into_iter().skip(skip).collect()
        };
        self.tables.push(OpenTable {
            number: self.numbered,
            above,
            nested,
            ..OpenTable::default()
        });
    }

    fn close_table(&mut self) -> Result<(), ReadFailure> {
        self.close_cell()?;
        let Some(table) = self.tables.pop() else {
            return Ok(());
        };
        let rows = table.grid.finish(&mut self.budget)?;
        if table.nested {
            let lines = flatten(&rows);
            let sink = self.sink();
            if !sink.is_empty() && !sink.ends_with('\n') {
                sink.push('\n');
            }
            sink.push_str(&lines);
            sink.push('\n');
        }
        self.done.push((
            table.number,
            document_table(table.number, table.above, without_empty_rows(rows)),
        ));
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<Table>, ReadFailure> {
        while !self.tables.is_empty() {
            self.close_table()?;
        }
        self.done.sort_by_key(|(number, _)| *number);
        Ok(self.done.into_iter().map(|(_, table)| table).collect())
    }
}

/// Rows a table ends with that hold nothing (`<tr></tr>` left by editors) are dropped.
fn without_empty_rows(mut rows: Vec<Vec<Cell>>) -> Vec<Vec<Cell>> {
    while rows
        .last()
        .is_some_and(|row| row.iter().all(Cell::is_empty))
    {
        rows.pop();
    }
    rows
}

/// Lines trimmed, blank lines at either end dropped.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines.get(first..=last).unwrap_or_default().join("\n"),
        _ => String::new(),
    }
}

/// The attributes of a tag and what follows its `>` (quoted values may hold `>`).
fn tag_end(rest: &str) -> (&str, &str) {
    let mut quote: Option<char> = None;
    for (at, character) in rest.char_indices() {
        match (quote, character) {
            (Some(open), c) if c == open => quote = None,
            (None, '"' | '\'') => quote = Some(character),
            (None, '>') => return (&rest[..at], &rest[at + 1..]),
            _ => {}
        }
    }
    (rest, "")
}

/// `colspan`/`rowspan`: a positive number, else 1 (HTML reads "0" and junk as 1 here).
fn span(attributes: &str, name: &str) -> usize {
    let lower = attributes.to_ascii_lowercase();
    let Some(at) = find_word(&lower, name) else {
        return 1;
    };
    let value = lower[at + name.len()..]
        .trim_start()
        .strip_prefix('=')
        .map(|value| value.trim_start().trim_start_matches(['"', '\'']))
        .unwrap_or_default();
    let digits: String = value
        .chars()
        .take_while(char::is_ascii_digit)
        .take(9)
        .collect();
    digits.parse::<usize>().ok().filter(|n| *n > 0).unwrap_or(1)
}

/// Where `word` starts as an attribute name (not inside another name such as `data-colspan`).
fn find_word(haystack: &str, word: &str) -> Option<usize> {
    haystack.match_indices(word).map(|(at, _)| at).find(|at| {
        haystack[..*at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
    })
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// Resolves `&amp;`, `&#8217;`, `&#x2019;` and the named references plans use; anything
/// else is left as written.
fn decode_references(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after
            .char_indices()
            .take(32)
            .find(|(_, c)| *c == ';')
            .map(|(end, _)| end);
        let resolved = end.and_then(|end| reference(&after[..end]).map(|c| (c, end)));
        match resolved {
            Some((character, end)) => {
                out.push(character);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "hellip" => '…',
        "pound" => '£',
        "euro" => '€',
        "copy" => '©',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tables: &[Table]) -> Vec<Vec<Vec<String>>> {
        tables
            .iter()
            .map(|table| {
                table
                    .rows
                    .iter()
                    .map(|row| row.iter().map(ToString::to_string).collect())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn reads_spans_lines_and_headings_above() -> Result<(), ReadFailure> {
        let html = br#"<html><head><title>x</title><style>td{}</style><script>document.write("<table>")</script></head>
            <body><h1>Prevent Plan &amp; Delivery 2016/17</h1><p>Priority:&nbsp;Leadership</p>
            <table><colgroup><col width=80></colgroup><tr><th colspan=2>Action</th><th>Lead</th></tr>
            <tr><td rowspan="2">1</td><td><p>Train staff</p><ul><li>WRAP</li><li>Channel</li></ul></td><td>Lead<br>Police</td></tr>
            <tr><td>Review&#8217;s</td><td></td></tr></table><p>after</p></body></html>"#;
        let tables = read(html)?;
        assert_eq!(
            texts(&tables),
            [vec![
                vec!["Prevent Plan & Delivery 2016/17"],
                vec!["Priority: Leadership"],
                vec!["Action", "", "Lead"],
                vec!["1", "Train staff\n- WRAP\n- Channel", "Lead\nPolice"],
                vec!["", "Review’s", ""],
            ]]
        );
        assert_eq!(tables.first().map(|table| table.above), Some(2));
        Ok(())
    }

    #[test]
    fn nested_tables_and_unclosed_tags() -> Result<(), ReadFailure> {
        let html = b"<table><tr><td>Outer<table><tr><td>a<td>b</table><td>next</table>";
        assert_eq!(
            texts(&read(html)?),
            [vec![vec!["Outer\na | b", "next"]], vec![vec!["a", "b"]]]
        );
        Ok(())
    }

    #[test]
    fn windows_1252_and_utf16_decode() {
        assert_eq!(decode(b"Officer\x92s \x96 plan"), "Officer’s – plan");
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]), "hi");
    }
}
