//! Small helpers shared by the XML readers of Office files (.docx, .ods).

use quick_xml::events::{BytesRef, BytesStart};
use quick_xml::XmlVersion;

use super::file::ReadFailure;

/// The value of the attribute whose local name (without prefix) is `local`, unescaped.
pub fn attribute(start: &BytesStart, local: &[u8]) -> Option<String> {
    start.attributes().flatten().find_map(|attribute| {
        (attribute.key.local_name().as_ref().as_bytes() == local)
            .then(|| {
                attribute
                    .normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(|value| value.into_owned())
            })
            .flatten()
    })
}

/// A whole-number attribute (`w:val="2"`, `table:number-columns-repeated="3"`).
pub fn number(start: &BytesStart, local: &[u8]) -> Option<usize> {
    attribute(start, local)?.trim().parse().ok()
}

/// The character an entity or character reference stands for.
pub fn resolve(entity: &BytesRef) -> Option<char> {
    match entity.as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => entity.resolve_char_ref().ok().flatten(),
    }
}

/// The failure for XML that does not parse.
pub fn malformed(part: &str, error: impl std::fmt::Display) -> ReadFailure {
    ReadFailure::damaged(format!("{part} is not well-formed XML ({error})"))
}
