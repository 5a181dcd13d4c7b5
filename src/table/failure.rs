//! Why a file's tables could not be read, and the issue that says so. The workbook module
//! answers with a [`ReadFailure`] as JSON; the core (which does not carry the readers)
//! turns it into a report in the caller's language.

use serde::{Deserialize, Serialize};

use crate::limits::{megabytes, InputTooLarge};
use crate::messages::Message;
use crate::report::Issue;

pub use crate::messages::FileFormat as Format;

use super::TableUnreadable;

/// Why a file's tables could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl ReadFailure {
    pub fn damaged(detail: impl Into<String>) -> ReadFailure {
        ReadFailure::Damaged {
            detail: detail.into(),
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
    }
}
