//! Why a file's tables could not be read, and the issue that says so. The workbook module
//! answers with a [`ReadFailure`] as JSON; the core (which does not carry the readers)
//! turns it into a report in the caller's language.

use serde::Serialize;

use crate::limits::{megabytes, InputTooLarge};
use crate::messages::Message;
use crate::report::Issue;

pub use crate::messages::FileFormat as Format;

use super::TableUnreadable;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_from_its_json_fields() {
        for failure in [
            ReadFailure::damaged("cut short"),
            ReadFailure::Encrypted,
            ReadFailure::Unsupported {
                format: Format::LegacyWord,
            },
            ReadFailure::Unsupported {
                format: Format::LegacyExcel,
            },
            ReadFailure::Unsupported {
                format: Format::Pdf,
            },
            ReadFailure::Unpacks {
                part: "xl/sharedStrings.xml".into(),
                limit: 5,
            },
            ReadFailure::TooManyCells { limit: 7 },
            ReadFailure::TooMuchText { limit: 9 },
        ] {
            let json = serde_json::to_value(&failure).unwrap_or_default();
            let field = |name: &str| {
                json.get(name)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            let text = [field("detail"), field("format"), field("part")].concat();
            let limit = json
                .get("limit")
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0) as usize;
            assert_eq!(
                ReadFailure::from_parts(&field("kind"), &text, limit),
                failure
            );
        }
    }
}

/// Why a file's tables could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ReadFailure {
    /// Damaged, truncated or not the format its name says; `detail` is the reader's own
    /// description (English).
    Damaged { detail: String },
    /// A password-protected Office file (an encrypted package inside an OLE container).
    Encrypted,
    /// A format the product does not read (legacy .doc/.xls, PDF).
    Unsupported { format: Format },
    /// A part of the archive unpacks to more than `limit` bytes (a zip bomb).
    Unpacks { part: String, limit: usize },
    /// The tables hold more than `limit` cells once repeats and spans are expanded.
    TooManyCells { limit: usize },
    /// The tables hold more than `limit` bytes of text once repeated cells are copied.
    TooMuchText { limit: usize },
}

impl ReadFailure {
    pub fn damaged(detail: impl Into<String>) -> ReadFailure {
        ReadFailure::Damaged {
            detail: detail.into(),
        }
    }

    /// The failure from the fields of its JSON (`kind`, then `detail`, `format` or `part`,
    /// then `limit`), as the JS wrapper passes them to the core: read by hand, because
    /// serde's tagged-enum deserializer would add kilobytes to the core module for this
    /// one rare path. An unknown kind is a damaged file.
    pub fn from_parts(kind: &str, text: &str, limit: usize) -> ReadFailure {
        let format = match text {
            "legacy-word" => Format::LegacyWord,
            "legacy-excel" => Format::LegacyExcel,
            _ => Format::Pdf,
        };
        match kind {
            "encrypted" => ReadFailure::Encrypted,
            "unsupported" => ReadFailure::Unsupported { format },
            "unpacks" => ReadFailure::Unpacks {
                part: text.to_owned(),
                limit,
            },
            "too-many-cells" => ReadFailure::TooManyCells { limit },
            "too-much-text" => ReadFailure::TooMuchText { limit },
            _ => ReadFailure::damaged(text),
        }
    }
}

/// The issue for a file that could not be read.
pub fn failure_issue(failure: &ReadFailure) -> Issue {
    match failure {
        ReadFailure::Damaged { detail } => TableUnreadable::META.issue(
            "",
            Message::TableUnreadable {
                detail: detail.clone(),
            },
        ),
        ReadFailure::Encrypted => TableUnreadable::META
            .issue("", Message::FileEncrypted)
            .with_hint(Message::FileEncryptedHint),
        ReadFailure::Unsupported { format } => TableUnreadable::META
            .issue("", Message::FormatUnsupported { format: *format })
            .with_hint(Message::FormatUnsupportedHint { format: *format }),
        ReadFailure::Unpacks { part, limit } => InputTooLarge::META
            .issue(
                "",
                Message::FileUnpacksTooLarge {
                    part: part.clone(),
                    limit: megabytes(*limit),
                },
            )
            .with_hint(Message::FileTooLargeHint),
        ReadFailure::TooManyCells { .. } => crate::limits::too_many_cells(),
        ReadFailure::TooMuchText { limit } => InputTooLarge::META
            .issue(
                "",
                Message::TooMuchText {
                    max: megabytes(*limit),
                },
            )
            .with_hint(Message::FileTooLargeHint),
    }
}
