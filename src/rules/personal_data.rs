//! Personal data in a plan that is going to be published.

use crate::messages::Message;
use crate::milestone::{Span, MONTH_NAMES};
use crate::model::Plan;
use crate::report::Issue;
use crate::rules::{declare_rule, Check, Context, RuleMeta};
use crate::text::{self, PlanText, Token};

pub(super) static CHECKS: &[&dyn Check] = &[&PersonalData];

declare_rule! {
    /// ## What it checks
    /// Every text of the plan for personal data: e-mail addresses, UK phone numbers, National
    /// Insurance numbers, full postcodes, and people named with a title ("Mr Smith", "Cllr
    /// Jones") or next to Channel or referral wording ("Ahmed Khan was referred to Channel").
    ///
    /// ## Why
    /// Prevent plans are published in committee papers, and Channel is confidential: a plan
    /// must never identify a person referred or supported. Contact details of officers belong
    /// in an internal directory, not in a published plan; leads are named by role.
    ///
    /// ## Example
    /// Each match is reported with its span in the text.
    /// ```json fails
    /// {"sections": [{"title": "Channel", "actions": [{"id": "1", "description": "Case of Mr A. Khan discussed at Channel panel; contact john.smith@example.gov.uk", "leads": ["Prevent Lead"]}]}]}
    /// ```
    /// Roles, and a postcode district such as "N17" (not a full postcode), are not.
    /// ```json passes
    /// {"sections": [{"title": "Channel", "actions": [{"id": "1", "description": "Chair of Channel Panel to review referrals from N17 schools", "leads": ["Prevent Lead"]}]}]}
    /// ```
    ///
    /// ## How to fix
    /// Name people by role, keep contact details in an internal directory, and never name
    /// anyone referred to or supported by Channel. If the plan has been published, withdraw
    /// that copy too.
    pub struct PersonalData { id: "personal-data", severity: Warning, summary: "The plan contains personal data" }
}

impl Check for PersonalData {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, issues: &mut Vec<Issue>) {
        // One word list and one list of findings for the whole plan, not two per text.
        let mut words = Vec::new();
        let mut findings = Vec::new();
        for_each_text(
            context.plan,
            context.text,
            |pointer, action, text, tokens| {
                find_in_text(text, tokens, &mut words, &mut findings);
                for &(kind, span) in &findings {
                    let found = text.get(span.start..span.end).unwrap_or_default();
                    issues.push(
                        Self::META
                            .issue(
                                pointer(),
                                Message::PersonalData {
                                    kind,
                                    found: found.to_owned(),
                                },
                            )
                            .with_action(action)
                            .with_span(span)
                            .with_hint(Message::PersonalDataHint),
                    );
                }
            },
        );
    }
}

/// Calls `visit` with the JSON Pointer (built only when asked: almost every text is
/// clean, and formatting a pointer per field was a fifth of this rule's time), action id,
/// text and tokens of every free-text field.
fn for_each_text<'p>(
    plan: &'p Plan,
    words: &'p PlanText,
    mut visit: impl FnMut(&dyn Fn() -> String, Option<&'p str>, &'p str, &'p [Token]),
) {
    for (field, text, tokens) in [
        ("title", &plan.title, words.title),
        ("authority", &plan.authority, words.authority),
    ] {
        if let Some(text) = text {
            visit(&|| format!("/{field}"), None, text, words.tokens(tokens));
        }
    }
    for (index, (section, section_words)) in plan.sections.iter().zip(&words.sections).enumerate() {
        visit(
            &|| format!("/sections/{index}/title"),
            None,
            &section.title,
            words.tokens(section_words.title),
        );
        if let Some(description) = &section.description {
            visit(
                &|| format!("/sections/{index}/description"),
                None,
                description,
                words.tokens(section_words.description),
            );
        }
    }
    let action_words = words.sections.iter().flat_map(|section| &section.actions);
    for (action, action_words) in plan.actions().zip(action_words) {
        let id = action.action.id.as_deref();
        let item = action.action;
        visit(
            &|| action.field_pointer("description"),
            id,
            &item.description,
            words.tokens(action_words.description),
        );
        if let Some(objective) = &item.objective {
            visit(
                &|| action.field_pointer("objective"),
                id,
                objective,
                words.tokens(action_words.objective),
            );
        }
        for (field, list, fields) in [
            ("outputs", &item.outputs, action_words.outputs),
            ("leads", &item.leads, action_words.leads),
            ("partners", &item.partners, action_words.partners),
        ] {
            for (index, (text, field_words)) in list.iter().zip(words.list(fields)).enumerate() {
                visit(
                    &|| action.field_pointer(&format!("{field}/{index}")),
                    id,
                    text,
                    words.tokens(*field_words),
                );
            }
        }
        let milestone_words = words.list(action_words.milestones);
        for (index, (milestone, field_words)) in
            item.milestones.iter().zip(milestone_words).enumerate()
        {
            visit(
                &|| action.field_pointer(&format!("milestones/{index}/text")),
                id,
                &milestone.text,
                words.tokens(*field_words),
            );
        }
        if let Some(status) = &item.status {
            visit(
                &|| action.field_pointer("status/text"),
                id,
                &status.text,
                words.tokens(action_words.status),
            );
        }
    }
}

/// Every piece of personal data in a text: what it is, and where.
pub fn find_personal_data(text: &str) -> Vec<(&'static str, Span)> {
    let mut found = Vec::new();
    find_in_text(text, &text::tokens(text), &mut Vec::new(), &mut found);
    found
}

/// [`find_personal_data`] into `found`, from the tokens of `text`, with `words` as scratch
/// space.
fn find_in_text(
    text: &str,
    tokens: &[Token],
    words: &mut Vec<Word>,
    found: &mut Vec<(&'static str, Span)>,
) {
    found.clear();
    let marks = join_words(text, tokens, words);
    if marks.at_sign {
        find_emails(text, found);
    }
    if marks.may_hold_phone_number {
        find_phone_numbers(text, found);
    }
    find_in_words(text, marks.ascii, words, found);
    found.sort_by_key(|(_, span)| span.start);
}

/// A maximal run of letters, digits and apostrophes (`'`, `’` and `ʼ`: "O'Neill" is one
/// word), by its byte span. Words are joined from the plan's tokens, which stop at
/// apostrophes.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

impl Word {
    fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or_default()
    }

    fn bytes(self, text: &str) -> &[u8] {
        text.as_bytes()
            .get(self.start..self.end)
            .unwrap_or_default()
    }
}

/// What the pass over the words saw of the rest of a text: most texts cannot hold an e-mail
/// address or a phone number, and are not scanned for them.
struct Marks {
    at_sign: bool,
    /// A phone number starts with `+`, or with a `0` after no ASCII letter or digit: at a
    /// token, unless a token holds other letters (then any text may).
    may_hold_phone_number: bool,
    /// The whole text is ASCII: its words need no test of their own.
    ascii: bool,
}

/// The words of `text` into `words`: its tokens, joined across apostrophes and widened over
/// apostrophes at their ends. Only the gaps between tokens are read, mostly a single space.
fn join_words(text: &str, tokens: &[Token], words: &mut Vec<Word>) -> Marks {
    words.clear();
    let bytes = text.as_bytes();
    let ascii = text.is_ascii();
    let mut marks = Marks {
        at_sign: false,
        may_hold_phone_number: !ascii,
        ascii,
    };
    let mut word: Option<Word> = None;
    let mut cursor = 0;
    let ends = tokens
        .iter()
        .map(|token| token.span())
        .chain([(bytes.len(), bytes.len())]);
    for (start, end) in ends {
        if start == cursor + 1 && bytes.get(cursor) == Some(&b' ') {
            if let Some(done) = word.take() {
                words.push(done);
            }
        } else if start > cursor {
            read_gap(text, cursor, start, &mut word, words, &mut marks);
        }
        if start == end {
            break;
        }
        marks.may_hold_phone_number |= bytes.get(start) == Some(&b'0');
        extend_word(&mut word, start, end, words);
        cursor = end;
    }
    if let Some(done) = word {
        words.push(done);
    }
    marks
}

/// Adds `start..end` to the word being read if it touches it, else starts a word there.
fn extend_word(word: &mut Option<Word>, start: usize, end: usize, words: &mut Vec<Word>) {
    match word {
        Some(open) if open.end == start => open.end = end,
        _ => {
            if let Some(done) = word.replace(Word { start, end }) {
                words.push(done);
            }
        }
    }
}

/// The gap `from..to` between tokens: its apostrophes belong to words, any other character
/// ends the word being read.
fn read_gap(
    text: &str,
    from: usize,
    to: usize,
    word: &mut Option<Word>,
    words: &mut Vec<Word>,
    marks: &mut Marks,
) {
    for (offset, character) in text.get(from..to).unwrap_or_default().char_indices() {
        let start = from + offset;
        let end = start + character.len_utf8();
        marks.at_sign |= character == '@';
        marks.may_hold_phone_number |= character == '+';
        if matches!(character, '\'' | '’' | 'ʼ') {
            extend_word(word, start, end, words);
        } else if let Some(done) = word.take() {
            words.push(done);
        }
    }
}

fn find_emails(text: &str, found: &mut Vec<(&'static str, Span)>) {
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-'".contains(&b);
    let domain = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    for (at, _) in text.match_indices('@') {
        let start = at
            - bytes.get(..at).map_or(0, |before| {
                before.iter().rev().take_while(|b| local(**b)).count()
            });
        let mut end = at
            + 1
            + bytes
                .get(at + 1..)
                .map_or(0, |after| after.iter().take_while(|b| domain(**b)).count());
        while end > at + 1 && bytes.get(end - 1) == Some(&b'.') {
            end -= 1;
        }
        let host = text.get(at + 1..end).unwrap_or_default();
        let has_tld = host.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        });
        if start < at && has_tld {
            found.push(("an e-mail address", Span { start, end }));
        }
    }
}

/// UK numbers: 0 then 9-10 more digits, or +44 then 9-10 digits, with spaces, hyphens or
/// brackets between groups. Dates and year ranges use other separators or too few digits.
fn find_phone_numbers(text: &str, found: &mut Vec<(&'static str, Span)>) {
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let starts = match bytes.get(index) {
            Some(b'0') => true,
            Some(b'+') => text
                .get(index..)
                .is_some_and(|rest| rest.starts_with("+44")),
            Some(b'(') => bytes.get(index + 1) == Some(&b'0'),
            _ => false,
        };
        let at_boundary =
            || index == 0 || !bytes.get(index - 1).is_some_and(u8::is_ascii_alphanumeric);
        if !(starts && at_boundary()) {
            index += 1;
            continue;
        }
        let (mut digits, mut end, mut cursor) = (0, index, index);
        while let Some(&byte) = bytes.get(cursor) {
            if byte.is_ascii_digit() {
                digits += 1;
                end = cursor + 1;
            } else if !matches!(byte, b' ' | b'-' | b'(' | b')' | b'+') || digits > 13 {
                break;
            }
            cursor += 1;
        }
        let followed_by_word = bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
        let international = bytes.get(index) == Some(&b'+');
        // "+44 (0)20 ..." keeps the trunk zero: one digit more.
        let valid = if international {
            (11..=13).contains(&digits)
        } else {
            (10..=11).contains(&digits)
        };
        if valid && !followed_by_word {
            found.push(("a phone number", Span { start: index, end }));
            index = end;
        } else {
            index += 1;
        }
    }
}

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "cllr",
    "councillor",
    "sir",
    "dame",
    "rev",
    "revd",
    "reverend",
    "prof",
    "professor",
    "imam",
    "sheikh",
    "rabbi",
    "father",
];

const REFERRAL_WORDS: &[&str] = &[
    "referred",
    "referral",
    "channel",
    "case",
    "subject",
    "individual",
    "pmap",
    "dovetail",
];

/// Capitalised words that are roles, bodies or places rather than names (months too: see
/// [`MONTH_NAMES`]).
const NOT_NAMES: &[&str] = &[
    "prevent",
    "channel",
    "panel",
    "lead",
    "leads",
    "officer",
    "officers",
    "coordinator",
    "co",
    "ordinator",
    "manager",
    "head",
    "chair",
    "team",
    "council",
    "borough",
    "county",
    "police",
    "board",
    "group",
    "partnership",
    "safety",
    "community",
    "communities",
    "safeguarding",
    "service",
    "services",
    "school",
    "schools",
    "college",
    "university",
    "health",
    "nhs",
    "trust",
    "home",
    "office",
    "the",
    "a",
    "an",
    "of",
    "and",
    "for",
    "to",
    "in",
    "on",
    "at",
    "with",
    "by",
    "from",
    "all",
    "this",
    "that",
    "delivery",
    "steering",
    "director",
    "assistant",
    "policy",
    "strategy",
    "programme",
    "project",
    "unit",
    "department",
    "local",
    "authority",
    "government",
    "children",
    "adults",
    "young",
    "people",
    "faith",
    "forum",
    "network",
    "members",
    "member",
    "elected",
    "cabinet",
    "scrutiny",
    "action",
    "plan",
    "review",
    "training",
    "mosque",
    "church",
    "centre",
    "street",
    "road",
    // After a title word that is also an ordinary word: "Don't Miss Out", "Father Christmas".
    "out",
    "christmas",
];

/// Common given names in England and Wales: a capitalised pair in referral wording is only
/// taken for a person when it starts with one of these ("Dovetail Pilot" is not a person).
const GIVEN_NAMES: &[&str] = &[
    "aaron",
    "abdi",
    "abdul",
    "abdullah",
    "abdullahi",
    "abu",
    "adam",
    "adil",
    "ahmad",
    "ahmed",
    "aidan",
    "aisha",
    "akbar",
    "alan",
    "albert",
    "alex",
    "alexander",
    "alfie",
    "ali",
    "alice",
    "alicia",
    "alison",
    "amanda",
    "amar",
    "amber",
    "amelia",
    "amina",
    "amir",
    "amy",
    "ana",
    "andrea",
    "andrew",
    "angela",
    "ann",
    "anna",
    "anne",
    "anthony",
    "anwar",
    "arjun",
    "arthur",
    "asad",
    "ashley",
    "asif",
    "asma",
    "ayesha",
    "aylin",
    "aziz",
    "barbara",
    "barry",
    "ben",
    "benjamin",
    "beth",
    "bethany",
    "bilal",
    "brian",
    "callum",
    "cameron",
    "carl",
    "carol",
    "caroline",
    "catherine",
    "charles",
    "charlie",
    "charlotte",
    "chloe",
    "chris",
    "christine",
    "christopher",
    "claire",
    "colin",
    "connor",
    "craig",
    "daniel",
    "danielle",
    "darren",
    "david",
    "dean",
    "deborah",
    "declan",
    "denise",
    "dylan",
    "edward",
    "eleanor",
    "elif",
    "elizabeth",
    "ellie",
    "emily",
    "emma",
    "emre",
    "eric",
    "ethan",
    "fahad",
    "faisal",
    "farah",
    "fatima",
    "fatma",
    "finley",
    "frank",
    "freddie",
    "gary",
    "gemma",
    "george",
    "georgia",
    "grace",
    "graham",
    "hamza",
    "hana",
    "hannah",
    "harry",
    "hassan",
    "hayley",
    "heather",
    "helen",
    "henry",
    "hussain",
    "ian",
    "ibrahim",
    "imran",
    "isaac",
    "isabella",
    "isla",
    "ismail",
    "jack",
    "jacob",
    "jade",
    "jake",
    "james",
    "jamie",
    "jane",
    "janet",
    "jason",
    "jayden",
    "jennifer",
    "jessica",
    "joan",
    "joanne",
    "joe",
    "john",
    "jonathan",
    "jordan",
    "joseph",
    "joshua",
    "julie",
    "karen",
    "kate",
    "katie",
    "kayleigh",
    "keith",
    "kelly",
    "kevin",
    "khadija",
    "kieran",
    "kyle",
    "laura",
    "lauren",
    "layla",
    "leah",
    "lee",
    "leo",
    "lewis",
    "liam",
    "lily",
    "lisa",
    "logan",
    "louise",
    "lucy",
    "luke",
    "mahmoud",
    "maisie",
    "malik",
    "margaret",
    "maria",
    "mark",
    "martin",
    "mary",
    "maryam",
    "mason",
    "matthew",
    "megan",
    "melissa",
    "michael",
    "michelle",
    "mohamed",
    "mohammad",
    "mohammed",
    "molly",
    "muhammad",
    "mustafa",
    "nadia",
    "naomi",
    "natalie",
    "nathan",
    "neil",
    "nicholas",
    "nicola",
    "noah",
    "nomvula",
    "oliver",
    "olivia",
    "omar",
    "oscar",
    "owen",
    "patricia",
    "patrick",
    "paul",
    "peter",
    "philip",
    "rachel",
    "rahul",
    "raj",
    "rebecca",
    "reece",
    "rhys",
    "richard",
    "riley",
    "robert",
    "ryan",
    "saad",
    "sadia",
    "safiya",
    "sajid",
    "salma",
    "sam",
    "samantha",
    "samir",
    "samuel",
    "sara",
    "sarah",
    "scott",
    "sean",
    "shabana",
    "shahid",
    "shane",
    "sharon",
    "shaun",
    "sophie",
    "stacey",
    "stephen",
    "steven",
    "stuart",
    "susan",
    "tariq",
    "thomas",
    "tom",
    "tony",
    "tracy",
    "tyler",
    "usman",
    "victoria",
    "william",
    "yasmin",
    "yusuf",
    "zahra",
    "zain",
    "zainab",
    "zak",
    "zara",
    "zoe",
];

/// A word of at most 16 bytes in ASCII lower case, packed big-endian and zero-padded into an
/// integer: a word is folded once and looked up by integer comparisons (a lower-cased copy
/// per capitalised word was most of this rule's time), and sorted lists stay sorted. `None`
/// for longer words and words with a NUL byte, which no list holds.
fn folded(word: &str) -> Option<u128> {
    if word.is_ascii() {
        fold(word.as_bytes())
    } else {
        fold(crate::case::lowercase(word).as_bytes())
    }
}

const fn fold(mut bytes: &[u8]) -> Option<u128> {
    if bytes.len() > 16 {
        return None;
    }
    let mut key = 0;
    let mut shift = 128;
    while let [byte, rest @ ..] = bytes {
        if *byte == 0 {
            return None;
        }
        shift -= 8;
        key |= (byte.to_ascii_lowercase() as u128) << shift;
        bytes = rest;
    }
    Some(key)
}

/// The folded words of a list, computed at build time.
// Only ever evaluated in constants: an index out of range or a word that cannot be folded
// fails the build, never a check.
#[allow(clippy::indexing_slicing, clippy::panic)]
const fn fold_all<const N: usize>(words: &[&str]) -> [u128; N] {
    let mut keys = [0; N];
    let mut at = 0;
    while at < N {
        keys[at] = match fold(words[at].as_bytes()) {
            Some(key) => key,
            None => panic!("a list word is longer than 16 bytes"),
        };
        at += 1;
    }
    keys
}

const TITLE_KEYS: [u128; TITLES.len()] = fold_all(TITLES);
const REFERRAL_KEYS: [u128; REFERRAL_WORDS.len()] = fold_all(REFERRAL_WORDS);
const NOT_NAME_KEYS: [u128; NOT_NAMES.len()] = fold_all(NOT_NAMES);
const MONTH_KEYS: [u128; MONTH_NAMES.len()] = fold_all(&MONTH_NAMES);
const GIVEN_NAME_KEYS: [u128; GIVEN_NAMES.len()] = fold_all(GIVEN_NAMES);

/// For each pair of first two letters, the lengths (bit `n` for `n` bytes) of the titles and
/// given names that start with it: almost every capitalised word ("Prevent", "Officer") is
/// ruled out by one lookup, without folding it and searching both lists.
const NAME_LENGTHS: [u32; 26 * 26] = {
    let mut lengths = [0; 26 * 26];
    add_name_lengths(&mut lengths, TITLES);
    add_name_lengths(&mut lengths, GIVEN_NAMES);
    lengths
};

// Only ever evaluated in a constant: a list word of other than 2-16 lower-case ASCII letters
// fails the build, never a check.
#[allow(clippy::indexing_slicing, clippy::panic)]
const fn add_name_lengths(lengths: &mut [u32; 26 * 26], words: &[&str]) {
    let mut at = 0;
    while at < words.len() {
        let word = words[at].as_bytes();
        let mut letter = 0;
        while letter < word.len() {
            if !word[letter].is_ascii_lowercase() {
                panic!("a list word is not in lower-case ASCII letters");
            }
            letter += 1;
        }
        if word.len() < 2 || word.len() > 16 {
            panic!("a list word is not 2-16 letters long");
        }
        lengths[letter_pair(word[0], word[1])] |= 1 << word.len();
        at += 1;
    }
}

/// The index of two ASCII letters, in either case, among the 26 * 26 pairs.
const fn letter_pair(first: u8, second: u8) -> usize {
    let first = (first.to_ascii_lowercase() - b'a') as usize;
    let second = (second.to_ascii_lowercase() - b'a') as usize;
    first * 26 + second
}

/// Whether a word may be a title or a given name: every list word is 2-16 ASCII letters.
/// Words with other characters are folded first, like every listed word.
fn may_be_title_or_given_name(word: Word, text: &str, ascii_text: bool) -> bool {
    let bytes = word.bytes(text);
    if !ascii_text && !bytes.is_ascii() {
        return true;
    }
    match *bytes {
        [first, second, ..] if first.is_ascii_alphabetic() && second.is_ascii_alphabetic() => {
            let length = word.end - word.start;
            length <= 16
                && NAME_LENGTHS
                    .get(letter_pair(first, second))
                    .is_some_and(|lengths| lengths & (1 << length) != 0)
        }
        _ => false,
    }
}

fn is_capitalised_name(word: &str) -> bool {
    let mut characters = word.chars();
    // "Khan", and "O'Neill" with its apostrophe.
    let capitalised = characters.next().is_some_and(char::is_uppercase)
        && match characters.next() {
            Some('\'' | '’') => characters.next().is_some_and(char::is_uppercase),
            second => second.is_some_and(char::is_lowercase),
        };
    capitalised
        && folded(word)
            .is_none_or(|key| !NOT_NAME_KEYS.contains(&key) && !MONTH_KEYS.contains(&key))
}

fn is_initial(word: &str) -> bool {
    word.chars().count() == 1 && word.chars().all(char::is_uppercase)
}

fn find_in_words(
    text: &str,
    ascii_text: bool,
    words: &[Word],
    found: &mut Vec<(&'static str, Span)>,
) {
    // Words are folded only where a name could start: almost all text is clean, and
    // lower-casing every word up front was most of this rule's time.
    let mut mentions_referral = None;
    let mut mentions_referral = || {
        *mentions_referral.get_or_insert_with(|| {
            words
                .iter()
                .any(|word| folded(word.text(text)).is_some_and(|key| REFERRAL_KEYS.contains(&key)))
        })
    };
    let mut index = 0;
    while let Some(&word) = words.get(index) {
        // Everything below starts at a capital letter; most words start lower case.
        let first = text.as_bytes().get(word.start).copied().unwrap_or_default();
        if first.is_ascii() && !first.is_ascii_uppercase() {
            index += 1;
            continue;
        }
        if let Some(span) = national_insurance_number(text, words, index) {
            found.push(("a National Insurance number", span));
            index += 1;
            continue;
        }
        if let Some(span) = postcode(text, words, index) {
            found.push(("a full postcode", span));
            index += 2;
            continue;
        }
        let word_text = word.text(text);
        let capital = first.is_ascii() || word_text.chars().next().is_some_and(char::is_uppercase);
        let key = if capital && may_be_title_or_given_name(word, text, ascii_text) {
            folded(word_text)
        } else {
            None
        };
        let titled = key.is_some_and(|key| TITLE_KEYS.contains(&key));
        if titled {
            let name_words = words
                .get(index + 1..)
                .unwrap_or_default()
                .iter()
                .take(3)
                .take_while(|next| {
                    let next = next.text(text);
                    is_capitalised_name(next) || is_initial(next)
                })
                .count();
            if name_words > 0 {
                let end = words
                    .get(index + name_words)
                    .map_or(word.end, |last| last.end);
                found.push((
                    "a named person",
                    Span {
                        start: word.start,
                        end,
                    },
                ));
                index += name_words + 1;
                continue;
            }
        }
        // Rarest cheap test first: few words are given names, and both the referral test
        // (every word of the text) and `is_capitalised_name` (a long list) cost more.
        if key.is_some_and(|key| GIVEN_NAME_KEYS.binary_search(&key).is_ok())
            && mentions_referral()
            && is_capitalised_name(word_text)
        {
            let next = words.get(index + 1);
            // Two name-like words in a row, not at the start of a sentence, in a text about
            // a referral: most likely a person's name.
            let sentence_start = text
                .get(..word.start)
                .is_some_and(|before| before.trim_end().ends_with(['.', ':', '\n']));
            if let Some(next) = next
                .filter(|next| is_capitalised_name(next.text(text)) && next.start == word.end + 1)
            {
                if !sentence_start {
                    found.push((
                        "a named person",
                        Span {
                            start: word.start,
                            end: next.end,
                        },
                    ));
                    index += 2;
                    continue;
                }
            }
        }
        index += 1;
    }
}

/// "QQ 12 34 56 C" or "QQ123456C": prefix letters, six digits, suffix A-D.
fn national_insurance_number(text: &str, words: &[Word], index: usize) -> Option<Span> {
    let first = words.get(index)?;
    // Most words cannot start a number: reject them before building the joined text. The
    // joined text starts with the whole first word, so each of its bytes must already fit;
    // most capitalised words fail at their second letter, tested first.
    let head = first.bytes(text);
    if head
        .get(1)
        .is_some_and(|second| !second.is_ascii_uppercase())
    {
        return None;
    }
    let fits = head.len() <= 9
        && head.iter().enumerate().all(|(at, &byte)| match at {
            0 => byte.is_ascii_uppercase() && !b"DFIQUV".contains(&byte),
            1 => byte.is_ascii_uppercase(),
            2..=7 => byte.is_ascii_digit(),
            _ => b"ABCD".contains(&byte),
        });
    if !fits {
        return None;
    }
    // Join up to five following words ("QQ 12 34 56 C") with their separators removed.
    let mut compact = String::new();
    let mut end = first.end;
    for (offset, word) in words.get(index..)?.iter().take(5).enumerate() {
        if offset > 0 && text.get(end..word.start)? != " " {
            break;
        }
        compact.push_str(word.text(text));
        end = word.end;
        if compact.len() >= 9 {
            break;
        }
    }
    let bytes = compact.as_bytes();
    let valid_prefix = |first: u8, second: u8| {
        first.is_ascii_uppercase()
            && second.is_ascii_uppercase()
            && !b"DFIQUV".contains(&first)
            && !b"DFIOQUV".contains(&second)
            && ![b"BG", b"GB", b"NK", b"KN", b"TN", b"NT", b"ZZ"].contains(&&[first, second])
    };
    let matches = bytes.len() == 9
        && valid_prefix(*bytes.first()?, *bytes.get(1)?)
        && bytes.get(2..8)?.iter().all(u8::is_ascii_digit)
        && b"ABCD".contains(bytes.get(8)?);
    matches.then_some(Span {
        start: first.start,
        end,
    })
}

/// "N17 9LN", "SW1A 1AA": an outward code followed by an inward code (digit, two letters).
fn postcode(text: &str, words: &[Word], index: usize) -> Option<Span> {
    let outward = words.get(index)?;
    let inward = words.get(index + 1)?;
    if inward.start != outward.end + 1 {
        return None;
    }
    let out = outward.bytes(text);
    let valid_outward = (2..=4).contains(&out.len())
        && out.first()?.is_ascii_uppercase()
        && out
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && out.iter().any(u8::is_ascii_digit)
        && (out.get(1)?.is_ascii_digit() || out.get(2).is_some_and(u8::is_ascii_digit));
    let inn = inward.bytes(text);
    let valid_inward = inn.len() == 3
        && inn.first()?.is_ascii_digit()
        && inn
            .get(1..)?
            .iter()
            .all(|b| b.is_ascii_uppercase() && !b"CIKMOV".contains(b));
    (valid_outward && valid_inward).then_some(Span {
        start: outward.start,
        end: inward.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&'static str, &str)> {
        find_personal_data(text)
            .into_iter()
            .map(|(kind, span)| (kind, &text[span.start..span.end]))
            .collect()
    }

    #[test]
    fn finds_contact_details() {
        assert_eq!(
            kinds("Contact john.smith@haringey.gov.uk or 020 8489 1000."),
            [
                ("an e-mail address", "john.smith@haringey.gov.uk"),
                ("a phone number", "020 8489 1000")
            ]
        );
        assert_eq!(
            kinds("Call +44 (0)20 7946 0958"),
            [("a phone number", "+44 (0)20 7946 0958")]
        );
        assert_eq!(
            kinds("Mobile 07700-900123"),
            [("a phone number", "07700-900123")]
        );
    }

    #[test]
    fn finds_identifiers_and_postcodes() {
        assert_eq!(
            kinds("NI number AB 12 34 56 C"),
            [("a National Insurance number", "AB 12 34 56 C")]
        );
        assert_eq!(
            kinds("NINO AB123456D held"),
            [("a National Insurance number", "AB123456D")]
        );
        assert_eq!(
            kinds("lives at 12 High Road, N17 9LN"),
            [("a full postcode", "N17 9LN")]
        );
        assert_eq!(
            kinds("Westminster SW1A 1AA"),
            [("a full postcode", "SW1A 1AA")]
        );
    }

    #[test]
    fn finds_named_people() {
        assert_eq!(
            kinds("Meeting with Mr Ahmed Khan"),
            [("a named person", "Mr Ahmed Khan")]
        );
        assert_eq!(
            kinds("Cllr Jones to attend"),
            [("a named person", "Cllr Jones")]
        );
        assert_eq!(
            kinds("Case of Dr A. Patel"),
            [("a named person", "Dr A. Patel")]
        );
        assert_eq!(
            kinds("Young person Jamie Wilson was referred to Channel in May"),
            [("a named person", "Jamie Wilson")]
        );
    }

    #[test]
    fn leaves_roles_dates_and_districts_alone() {
        for text in [
            "Prevent Lead",
            "Chair of Channel Panel",
            "Head of Community Safety or Deputy will chair future Channel Panel meetings",
            "Prevent Coordinator & Chair of HPDG",
            "Referral pathways reviewed with Camden Channel Panel",
            "N17 area; SW1A district",
            "31/03/2017, 2013-2014, 01/2017, Q3 2016-17",
            "Reference 0123 and 2,000 staff trained",
            "email addresses circulated @ meeting",
            "Mrs",
            "Commencement of the Dovetail Pilot; Intervention Providers to attend Channel",
            "Secondary Heads to be briefed on referral pathways",
            "QQ 12 34 56 C (Q is never a first NI letter)",
            "Sept 2013 - March 2014",
            "WRAP delivered to 1200 staff between 2015 and 2016",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }

    #[test]
    fn finds_realistic_personal_data() {
        for (text, expected) in [
            (
                "Mrs. Patel to chair the next meeting",
                ("a named person", "Mrs. Patel"),
            ),
            (
                "Referral of Mohammed Ali to Channel discussed",
                ("a named person", "Mohammed Ali"),
            ),
            (
                "Cllr. Ali Hassan (portfolio holder) to sign off",
                ("a named person", "Cllr. Ali Hassan"),
            ),
            (
                "Queries to Sarah on 07700 900123",
                ("a phone number", "07700 900123"),
            ),
            (
                "Text +447700900123 out of hours",
                ("a phone number", "+447700900123"),
            ),
            (
                "Switchboard (020) 8489 1000",
                ("a phone number", "(020) 8489 1000"),
            ),
            (
                "Returns to prevent.team@camden.gov.uk by Friday",
                ("an e-mail address", "prevent.team@camden.gov.uk"),
            ),
            (
                "o'brien.k@nhs.net",
                ("an e-mail address", "o'brien.k@nhs.net"),
            ),
            (
                "NINO: AB123456C",
                ("a National Insurance number", "AB123456C"),
            ),
            (
                "Family moved to M1 1AE in March",
                ("a full postcode", "M1 1AE"),
            ),
            ("Venue: EC1A 1BB", ("a full postcode", "EC1A 1BB")),
            (
                "Case study: young person Aisha Begum supported by Channel",
                ("a named person", "Aisha Begum"),
            ),
            ("Mr O'Neill to attend", ("a named person", "Mr O'Neill")),
            (
                "Dr Ahmed Rahman-Khan",
                ("a named person", "Dr Ahmed Rahman-Khan"),
            ),
            ("Ms Smith-Jones", ("a named person", "Ms Smith-Jones")),
            // Apostrophes belong to words, at their ends too.
            ("Cllr Jones' report", ("a named person", "Cllr Jones'")),
            ("Mr O’Neill to attend", ("a named person", "Mr O’Neill")),
        ] {
            assert_eq!(kinds(text), [expected], "{text}");
        }
    }

    #[test]
    fn leaves_realistic_role_and_plan_wording_alone() {
        for text in [
            "Designated Safeguarding Lead in every school",
            "Prevent Lead and Channel Panel Chair to review referrals",
            "Rabbi and Imam forum meets termly",
            "Imam Training delivered with the Faith Forum",
            "Referrals from the Police Prevent Team to the Channel Panel",
            "01/04/2017 - 31/03/2018",
            "Sessions 0800 to 1000 hours, 01 04 2017 to 31 03 2018",
            "Budget 0 - 10,000; 2017 - 2018 and 0-19 year olds",
            "Follow @PreventLeads for updates",
            "Case of the Month: Channel referral pathway explained",
            "Head of Children's Services (Chair)",
            "Year 10 pupils, KS4 in 2017",
            "Table 12 34 56 C of the appendix",
            "Father's Day event with the mosque",
            "Individual referred to Channel; Case Officer to follow up",
            "Don't Miss Out campaign launched",
            "Father Christmas visit at the community centre",
            "O'Neill",
            "Mr ' Smith",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }

    #[test]
    fn given_names_are_sorted_for_binary_search() {
        assert!(GIVEN_NAMES.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(GIVEN_NAME_KEYS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "@",
            "a@",
            "@b.c",
            "0",
            "+44",
            "(0",
            "Mr",
            "QQ",
            "é@é.éé",
            "Dr É",
            "0\u{2003}20 8489 1000",
        ] {
            let _ = find_personal_data(text);
        }
    }
}
