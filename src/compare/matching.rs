//! Which action of one version is which action of the other.
//!
//! By id first; when ids were renumbered, by the similarity of the descriptions (the
//! Jaccard index of their word sets). An id is trusted only when the texts still look
//! alike: after an action is inserted at 1.1, "1.2" names a different action. Candidates
//! for similarity come from an inverted index of words, skipping words shared by too many
//! actions to tell them apart, so the work grows with the plans, not with their product.

use std::collections::HashMap;

use serde::Serialize;

/// How a pair of actions was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchBasis {
    /// The same id in both versions.
    Id,
    /// Different or missing ids; the descriptions are alike (see the pair's score).
    Similarity,
}

/// Two actions taken for the same one, by their positions in the versions' action lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub before: usize,
    pub after: usize,
    pub basis: MatchBasis,
    /// Similarity of the descriptions, 0 to 1.
    pub score: f64,
}

/// What matching needs of an action.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub id: Option<&'a str>,
    pub description: &'a str,
}

/// An id pair is trusted at once from this similarity; below it, text matches go first.
const ID_TRUSTED: f64 = 0.3;
/// Descriptions this alike are taken for the same action when ids do not match.
const SIMILAR: f64 = 0.5;
/// A word in more actions than this does not help find candidates (it still counts in scores).
const MAX_POSTINGS: usize = 64;
/// Words of a description looked up in the index (its first distinct ones).
const MAX_LOOKUPS: usize = 64;
/// Candidates scored per action: those sharing the most indexed words.
const MAX_CANDIDATES: usize = 8;
/// Also scored: the later actions this near the same relative position. Renumbering shifts
/// actions by a few places, and in a plan whose wording repeats every word is too common
/// for the index.
const NEIGHBOURS: usize = 8;

/// Words too common in plans to say which action is which.
const STOP_WORDS: [&str; 24] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of",
    "on", "or", "our", "the", "this", "to", "we", "will", "with",
];

/// Matches the actions of two versions; every action is in at most one pair.
pub fn match_actions(before: &[Entry<'_>], after: &[Entry<'_>]) -> Vec<Pair> {
    let mut words = Words::default();
    let before_words: Vec<Vec<u64>> = before
        .iter()
        .map(|entry| words.of(entry.description))
        .collect();
    let after_words: Vec<Vec<u64>> = after
        .iter()
        .map(|entry| words.of(entry.description))
        .collect();
    let score = |b: usize, a: usize| match (before_words.get(b), after_words.get(a)) {
        (Some(left), Some(right)) => jaccard(left, right),
        _ => 0.0,
    };

    let mut matching = Matching::new(before.len(), after.len());
    let mut doubtful = Vec::new();
    for (b, a) in id_pairs(before, after) {
        let similarity = score(b, a);
        if similarity >= ID_TRUSTED {
            matching.pair(b, a, MatchBasis::Id, similarity);
        } else {
            doubtful.push((b, a, similarity));
        }
    }

    let candidates = similar_candidates(&before_words, &after_words, words.count(), &matching);
    for (b, a, similarity) in best_first(&candidates) {
        if matching.is_free(b, a) {
            matching.pair(b, a, MatchBasis::Similarity, similarity);
        }
    }
    // Same id, texts unalike, and nothing better found: the action was re-worded.
    for (b, a, similarity) in doubtful {
        if matching.is_free(b, a) {
            matching.pair(b, a, MatchBasis::Id, similarity);
        }
    }
    matching.pairs
}

/// Candidate pairs, the most alike first, ties in plan order (so that the result does not
/// depend on the sort). Sorted as `u64` keys, the type the word sets are sorted as: each
/// sort of another type adds about 10 KB of code to the WASM module.
fn best_first(candidates: &[(usize, usize, f64)]) -> Vec<(usize, usize, f64)> {
    const POSITION_BITS: u32 = 24;
    let scale = f64::from((1u32 << (64 - 2 * POSITION_BITS)) - 1);
    let mut keys: Vec<u64> = candidates
        .iter()
        .map(|&(b, a, similarity)| {
            // Positions are below `MAX_ACTIONS` (100,000 < 2^24); `as` saturates the score.
            let unlikeness = ((1.0 - similarity) * scale) as u64;
            (unlikeness << (2 * POSITION_BITS)) | ((b as u64) << POSITION_BITS) | a as u64
        })
        .collect();
    keys.sort_unstable();
    let mask = (1u64 << POSITION_BITS) - 1;
    keys.into_iter()
        .map(|key| {
            // The score read back keeps 16 bits: far finer than the percent reported.
            let similarity = 1.0 - (key >> (2 * POSITION_BITS)) as f64 / scale;
            (
                (key >> POSITION_BITS & mask) as usize,
                (key & mask) as usize,
                similarity,
            )
        })
        .collect()
}

/// Pairs of actions with the same id, each id used once per side, in plan order.
fn id_pairs(before: &[Entry<'_>], after: &[Entry<'_>]) -> Vec<(usize, usize)> {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, entry) in after.iter().enumerate().rev() {
        if let Some(id) = entry.id.map(str::trim).filter(|id| !id.is_empty()) {
            by_id.entry(id).or_default().push(index);
        }
    }
    before
        .iter()
        .enumerate()
        .filter_map(|(b, entry)| {
            let id = entry.id.map(str::trim).filter(|id| !id.is_empty())?;
            Some((b, by_id.get_mut(id)?.pop()?))
        })
        .collect()
}

/// Pairs of actions still unmatched whose descriptions are alike, with their score.
fn similar_candidates(
    before_words: &[Vec<u64>],
    after_words: &[Vec<u64>],
    word_count: usize,
    matching: &Matching,
) -> Vec<(usize, usize, f64)> {
    // Word ids are dense: the index is a list per word of the free actions that use it.
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); word_count];
    for (a, words) in after_words.iter().enumerate() {
        if matching.after_free(a) {
            for &word in words {
                if let Some(list) = usize::try_from(word)
                    .ok()
                    .and_then(|word| postings.get_mut(word))
                {
                    list.push(a);
                }
            }
        }
    }
    let mut found = Vec::new();
    // Words shared with each later action, and which counts are set (cleared after use).
    let mut shared = vec![0usize; after_words.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (b, words) in before_words.iter().enumerate() {
        if !matching.before_free(b) {
            continue;
        }
        for word in words.iter().take(MAX_LOOKUPS) {
            let list = usize::try_from(*word)
                .ok()
                .and_then(|word| postings.get(word))
                .map_or(&[][..], Vec::as_slice);
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &a in list {
                if let Some(count) = shared.get_mut(a) {
                    if *count == 0 {
                        touched.push(a);
                    }
                    *count += 1;
                }
            }
        }
        let mut ranked = TopShared::default();
        for a in touched.drain(..) {
            ranked.offer(a, shared.get_mut(a).map_or(0, std::mem::take));
        }
        let mut scored: Vec<usize> = Vec::with_capacity(MAX_CANDIDATES + 2 * NEIGHBOURS + 1);
        for a in ranked
            .actions()
            .chain(neighbours(b, before_words.len(), after_words.len()))
        {
            if scored.contains(&a) || !matching.after_free(a) {
                continue;
            }
            scored.push(a);
            let similarity = after_words
                .get(a)
                .map_or(0.0, |right| jaccard(words, right));
            if similarity >= SIMILAR {
                found.push((b, a, similarity));
            }
        }
    }
    found
}

/// The positions of the later version within `NEIGHBOURS` of where the earlier version's
/// action `b` would fall, scaled by the versions' lengths.
fn neighbours(b: usize, before: usize, after: usize) -> std::ops::Range<usize> {
    let at = b.saturating_mul(after).checked_div(before).unwrap_or(0);
    at.saturating_sub(NEIGHBOURS)..(at + NEIGHBOURS + 1).min(after)
}

/// The `MAX_CANDIDATES` actions sharing the most words (ties: the first in plan order),
/// kept by insertion into a short list rather than by sorting every action that shares one.
#[derive(Default)]
struct TopShared {
    best: Vec<(usize, usize)>,
}

impl TopShared {
    fn offer(&mut self, action: usize, shared: usize) {
        let beats = |&(other, count): &(usize, usize)| {
            (shared, std::cmp::Reverse(action)) > (count, std::cmp::Reverse(other))
        };
        let at = self.best.iter().position(beats).unwrap_or(self.best.len());
        if at < MAX_CANDIDATES {
            self.best.insert(at, (action, shared));
            self.best.truncate(MAX_CANDIDATES);
        }
    }

    fn actions(&self) -> impl Iterator<Item = usize> + '_ {
        self.best.iter().map(|&(action, _)| action)
    }
}

/// The pairs made so far, and which actions they use.
struct Matching {
    pairs: Vec<Pair>,
    before_used: Vec<bool>,
    after_used: Vec<bool>,
}

impl Matching {
    fn new(before: usize, after: usize) -> Matching {
        Matching {
            pairs: Vec::new(),
            before_used: vec![false; before],
            after_used: vec![false; after],
        }
    }

    fn before_free(&self, b: usize) -> bool {
        self.before_used.get(b) == Some(&false)
    }

    fn after_free(&self, a: usize) -> bool {
        self.after_used.get(a) == Some(&false)
    }

    fn is_free(&self, b: usize, a: usize) -> bool {
        self.before_free(b) && self.after_free(a)
    }

    fn pair(&mut self, before: usize, after: usize, basis: MatchBasis, score: f64) {
        if let Some(used) = self.before_used.get_mut(before) {
            *used = true;
        }
        if let Some(used) = self.after_used.get_mut(after) {
            *used = true;
        }
        self.pairs.push(Pair {
            before,
            after,
            basis,
            score,
        });
    }
}

/// Words interned as numbers, so that word sets are sorted lists of small integers.
#[derive(Default)]
struct Words {
    ids: HashMap<String, u64>,
}

impl Words {
    fn count(&self) -> usize {
        self.ids.len()
    }

    /// The distinct words of a text (lower case, letters and digits, stop words left out),
    /// as sorted ids.
    fn of(&mut self, text: &str) -> Vec<u64> {
        let mut found: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .filter(|word| !STOP_WORDS.contains(&word.as_str()))
            .map(|word| {
                let next = self.ids.len() as u64;
                *self.ids.entry(word).or_insert(next)
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// |A ∩ B| / |A ∪ B| of two sorted, distinct lists; two empty texts are alike.
fn jaccard(left: &[u64], right: &[u64]) -> f64 {
    if left.is_empty() && right.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (left.get(i), right.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = left.len() + right.len() - common;
    common as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries<'a>(actions: &[(&'a str, &'a str)]) -> Vec<Entry<'a>> {
        actions
            .iter()
            .map(|&(id, description)| Entry {
                id: Some(id),
                description,
            })
            .collect()
    }

    fn pairs(before: &[(&str, &str)], after: &[(&str, &str)]) -> Vec<(usize, usize, MatchBasis)> {
        let mut found: Vec<_> = match_actions(&entries(before), &entries(after))
            .into_iter()
            .map(|pair| (pair.before, pair.after, pair.basis))
            .collect();
        found.sort_by_key(|&(b, a, _)| (b, a));
        found
    }

    #[test]
    fn matches_by_id_when_the_text_still_looks_alike() {
        let before = [
            ("1", "Refresh the Prevent partnership plan"),
            ("2", "Deliver WRAP training to frontline staff"),
        ];
        let after = [
            ("2", "Deliver WRAP training to all frontline staff"),
            ("1", "Refresh the Prevent partnership plan annually"),
        ];
        assert_eq!(
            pairs(&before, &after),
            [(0, 1, MatchBasis::Id), (1, 0, MatchBasis::Id)]
        );
    }

    #[test]
    fn follows_renumbered_actions_by_their_text() {
        let before = [
            ("1.1", "Refresh the Prevent partnership plan"),
            ("1.2", "Deliver WRAP training to frontline staff"),
        ];
        let after = [
            ("1.1", "Set up a Channel panel chaired by the council"),
            ("1.2", "Refresh the Prevent partnership plan"),
            ("1.3", "Deliver WRAP training to frontline staff"),
        ];
        assert_eq!(
            pairs(&before, &after),
            [
                (0, 1, MatchBasis::Similarity),
                (1, 2, MatchBasis::Similarity)
            ]
        );
    }

    #[test]
    fn keeps_an_id_pair_for_a_rewording_nothing_else_explains() {
        let before = [("3", "Review venue hire agreements")];
        let after = [(
            "3",
            "Make sure lettings contracts exclude extremist speakers",
        )];
        assert_eq!(pairs(&before, &after), [(0, 0, MatchBasis::Id)]);
    }

    #[test]
    fn unalike_actions_without_an_id_stay_apart() {
        let before = [("", "Review venue hire agreements")];
        let after = [("", "Publish a web page on reporting concerns")];
        assert!(pairs(&before, &after).is_empty());
    }

    #[test]
    fn renumbered_actions_of_repetitive_wording_are_found_near_their_place() {
        // Every word is in more actions than the index looks at: the neighbours find them.
        let texts: Vec<String> = (0..300)
            .map(|n| format!("Deliver WRAP training to frontline staff, round {}", n % 2))
            .collect();
        let before: Vec<Entry<'_>> = texts
            .iter()
            .map(|text| Entry {
                id: None,
                description: text,
            })
            .collect();
        let inserted = Entry {
            id: None,
            description: "Publish the referral pathway",
        };
        let after: Vec<Entry<'_>> = std::iter::once(inserted)
            .chain(before.iter().copied())
            .collect();
        let found = match_actions(&before, &after);
        assert_eq!(found.len(), 300);
        assert!(found.iter().all(|pair| pair.after > 0 && pair.score == 1.0));
    }

    #[test]
    fn scores_are_the_jaccard_index_of_the_word_sets() {
        let mut words = Words::default();
        let left = words.of("Deliver WRAP training");
        let right = words.of("deliver wrap sessions");
        assert!((jaccard(&left, &right) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn common_words_do_not_make_the_work_quadratic() {
        // Every description shares "prevent"; each is otherwise unique. Matching 20,000
        // renumbered actions must stay well under a second natively.
        let texts: Vec<String> = (0..20_000)
            .map(|n| format!("Prevent action number{n} item{n}"))
            .collect();
        let entries: Vec<Entry<'_>> = texts
            .iter()
            .map(|text| Entry {
                id: None,
                description: text,
            })
            .collect();
        let started = std::time::Instant::now();
        let found = match_actions(&entries, &entries);
        assert_eq!(found.len(), texts.len());
        assert!(found.iter().all(|pair| pair.before == pair.after));
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
