//! Every phrase of every category of a profile, with its simple plural and verb forms,
//! matched on the tokens of a text ([`crate::text`]).
//!
//! Phrases match as whole words, so a match always begins at a token of the text whose
//! hash is that of the phrase's first word: each token's hash is looked up among the first
//! words, and only the phrases found there are compared, word by word, on hashes and gaps.
//! The forms of a phrase's last word and its American spelling are hashes kept beside the
//! phrase, so the first check builds no table of expanded strings (cold start).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::profile::Profile;
use crate::text::{fold, fold_spans, hash_word, tokenize, Token};

/// A phrase of a category found in a text, with its byte span in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the category in the profile.
    pub category: usize,
    /// Index of the phrase in the category's `phrases`.
    pub phrase: usize,
    pub start: usize,
    pub end: usize,
}

/// The hash of a folded word as written and in American spelling (the same when the word
/// has no British ending).
#[derive(Debug, Clone, Copy)]
struct Spellings {
    british: u64,
    american: u64,
}

/// What separates a word of a phrase from the word before.
#[derive(Debug, Clone)]
enum WordGap {
    /// Whitespace, hyphens or dashes: any separator of the text.
    Separator,
    /// Anything else, folded ("'" in "children's", ", " in "notice, check, share").
    Literal(Box<str>),
}

#[derive(Debug, Clone)]
struct PatternWord {
    spellings: Spellings,
    /// Before the word (unused for the first).
    gap: WordGap,
}

/// One way of writing a phrase or an exclusion of a category: as the profile folds it, or
/// without its apostrophes.
#[derive(Debug, Clone)]
struct Pattern {
    category: usize,
    phrase: usize,
    excludes: bool,
    /// Its words, in `Matcher::words`.
    words: (usize, usize),
    /// The forms of its last word (which stand for that word's spellings), in
    /// `Matcher::endings`.
    endings: (usize, usize),
    /// Folded text before the first word and after the last ("(" and ")"), mostly empty.
    prefix: Box<str>,
    suffix: Box<str>,
    /// Abbreviations of the phrase ("WRAP", "IT") that must appear in capitals.
    capitals: Vec<Box<str>>,
}

/// The phrases filed under one first word: a linked list through `Matcher::links`.
#[derive(Debug, Clone, Copy)]
struct Link {
    pattern: usize,
    next: usize,
    /// A one-word filter of the word after the first ([`SecondWords`]), kept here so that
    /// most patterns of a common first word are passed over without reading them.
    second: SecondWords,
}

/// The hashes a phrase's second word may have, each as one bit of 64 (chosen by the hash's
/// top six bits): a token whose bit is not set cannot be that word. Six of ten patterns
/// tried on a plan's text fail there (43,505 tried, 4,051 found, for 1,000 actions).
#[derive(Debug, Clone, Copy)]
struct SecondWords(u64);

impl SecondWords {
    /// For a one-word phrase: whatever follows.
    const ANY: SecondWords = SecondWords(u64::MAX);

    fn bit(hash: u64) -> u64 {
        1 << (hash >> 58)
    }

    fn of(spellings: &[Spellings]) -> SecondWords {
        SecondWords(spellings.iter().fold(0, |bits, spelling| {
            bits | Self::bit(spelling.british) | Self::bit(spelling.american)
        }))
    }

    fn may_be(self, next: Option<&Token>) -> bool {
        self.0 == u64::MAX || next.is_some_and(|token| self.0 & Self::bit(token.hash) != 0)
    }
}

const NO_LINK: usize = usize::MAX;

/// The keys are already hashes (FNV-1a of the folded word), whose high bits are the mixed
/// ones: they are folded into the low bits the table indexes by.
#[derive(Debug, Clone, Copy, Default)]
struct WordHashes(u64);

impl Hasher for WordHashes {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*byte);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// The compiled phrases of a profile.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// The first link of the patterns of each first word.
    by_first_word: HashMap<u64, usize, BuildHasherDefault<WordHashes>>,
    links: Vec<Link>,
    patterns: Vec<Pattern>,
    words: Vec<PatternWord>,
    endings: Vec<Spellings>,
    /// Each category's phrases as written, shared by every piece of evidence that cites them.
    phrases: Vec<Vec<Arc<str>>>,
}

/// Which category, phrase and kind a pattern stands for.
#[derive(Debug, Clone, Copy)]
struct Owner {
    category: usize,
    phrase: usize,
    excludes: bool,
}

/// How the last word of a phrase varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// Names ("Channel"), and words that are not plain lower-case words.
    AsWritten,
    /// An abbreviation, which may take a plural s ("WRAPs").
    Plural,
    /// A lower-case word: its simple plural and verb forms ([`for_each_inflection`]).
    Inflected,
}

/// Space reused while compiling phrases.
#[derive(Debug, Default)]
struct Scratch {
    tokens: Vec<Token>,
    word: String,
    form: String,
}

impl Matcher {
    pub fn new(profile: &Profile) -> Matcher {
        let count: usize = profile
            .categories
            .iter()
            .map(|category| category.phrases.len() + category.exclude.len())
            .sum();
        let mut matcher = Matcher {
            by_first_word: HashMap::with_capacity_and_hasher(count * 2, Default::default()),
            links: Vec::with_capacity(count * 2),
            patterns: Vec::with_capacity(count),
            words: Vec::with_capacity(count * 2),
            endings: Vec::with_capacity(count * 4),
            phrases: Vec::with_capacity(profile.categories.len()),
        };
        let mut scratch = Scratch::default();
        for (category_index, category) in profile.categories.iter().enumerate() {
            let phrases = category.phrases.iter().map(|phrase| (phrase, false));
            let exclusions = category.exclude.iter().map(|phrase| (phrase, true));
            for (phrase_index, (phrase, excludes)) in phrases.chain(exclusions).enumerate() {
                let owner = Owner {
                    category: category_index,
                    phrase: phrase_index,
                    excludes,
                };
                matcher.add_phrase(owner, phrase, &mut scratch);
            }
            let phrases = category
                .phrases
                .iter()
                .map(|phrase| Arc::from(phrase.as_str()))
                .collect();
            matcher.phrases.push(phrases);
        }
        matcher
    }

    /// A phrase starting with a capital is a name and matches as written (an abbreviation at
    /// its end may take a plural s); otherwise its last word also matches its simple plural
    /// and verb forms. "children's homes" also matches "childrens homes".
    fn add_phrase(&mut self, owner: Owner, phrase: &str, scratch: &mut Scratch) {
        let phrase = phrase.trim();
        let folded = fold(phrase);
        let last_chunk = folded.get(after_last_space(&folded)..).unwrap_or_default();
        let capitals = capital_words(phrase);
        let last_word = last_word(phrase);
        let ending = if last_word.is_some_and(|word| capital_count(word) >= 2) {
            Ending::Plural
        } else if phrase.starts_with(crate::text::is_capital)
            || last_chunk.len() < 3
            || !last_chunk.bytes().all(|byte| byte.is_ascii_lowercase())
        {
            Ending::AsWritten
        } else {
            Ending::Inflected
        };
        if folded.contains('\'') {
            let bare = folded.replace('\'', "");
            self.add_form(owner, &bare, ending, capitals.clone(), scratch);
        }
        self.add_form(owner, &folded, ending, capitals, scratch);
    }

    /// Adds one folded form of a phrase, filed under each spelling of its first word.
    fn add_form(
        &mut self,
        owner: Owner,
        folded: &str,
        ending: Ending,
        capitals: Vec<Box<str>>,
        scratch: &mut Scratch,
    ) {
        scratch.tokens.clear();
        tokenize(folded, &mut scratch.tokens);
        let (Some(first), Some(last)) = (scratch.tokens.first(), scratch.tokens.last()) else {
            // Without a letter or digit a form could never be a whole word; the profile
            // checks refuse such phrases.
            return;
        };
        let (first_start, last_start, last_end) =
            (first.start as usize, last.start as usize, last.end as usize);
        let suffix = folded.get(last_end..).unwrap_or_default();
        let words_start = self.words.len();
        let mut previous_end = first_start;
        for token in &scratch.tokens {
            let (start, end) = token.span();
            let gap = match folded.get(previous_end..start).unwrap_or_default() {
                "" | " " => WordGap::Separator,
                literal => WordGap::Literal(literal.into()),
            };
            previous_end = end;
            let chunk_end = folded.get(end..).unwrap_or_default();
            let spellings = if chunk_end.is_empty() || chunk_end.starts_with(' ') {
                spellings(chunk_of(folded, start, end), end - start, &mut scratch.word)
            } else {
                let hash = token.hash;
                Spellings {
                    british: hash,
                    american: hash,
                }
            };
            self.words.push(PatternWord { spellings, gap });
        }
        let endings_start = self.endings.len();
        let last_word = folded.get(last_start..last_end).unwrap_or_default();
        match ending {
            Ending::Inflected if suffix.is_empty() => {
                let (word, endings) = (&mut scratch.word, &mut self.endings);
                for_each_inflection(last_word, &mut scratch.form, |form| {
                    endings.push(spellings(form, form.len(), word));
                });
            }
            Ending::Plural if suffix.is_empty() => {
                let chunk = chunk_of(folded, last_start, last_end);
                self.endings
                    .push(spellings(chunk, last_word.len(), &mut scratch.word));
                scratch.form.clear();
                scratch.form.push_str(chunk);
                scratch.form.push('s');
                self.endings.push(spellings(
                    &scratch.form,
                    last_word.len() + 1,
                    &mut scratch.word,
                ));
            }
            _ => {
                if let Some(word) = self.words.last() {
                    self.endings.push(word.spellings);
                }
            }
        }
        let pattern = self.patterns.len();
        self.patterns.push(Pattern {
            category: owner.category,
            phrase: owner.phrase,
            excludes: owner.excludes,
            words: (words_start, self.words.len()),
            endings: (endings_start, self.endings.len()),
            prefix: folded.get(..first_start).unwrap_or_default().into(),
            suffix: suffix.into(),
            capitals,
        });
        let word_count = self.words.len() - words_start;
        let endings = self.endings.get(endings_start..).unwrap_or_default();
        let spellings_of = |index: usize| {
            self.words
                .get(words_start + index)
                .map(|word| std::slice::from_ref(&word.spellings))
                .unwrap_or_default()
        };
        let (first_spellings, second) = match word_count {
            1 => (endings, SecondWords::ANY),
            2 => (spellings_of(0), SecondWords::of(endings)),
            _ => (spellings_of(0), SecondWords::of(spellings_of(1))),
        };
        let mut keys: Vec<u64> = Vec::with_capacity(first_spellings.len() * 2);
        for spelling in first_spellings {
            for key in [spelling.british, spelling.american] {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        for key in keys {
            let next = self
                .by_first_word
                .insert(key, self.links.len())
                .unwrap_or(NO_LINK);
            self.links.push(Link {
                pattern,
                next,
                second,
            });
        }
    }

    /// The phrase a match stands for, as the profile writes it.
    pub fn phrase(&self, found: &PhraseMatch) -> Option<&Arc<str>> {
        self.phrases.get(found.category)?.get(found.phrase)
    }

    /// Every category phrase in `text` (whose tokens are `tokens`), as whole words. Within
    /// one category a match inside a longer match, or inside one of the category's
    /// exclusions, does not count.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<PhraseMatch> {
        let mut found: Vec<(PhraseMatch, bool)> = Vec::new();
        for (index, token) in tokens.iter().enumerate() {
            let mut link = self
                .by_first_word
                .get(&token.hash)
                .and_then(|&first| self.links.get(first));
            let after = tokens.get(index + 1);
            while let Some(&Link {
                pattern,
                next,
                second,
            }) = link
            {
                link = self.links.get(next);
                if !second.may_be(after) {
                    continue;
                }
                let Some(pattern) = self.patterns.get(pattern) else {
                    continue;
                };
                if let Some((start, end)) = self.span_at(pattern, text, tokens, index) {
                    let found_match = PhraseMatch {
                        category: pattern.category,
                        phrase: pattern.phrase,
                        start,
                        end,
                    };
                    found.push((found_match, pattern.excludes));
                }
            }
        }
        let mut kept: Vec<PhraseMatch> = Vec::new();
        for (candidate, excludes) in &found {
            let shadowed = found.iter().any(|(other, other_excludes)| {
                other.category == candidate.category
                    && other.start <= candidate.start
                    && candidate.end <= other.end
                    && (*other_excludes
                        || (other.end - other.start) > (candidate.end - candidate.start))
            });
            if *excludes || shadowed {
                continue;
            }
            // The same span found by two phrases of a category cites the first of them.
            let repeated = kept.iter_mut().find(|other| {
                other.category == candidate.category
                    && (other.start, other.end) == (candidate.start, candidate.end)
            });
            match repeated {
                Some(other) => other.phrase = other.phrase.min(candidate.phrase),
                None => {
                    // Kept in order of (start, category), which no two kept matches share
                    // (the longer shadows the shorter): a field has few matches, and a sort
                    // here would link a sort routine of its own (5 KB).
                    let key = (candidate.start, candidate.category);
                    let at = kept.partition_point(|other| (other.start, other.category) <= key);
                    kept.insert(at, *candidate);
                }
            }
        }
        kept
    }

    /// The byte span of `pattern` in `text` when it is there starting at token `index`.
    fn span_at(
        &self,
        pattern: &Pattern,
        text: &str,
        tokens: &[Token],
        index: usize,
    ) -> Option<(usize, usize)> {
        let words = self.words.get(pattern.words.0..pattern.words.1)?;
        let endings = self.endings.get(pattern.endings.0..pattern.endings.1)?;
        let matched = tokens.get(index..index + words.len())?;
        let (mut british, mut american) = (true, true);
        let mut previous_end = None;
        for (position, (word, token)) in words.iter().zip(matched).enumerate() {
            if let Some(previous_end) = previous_end {
                if !gap_matches(&word.gap, text, previous_end, token) {
                    return None;
                }
            }
            previous_end = Some(token.end as usize);
            if position + 1 == words.len() {
                british &= endings.iter().any(|ending| ending.british == token.hash);
                american &= endings.iter().any(|ending| ending.american == token.hash);
            } else {
                british &= word.spellings.british == token.hash;
                american &= word.spellings.american == token.hash;
            }
            if !british && !american {
                return None;
            }
        }
        let (first, last) = (matched.first()?, matched.last()?);
        let start = if pattern.prefix.is_empty() {
            first.start as usize
        } else {
            prefix_start(text, tokens, index, &pattern.prefix)?
        };
        let end = if pattern.suffix.is_empty() {
            last.end as usize
        } else {
            suffix_end(text, tokens, index + words.len() - 1, &pattern.suffix)?
        };
        let original = text.get(start..end)?;
        pattern
            .capitals
            .iter()
            .all(|word| original.contains(&**word))
            .then_some((start, end))
    }
}

/// The space-separated piece of a folded phrase that ends with the word at `start..end`.
fn chunk_of(folded: &str, start: usize, end: usize) -> &str {
    let chunk_start = folded.get(..start).map_or(0, after_last_space);
    folded.get(chunk_start..end).unwrap_or_default()
}

/// Where the text after the last space starts (0 without one). Bytes, not `rfind`: its
/// searcher cost several times as much on the first check's 600 phrases.
fn after_last_space(text: &str) -> usize {
    text.bytes()
        .rposition(|byte| byte == b' ')
        .map_or(0, |space| space + 1)
}

/// The last run of letters and digits of a phrase as written.
fn last_word(phrase: &str) -> Option<&str> {
    if !phrase.is_ascii() {
        return phrase
            .rsplit(|character: char| !character.is_alphanumeric())
            .find(|word| !word.is_empty());
    }
    let bytes = phrase.as_bytes();
    let end = bytes.iter().rposition(u8::is_ascii_alphanumeric)? + 1;
    let start = bytes
        .get(..end)?
        .iter()
        .rposition(|byte| !byte.is_ascii_alphanumeric())
        .map_or(0, |before| before + 1);
    phrase.get(start..end)
}

/// The spellings of the word that ends `chunk` (its last `word_length` bytes): a chunk
/// ending "-isation", "-ise", ... is also spelt "-ization", "-ize", ... ("radicalisation",
/// "recognised"), when it is long enough not to be "rise" or "wise".
fn spellings(chunk: &str, word_length: usize, buffer: &mut String) -> Spellings {
    let word_start = chunk.len().saturating_sub(word_length);
    let word = chunk.get(word_start..).unwrap_or_default();
    let british = hash_word(word.as_bytes());
    // Every British ending starts with "is" and has at most eight letters.
    let tail = chunk.as_bytes().get(chunk.len().saturating_sub(8)..);
    if !tail.is_some_and(|tail| tail.windows(2).any(|pair| pair == b"is")) {
        return Spellings {
            british,
            american: british,
        };
    }
    let stem_end = [
        "isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers",
    ]
    .iter()
    .find(|suffix| chunk.len() > suffix.len() + 2 && chunk.ends_with(*suffix))
    .map(|suffix| chunk.len() - suffix.len());
    let american = match stem_end.and_then(|end| end.checked_sub(word_start)) {
        Some(stem_end) => {
            buffer.clear();
            buffer.push_str(word.get(..stem_end).unwrap_or_default());
            buffer.push_str("iz");
            buffer.push_str(word.get(stem_end + 2..).unwrap_or_default());
            hash_word(buffer.as_bytes())
        }
        None => british,
    };
    Spellings { british, american }
}

/// Whether the text between two tokens is the gap a phrase asks for.
fn gap_matches(gap: &WordGap, text: &str, previous_end: usize, token: &Token) -> bool {
    match gap {
        WordGap::Separator => token.gap.is_separator(),
        WordGap::Literal(literal) => {
            !token.gap.is_separator()
                && text
                    .get(previous_end..token.start as usize)
                    .is_some_and(|between| {
                        fold_spans(between)
                            .map(|(character, _, _)| character)
                            .eq(literal.chars())
                    })
        }
    }
}

/// Where a phrase starting with `prefix` (folded text before its first word) starts, when
/// the text before token `index` ends with it and no word joins it on the left.
fn prefix_start(text: &str, tokens: &[Token], index: usize, prefix: &str) -> Option<usize> {
    let gap_start = index
        .checked_sub(1)
        .and_then(|before| tokens.get(before))
        .map_or(0, |token| token.end as usize);
    let gap = text.get(gap_start..tokens.get(index)?.start as usize)?;
    let folded: Vec<(char, usize, usize)> = fold_spans(gap).collect();
    let length = prefix.chars().count();
    let tail = folded.get(folded.len().checked_sub(length)?..)?;
    let whole_gap_after_word = tail.len() == folded.len() && index > 0;
    let equal = tail
        .iter()
        .map(|(character, _, _)| *character)
        .eq(prefix.chars());
    (equal && !whole_gap_after_word).then_some(gap_start + tail.first()?.1)
}

/// Where a phrase ending with `suffix` (folded text after its last word) ends, when the
/// text after token `index` starts with it and no word joins it on the right.
fn suffix_end(text: &str, tokens: &[Token], index: usize, suffix: &str) -> Option<usize> {
    let gap_start = tokens.get(index)?.end as usize;
    let next = tokens.get(index + 1);
    let gap_end = next.map_or(text.len(), |token| token.start as usize);
    let gap = text.get(gap_start..gap_end)?;
    let folded: Vec<(char, usize, usize)> = fold_spans(gap).collect();
    let head = folded.get(..suffix.chars().count())?;
    let whole_gap_before_word = head.len() == folded.len() && next.is_some();
    let equal = head
        .iter()
        .map(|(character, _, _)| *character)
        .eq(suffix.chars());
    (equal && !whole_gap_before_word).then_some(gap_start + head.last()?.2)
}

/// Words of two or more capitals ("WRAP", "CTLP", "SPoC"): abbreviations, which must be
/// written in capitals so that "wrap" or "it" do not count.
fn capital_words(phrase: &str) -> Vec<Box<str>> {
    if capital_count(phrase) < 2 {
        return Vec::new();
    }
    phrase
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| capital_count(word) >= 2)
        .map(Box::from)
        .collect()
}

fn capital_count(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_uppercase).count()
}

/// Calls `visit` with `word` and its simple plural and verb forms: "train" -> trains,
/// trained, training, trainer(s); "policy" -> policies; "engage" -> engaged, engaging;
/// "plan" -> planned, planning. Over-generation is harmless: a form that is not a word
/// never occurs.
fn for_each_inflection(word: &str, form: &mut String, mut visit: impl FnMut(&str)) {
    visit(word);
    let mut with = |parts: &[&str]| {
        form.clear();
        parts.iter().for_each(|part| form.push_str(part));
        visit(form);
    };
    if let Some(stem) = word
        .strip_suffix('y')
        .filter(|stem| ends_with_consonant(stem))
    {
        with(&[stem, "ies"]);
        with(&[stem, "ied"]);
        with(&[word, "ing"]);
    } else if let Some(stem) = word.strip_suffix('e') {
        with(&[stem, "ing"]);
        for suffix in ["s", "d", "r", "rs"] {
            with(&[word, suffix]);
        }
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|ending| word.ends_with(ending))
    {
        for suffix in ["es", "ed", "ing"] {
            with(&[word, suffix]);
        }
    } else {
        if ends_consonant_vowel_consonant(word) {
            let doubled = word.get(word.len() - 1..).unwrap_or_default();
            for suffix in ["ed", "ing", "er", "ers"] {
                with(&[word, doubled, suffix]);
            }
        }
        for suffix in ["s", "ed", "ing", "er", "ers"] {
            with(&[word, suffix]);
        }
    }
}

fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn ends_with_consonant(word: &str) -> bool {
    word.bytes().last().is_some_and(|byte| !is_vowel(byte))
}

/// "plan", "refer", "map": the last consonant doubles before -ed and -ing.
fn ends_consonant_vowel_consonant(word: &str) -> bool {
    match word.as_bytes() {
        [.., first, vowel, last] => {
            !is_vowel(*first)
                && is_vowel(*vowel)
                && !is_vowel(*last)
                && !matches!(last, b'w' | b'x' | b'y')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn matcher(categories: serde_json::Value) -> (Profile, Matcher) {
        let profile: Profile = serde_json::from_value(json!({
            "id": "t", "title": "T", "guidance": "g", "sector": "local_authority", "categories": categories
        }))
        .unwrap_or_else(|error| unreachable!("{error}"));
        let matcher = Matcher::new(&profile);
        (profile, matcher)
    }

    fn find(matcher: &Matcher, text: &str) -> Vec<PhraseMatch> {
        matcher.find(text, &crate::text::tokens(text))
    }

    fn found(matcher: &Matcher, text: &str) -> Vec<(usize, String)> {
        find(matcher, text)
            .into_iter()
            .map(|found| {
                (
                    found.category,
                    text.get(found.start..found.end)
                        .unwrap_or_default()
                        .to_owned(),
                )
            })
            .collect()
    }

    fn category(id: &str, phrases: &[&str], exclude: &[&str]) -> serde_json::Value {
        json!({"id": id, "name": id, "basis": "should", "required": true, "description": "d",
               "phrases": phrases, "exclude": exclude})
    }

    fn inflections(word: &str) -> Vec<String> {
        let mut forms = Vec::new();
        for_each_inflection(word, &mut String::new(), |form| forms.push(form.to_owned()));
        forms
    }

    #[test]
    fn inflects_the_last_word_of_lower_case_phrases() {
        assert!(inflections("train").contains(&"training".to_owned()));
        assert!(inflections("train").contains(&"trained".to_owned()));
        assert!(inflections("plan").contains(&"planning".to_owned()));
        assert!(inflections("refer").contains(&"referred".to_owned()));
        assert!(inflections("policy").contains(&"policies".to_owned()));
        assert!(inflections("engage").contains(&"engaging".to_owned()));
        assert!(inflections("venue").contains(&"venues".to_owned()));
        assert!(inflections("speech").contains(&"speeches".to_owned()));
        assert!(!inflections("review").contains(&"revieww".to_owned()));
    }

    #[test]
    fn matches_whole_words_with_forms_abbreviations_and_names() {
        let (_, matcher) = matcher(json!([
            category("training", &["train", "WRAP", "e-learning"], &[]),
            category(
                "channel_panel",
                &["Channel", "Channel panel"],
                &["communications channel"]
            ),
        ]));
        assert_eq!(
            found(
                &matcher,
                "Staff trained; WRAPs and eLearning; wrap-around care"
            ),
            [(0, "trained".to_owned()), (0, "WRAPs".to_owned())]
        );
        assert_eq!(
            found(&matcher, "E-Learning module"),
            [(0, "E-Learning".to_owned())]
        );
        assert_eq!(
            found(&matcher, "Chair the Channel\nPanel"),
            [(1, "Channel\nPanel".to_owned())]
        );
        assert!(found(&matcher, "Use partner communications channels").is_empty());
        assert!(found(&matcher, "Use the communications channel").is_empty());
        assert!(found(&matcher, "funding channelled; constrain").is_empty());
    }

    #[test]
    fn last_words_and_chunks_of_phrases() {
        assert_eq!(
            last_word("Workshop to Raise Awareness of Prevent (WRAP)"),
            Some("WRAP")
        );
        assert_eq!(last_word("children's homes"), Some("homes"));
        assert_eq!(
            last_word("Ysgol Gymraeg Bro Dinefwr\u{e2}"),
            Some("Dinefwr\u{e2}")
        );
        assert_eq!(last_word("--"), None);
        assert_eq!(after_last_space("out of school"), 7);
        assert_eq!(after_last_space("wrap"), 0);
        assert_eq!(chunk_of("referral pathway's end", 9, 16), "pathway");
    }

    #[test]
    fn the_second_word_filter_passes_every_form_it_stands_for() {
        let (_, matcher) = matcher(json!([category(
            "c",
            &[
                "staff train",
                "prevent duty guidance",
                "Channel",
                "countering radicalisation"
            ],
            &[]
        )]));
        // The second word as its last word's forms and American spelling, as a middle word,
        // a one-word phrase at the very end, and a first word with nothing after it.
        let text = "Staff trained on the Prevent duty guidance; see Channel. Staff";
        assert_eq!(
            found(&matcher, text),
            [
                (0, "Staff trained".to_owned()),
                (0, "Prevent duty guidance".to_owned()),
                (0, "Channel".to_owned())
            ]
        );
        assert_eq!(
            found(&matcher, "Countering radicalization"),
            [(0, "Countering radicalization".to_owned())]
        );
        assert!(found(&matcher, "Prevent duty").is_empty());
    }

    #[test]
    fn overlapping_phrases_of_different_categories_both_count() {
        let (_, matcher) = matcher(json!([
            category("referral_pathway", &["referral"], &[]),
            category("channel_panel", &["Channel", "Channel referral"], &[]),
        ]));
        assert_eq!(
            found(&matcher, "the Channel referral process"),
            [
                (1, "Channel referral".to_owned()),
                (0, "referral".to_owned())
            ]
        );
    }

    #[test]
    fn american_spellings_of_whole_phrases() {
        let (_, british) = matcher(json!([category(
            "risk_assessment",
            &["risk of radicalisation", "recognise"],
            &[]
        )]));
        assert_eq!(found(&british, "the risk of radicalization").len(), 1);
        assert_eq!(found(&british, "staff recognized it").len(), 1);
        assert_eq!(found(&british, "staff recognising it").len(), 1);
        assert!(found(&british, "rizk of radicalization").is_empty());
        let (_, mixed) = matcher(json!([category(
            "training",
            &["organisation realise"],
            &[]
        )]));
        assert!(found(&mixed, "organization realise").is_empty());
        assert_eq!(found(&mixed, "organization realize").len(), 1);
    }

    #[test]
    fn punctuation_around_and_inside_phrases() {
        let (_, matcher) = matcher(json!([category(
            "partnership",
            &["(CONTEST)", "notice, check, share", "FE/HE lead"],
            &[]
        )]));
        assert_eq!(
            found(
                &matcher,
                "Use (CONTEST) and Notice,  check, Share; FE/HE lead"
            ),
            [
                (0, "(CONTEST)".to_owned()),
                (0, "Notice,  check, Share".to_owned()),
                (0, "FE/HE lead".to_owned())
            ]
        );
        assert!(found(&matcher, "x(CONTEST) notice check share").is_empty());
    }

    #[test]
    fn curly_and_missing_apostrophes() {
        let (_, matcher) = matcher(json!([category(
            "children_settings",
            &["children's home"],
            &[]
        )]));
        assert_eq!(found(&matcher, "Children\u{2019}s Homes").len(), 1);
        assert_eq!(found(&matcher, "childrens homes").len(), 1);
    }

    #[test]
    fn spans_are_byte_spans_of_the_original() {
        let (_, matcher) = matcher(json!([category("training", &["train"], &[])]));
        let text = "Café staff \u{2013} Training";
        let Some(hit) = find(&matcher, text).into_iter().next() else {
            unreachable!("no match")
        };
        assert_eq!(text.get(hit.start..hit.end), Some("Training"));
    }

    #[test]
    fn spans_stay_on_character_boundaries_for_any_text() {
        let (_, matcher) = matcher(json!([
            category("training", &["train", "WRAP", "e-learning"], &[]),
            category("schools_education", &["school", "k"], &[]),
        ]));
        let pieces = [
            "Training",
            "\u{130}",
            "\u{df}",
            "\u{212a}",
            "e\u{301}",
            "\u{2014}",
            "-",
            " ",
            "\n",
            "WRAP",
            "\u{1f600}",
            "school",
            "\u{2019}s",
            "\u{ad}",
            "\u{10428}",
            "K",
        ];
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let text = format!("{first}{second} {third}");
                    for found in find(&matcher, &text) {
                        assert!(
                            text.get(found.start..found.end).is_some(),
                            "{text:?}: {found:?}"
                        );
                    }
                }
            }
        }
    }
}
