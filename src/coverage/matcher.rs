//! Every phrase of every category of a profile, with its simple plural and verb forms,
//! matched in one pass over the words of folded text.
//!
//! Phrases match as whole words, so a match always begins with a whole word of the text
//! equal to the first word of the phrase: each word of the text is looked up in a table of
//! first words and only the phrases found there are compared. The table is cheap to build
//! (cold start) and small in the module, unlike a multi-pattern automaton.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::profile::Profile;
use super::text::{fold_phrase, Folded};

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

/// What a folded pattern stands for; one pattern may serve several categories.
#[derive(Debug, Clone)]
struct Target {
    category: usize,
    phrase: usize,
    excludes: bool,
    /// Abbreviations of the phrase ("WRAP", "IT") that must appear in capitals.
    capitals: Vec<String>,
}

/// A folded pattern whose first word (its first run of letters and digits) is the key it is
/// filed under.
#[derive(Debug, Clone)]
struct Candidate {
    pattern: usize,
    /// Byte offset of the first word in the pattern (non-zero when it starts with, say, "(").
    offset: usize,
}

/// FNV-1a. The keys are short words, which std's default SipHash (built to resist keys
/// chosen to collide) hashes several times slower; the table's keys come from the profile.
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type BuildFnv = BuildHasherDefault<Fnv>;

/// The compiled phrases of a profile.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// The folded patterns, by their first word.
    by_first_word: HashMap<String, Vec<Candidate>, BuildFnv>,
    patterns: Vec<String>,
    targets: Vec<Vec<Target>>,
    /// Each category's phrases as written, shared by every piece of evidence that cites them.
    phrases: Vec<Vec<Arc<str>>>,
}

impl Matcher {
    pub fn new(profile: &Profile) -> Matcher {
        let mut by_first_word: HashMap<String, Vec<Candidate>, BuildFnv> = HashMap::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        for (category_index, category) in profile.categories.iter().enumerate() {
            let phrases = category.phrases.iter().map(|phrase| (phrase, false));
            let exclusions = category.exclude.iter().map(|phrase| (phrase, true));
            for (phrase_index, (phrase, excludes)) in phrases.chain(exclusions).enumerate() {
                let capitals = capital_words(phrase);
                for form in forms(phrase)
                    .into_iter()
                    .flat_map(apostrophe_forms)
                    .flat_map(american_forms)
                {
                    // A form without a letter or digit could never be a whole word; the
                    // profile checks refuse such phrases.
                    let Some((offset, word)) = words(&form).next() else {
                        continue;
                    };
                    if !by_first_word.contains_key(word) {
                        by_first_word.insert(word.to_owned(), Vec::new());
                    }
                    let Some(bucket) = by_first_word.get_mut(word) else {
                        continue;
                    };
                    // The same form from another phrase or category shares its pattern.
                    let known = bucket
                        .iter()
                        .find(|candidate| patterns.get(candidate.pattern) == Some(&form));
                    let slot = match known {
                        Some(candidate) => candidate.pattern,
                        None => {
                            bucket.push(Candidate {
                                pattern: patterns.len(),
                                offset,
                            });
                            patterns.push(form);
                            targets.push(Vec::new());
                            targets.len() - 1
                        }
                    };
                    if let Some(list) = targets.get_mut(slot) {
                        list.push(Target {
                            category: category_index,
                            phrase: phrase_index,
                            excludes,
                            capitals: capitals.clone(),
                        });
                    }
                }
            }
        }
        let phrases = profile
            .categories
            .iter()
            .map(|category| {
                category
                    .phrases
                    .iter()
                    .map(|phrase| Arc::from(phrase.as_str()))
                    .collect()
            })
            .collect();
        Matcher {
            by_first_word,
            patterns,
            targets,
            phrases,
        }
    }

    /// The phrase a match stands for, as the profile writes it.
    pub fn phrase(&self, found: &PhraseMatch) -> Option<&Arc<str>> {
        self.phrases.get(found.category)?.get(found.phrase)
    }

    /// Every category phrase in `text`, as whole words. Within one category a match inside
    /// a longer match, or inside one of the category's exclusions, does not count.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let folded = Folded::new(text);
        let mut found: Vec<(PhraseMatch, bool)> = Vec::new();
        let hits = words(&folded.text).flat_map(|(word_start, word)| {
            self.by_first_word
                .get(word)
                .into_iter()
                .flatten()
                .filter_map(move |candidate| {
                    Some((word_start.checked_sub(candidate.offset)?, candidate.pattern))
                })
        });
        for (hit_start, pattern) in hits {
            let Some(pattern_text) = self.patterns.get(pattern) else {
                continue;
            };
            let hit_end = hit_start + pattern_text.len();
            if folded.text.get(hit_start..hit_end) != Some(pattern_text.as_str())
                || !folded.is_whole_word(hit_start, hit_end)
            {
                continue;
            }
            let Some((start, end)) = folded.original_span(hit_start, hit_end) else {
                continue;
            };
            let original = text.get(start..end).unwrap_or_default();
            for target in self.targets.get(pattern).into_iter().flatten() {
                if target
                    .capitals
                    .iter()
                    .all(|word| original.contains(word.as_str()))
                {
                    let found_match = PhraseMatch {
                        category: target.category,
                        phrase: target.phrase,
                        start,
                        end,
                    };
                    found.push((found_match, target.excludes));
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
            let repeated = kept.iter().any(|other| {
                other.category == candidate.category
                    && (other.start, other.end) == (candidate.start, candidate.end)
            });
            if !excludes && !shadowed && !repeated {
                // Kept in order of (start, category), after equal keys: a field has few
                // matches, and a sort here would link a sort routine of its own (5 KB).
                let key = (candidate.start, candidate.category);
                let at = kept.partition_point(|other| (other.start, other.category) <= key);
                kept.insert(at, *candidate);
            }
        }
        kept
    }
}

/// The words of `text` (maximal runs of letters and digits) with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut characters = text.char_indices();
    std::iter::from_fn(move || {
        let (start, _) = characters.find(|(_, character)| character.is_alphanumeric())?;
        let end = characters
            .find(|(_, character)| !character.is_alphanumeric())
            .map_or(text.len(), |(end, _)| end);
        Some((start, text.get(start..end)?))
    })
}

/// Words of two or more capitals ("WRAP", "CTLP", "SPoC"): abbreviations, which must be
/// written in capitals so that "wrap" or "it" do not count.
fn capital_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| word.chars().filter(char::is_ascii_uppercase).count() >= 2)
        .map(str::to_owned)
        .collect()
}

/// The folded forms a phrase (or an exclusion) matches. A phrase starting with a capital is a name and matches
/// as written (an abbreviation at its end may take a plural s); otherwise its last word
/// also matches its simple plural and verb forms.
fn forms(phrase: &str) -> Vec<String> {
    let folded = fold_phrase(phrase);
    let (head, last) = match folded.rfind(' ') {
        Some(split) => folded.split_at(split + 1),
        None => ("", folded.as_str()),
    };
    let starts_with_capital = phrase
        .trim()
        .starts_with(|character: char| character.is_uppercase());
    let ends_with_abbreviation = phrase
        .split(|character: char| !character.is_alphanumeric())
        .rfind(|word| !word.is_empty())
        .is_some_and(|word| capital_words(word).len() == 1);
    let endings = if ends_with_abbreviation {
        vec![last.to_owned(), format!("{last}s")]
    } else if starts_with_capital {
        vec![last.to_owned()]
    } else {
        inflections(last)
    };
    endings
        .into_iter()
        .map(|ending| format!("{head}{ending}"))
        .collect()
}

/// "train" -> trains, trained, training, trainer(s); "policy" -> policies; "engage" ->
/// engaged, engaging; "plan" -> planned, planning. Over-generation is harmless: a form that
/// is not a word never occurs.
fn inflections(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_owned()];
    if word.len() < 3 || !word.bytes().all(|byte| byte.is_ascii_lowercase()) {
        return forms;
    }
    let suffixes: &[&str] = if let Some(stem) = word
        .strip_suffix('y')
        .filter(|stem| ends_with_consonant(stem))
    {
        forms.extend([format!("{stem}ies"), format!("{stem}ied")]);
        &["ing"]
    } else if let Some(stem) = word.strip_suffix('e') {
        forms.push(format!("{stem}ing"));
        &["s", "d", "r", "rs"]
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|ending| word.ends_with(ending))
    {
        &["es", "ed", "ing"]
    } else {
        if ends_consonant_vowel_consonant(word) {
            let last = word.get(word.len() - 1..).unwrap_or_default();
            forms.extend(
                ["ed", "ing", "er", "ers"]
                    .iter()
                    .map(|suffix| format!("{word}{last}{suffix}")),
            );
        }
        &["s", "ed", "ing", "er", "ers"]
    };
    forms.extend(suffixes.iter().map(|suffix| format!("{word}{suffix}")));
    forms
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

/// "radicalisation" also matches "radicalization", "recognise" also "recognize".
fn american_forms(form: String) -> Vec<String> {
    // Every British ending below contains "is".
    if !form.contains("is") {
        return vec![form];
    }
    let american: Vec<String> = form
        .split(' ')
        .map(|word| {
            let stem_end = [
                "isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers",
            ]
            .iter()
            .find(|suffix| word.len() > suffix.len() + 2 && word.ends_with(*suffix))
            .map(|suffix| word.len() - suffix.len());
            match stem_end.and_then(|end| word.get(..end).zip(word.get(end..))) {
                Some((stem, suffix)) => format!("{stem}{}", suffix.replacen("is", "iz", 1)),
                None => word.to_owned(),
            }
        })
        .collect();
    let american = american.join(" ");
    if american == form {
        vec![form]
    } else {
        vec![form, american]
    }
}

/// "children's homes" also matches "childrens homes".
fn apostrophe_forms(form: String) -> Vec<String> {
    if form.contains('\'') {
        let bare = form.replace('\'', "");
        vec![form, bare]
    } else {
        vec![form]
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

    fn found(matcher: &Matcher, text: &str) -> Vec<(usize, String)> {
        matcher
            .find(text)
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
    fn american_spellings() {
        assert_eq!(
            american_forms("risk of radicalisation".into()),
            ["risk of radicalisation", "risk of radicalization"]
        );
        assert_eq!(
            american_forms("recognised".into()),
            ["recognised", "recognized"]
        );
        assert_eq!(american_forms("training".into()), ["training"]);
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
        let Some(hit) = matcher.find(text).into_iter().next() else {
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
                    for found in matcher.find(&text) {
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
