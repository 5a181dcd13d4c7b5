//! Placeholder replaced by the milestone engine (issue 3).
use super::{Kind, ParseContext, Timescale};

pub fn parse(text: &str, _context: &ParseContext) -> Timescale {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "-" {
        return Timescale::of_kind(Kind::None);
    }
    Timescale::of_kind(Kind::Unparsed)
}
