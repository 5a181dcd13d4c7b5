//! Lower-casing of text the checks match against word lists.

/// `text` in lower case, character by character. `str::to_lowercase` also writes a final
/// Greek sigma as `ς`, which no list or cue holds; its own copy of the case logic weighed
/// 3.0 KB (brotli) of the WASM module beside `char::to_lowercase`, which the coverage text
/// reader already carries.
pub(crate) fn lowercase(text: &str) -> String {
    let mut lower = String::with_capacity(text.len());
    lower.extend(text.chars().flat_map(char::to_lowercase));
    lower
}
