//! Any plan file's bytes -> its tables: workbooks (.xlsx, .ods), Word documents (.docx) and
//! web pages (.html), chosen by the file's name and, failing that, by its first bytes.
//!
//! This is what the separately shipped workbook module runs; a file that cannot be read
//! comes back as a [`ReadFailure`], which the core turns into a report.

use super::cell::Table;
use super::{docx, html, workbook};

pub use super::failure::{Format, ReadFailure};

/// What a file holds, by its name or its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Workbook,
    Word,
    Html,
}

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads the tables of a file; `name` is its file name (only its extension is used), empty
/// when unknown (pasted HTML is given a name ending in `.html`).
pub fn read(bytes: &[u8], name: &str) -> Result<Vec<Table>, ReadFailure> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ole_failure(bytes));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ReadFailure::Unsupported {
            format: Format::Pdf,
        });
    }
    match kind(bytes, name) {
        Kind::Workbook => workbook::read_bounded(bytes),
        Kind::Word => docx::read(bytes),
        Kind::Html => html::read(bytes),
    }
}

fn kind(bytes: &[u8], name: &str) -> Kind {
    let extension = name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "docx" | "docm" | "dotx" | "dotm" => return Kind::Word,
        "html" | "htm" | "xhtml" => return Kind::Html,
        "xlsx" | "xlsm" | "ods" => return Kind::Workbook,
        _ => {}
    }
    if bytes.starts_with(b"PK") {
        if contains(bytes, b"word/document.xml") {
            Kind::Word
        } else {
            Kind::Workbook
        }
    } else if looks_like_html(bytes) {
        Kind::Html
    } else {
        Kind::Workbook
    }
}

/// A legacy Office file or a password-protected one: both are OLE compound files, told
/// apart by the names of their streams (UTF-16 in the directory).
fn ole_failure(bytes: &[u8]) -> ReadFailure {
    let has_stream = |name: &str| {
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        contains(bytes, &utf16)
    };
    if has_stream("EncryptedPackage") {
        ReadFailure::Encrypted
    } else if has_stream("WordDocument") {
        ReadFailure::Unsupported {
            format: Format::LegacyWord,
        }
    } else {
        ReadFailure::Unsupported {
            format: Format::LegacyExcel,
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.get(..bytes.len().min(4096)).unwrap_or_default();
    let lower = start.to_ascii_lowercase();
    [b"<html".as_slice(), b"<table", b"<!doctype html", b"<meta"]
        .iter()
        .any(|tag| contains(&lower, tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_it_does_not_read() {
        let mut doc = OLE_MAGIC.to_vec();
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            read(&doc, "plan.doc"),
            Err(ReadFailure::Unsupported {
                format: Format::LegacyWord
            })
        );
        let mut locked = OLE_MAGIC.to_vec();
        locked.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read(&locked, "plan.docx"), Err(ReadFailure::Encrypted));
        assert_eq!(
            read(b"%PDF-1.7", "plan.pdf"),
            Err(ReadFailure::Unsupported {
                format: Format::Pdf
            })
        );
    }

    #[test]
    fn knows_html_by_its_name_or_its_tags() {
        assert_eq!(kind(b"anything", "Plan.HTM"), Kind::Html);
        assert_eq!(kind(b"<!DOCTYPE html><table>", ""), Kind::Html);
        assert_eq!(kind(b"PK\x03\x04", "plan.docx"), Kind::Word);
        assert_eq!(kind(b"PK\x03\x04", "plan.xlsx"), Kind::Workbook);
    }
}
