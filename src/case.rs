//! Lower-casing of text the checks match against word lists.

/// `text` in lower case, character by character. `str::to_lowercase` also writes a final
/// Greek sigma as `ς`, which no list or tag holds, and that logic weighs 1.8 KB (brotli) of
/// the form module (167,310 against 169,151 bytes, measured with both callers here: category
/// tags and personal data's non-ASCII words).
pub(crate) fn lowercase(text: &str) -> String {
    let mut lower = String::with_capacity(text.len());
    lower.extend(text.chars().flat_map(char::to_lowercase));
    lower
}
