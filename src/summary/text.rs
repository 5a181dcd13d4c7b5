//! The summary's catalogue: every word of an assurance summary, in English and Welsh.
//!
//! Kept apart from [`crate::messages`] (the texts of issues) because a summary is a document
//! with its own vocabulary: headings, column names, verdicts and gaps. Both languages are one
//! `match` each, so a text missing from either does not compile; the tests render every text
//! in both and check that the Welsh is not the English.

use crate::coverage::{Basis, CoverageStatus};
use crate::date::Date;
use crate::messages::human_date;
use crate::model::StatusValue;
use crate::options::Locale;

/// One text of a summary, with its arguments.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    // Headings and labels.
    SummaryTitle,
    OverviewTitle,
    Authority,
    Period,
    ReportingDate,
    Profile,
    AtAGlance,
    CategoriesCaption,
    Category,
    Status,
    Required,
    Actions,
    Action,
    Description,
    Lead,
    Progress,
    NextMilestone,
    Milestone,
    DueBy,
    Overdue,
    OverdueItems,
    OverdueCaption,
    Gaps,
    NoGaps,
    NoActions,
    NoneOverdue,
    EvidenceCaption {
        category: String,
    },
    File,
    Plan,
    Yes,
    No,
    NotInProfile,
    UntitledPlan,
    NotRead {
        reason: String,
    },
    MatrixCaption,
    Legend,
    RequiredMissingColumn,
    // Values.
    CoverageWord(CoverageStatus),
    BasisWord(Basis),
    ProgressWord(Option<StatusValue>),
    // Sentences.
    Headline {
        total: usize,
        covered: usize,
        inferred: usize,
        missing: usize,
        required_missing: usize,
    },
    OverdueCount {
        count: usize,
        as_of: Option<Date>,
    },
    VerdictCovered {
        actions: usize,
    },
    VerdictInferred {
        actions: usize,
    },
    VerdictMissing {
        required: bool,
    },
    GapMissing {
        basis: Basis,
    },
    GapRecommended,
    GapInferredOnly,
    GapNoLead {
        action: String,
    },
    GapUndated {
        action: String,
    },
    GapBehind {
        action: String,
        progress: StatusValue,
    },
    GapOverdue {
        action: String,
        milestone: String,
        due: Date,
    },
    NextDue {
        milestone: String,
        due: Option<Date>,
    },
    NoneLeft {
        milestone: String,
    },
    OverviewHeadline {
        plans: usize,
        complete: usize,
        unread: usize,
    },
    PlanDates {
        start: Date,
        end: Date,
    },
}

impl Text {
    pub fn render(&self, locale: Locale) -> String {
        match locale {
            Locale::English => english(self),
            Locale::Welsh => welsh(self),
        }
    }
}

fn english(text: &Text) -> String {
    use Text::*;
    let date = |date: &Date| human_date(*date, Locale::English);
    match text {
        SummaryTitle => "Prevent duty assurance summary".into(),
        OverviewTitle => "Prevent duty assurance overview".into(),
        Authority => "Body".into(),
        Period => "Plan period".into(),
        ReportingDate => "Reporting date".into(),
        Profile => "Benchmarks".into(),
        AtAGlance => "At a glance".into(),
        CategoriesCaption => "Benchmark categories and how the plan covers them".into(),
        Category => "Benchmark".into(),
        Status => "Status".into(),
        Required => "Required".into(),
        Actions => "Actions".into(),
        Action => "Action".into(),
        Description => "What will be done".into(),
        Lead => "Lead".into(),
        Progress => "Progress".into(),
        NextMilestone => "Next milestone".into(),
        Milestone => "Milestone".into(),
        DueBy => "Due by".into(),
        Overdue => "Overdue".into(),
        OverdueItems => "Overdue items".into(),
        OverdueCaption => "Actions with a milestone past the reporting date".into(),
        Gaps => "Gaps".into(),
        NoGaps => "No gaps found.".into(),
        NoActions => "No action evidences this benchmark.".into(),
        NoneOverdue => "Nothing is overdue.".into(),
        EvidenceCaption { category } => format!("Actions that evidence {category}"),
        File => "File".into(),
        Plan => "Plan".into(),
        Yes => "Yes".into(),
        No => "No".into(),
        NotInProfile => "not a benchmark of this plan".into(),
        UntitledPlan => "Untitled plan".into(),
        NotRead { reason } => format!("Could not be read: {reason}"),
        MatrixCaption => "Which plans cover which benchmarks".into(),
        Legend => "Covered: an action is tagged with the benchmark. Inferred: only the wording of actions suggests it. Missing: no action covers it.".into(),
        RequiredMissingColumn => "Required benchmarks missing".into(),
        CoverageWord(CoverageStatus::Covered) => "Covered".into(),
        CoverageWord(CoverageStatus::Inferred) => "Inferred".into(),
        CoverageWord(CoverageStatus::Missing) => "Missing".into(),
        BasisWord(Basis::Must) => "legal duty (must)".into(),
        BasisWord(Basis::Should) => "expected (should)".into(),
        BasisWord(Basis::Advice) => "good practice".into(),
        ProgressWord(progress) => match progress {
            Some(StatusValue::NotStarted) => "Not started",
            Some(StatusValue::OnTrack) => "On track",
            Some(StatusValue::AtRisk) => "At risk",
            Some(StatusValue::Delayed) => "Delayed",
            Some(StatusValue::Complete) => "Complete",
            Some(StatusValue::Ongoing) => "Ongoing",
            Some(StatusValue::Unknown) | None => "Not reported",
        }
        .into(),
        Headline { total, covered, inferred, missing, required_missing } => format!(
            "Of {total} benchmarks, {covered} {} covered by tagged actions, {inferred} only by inference from their wording, and {missing} not at all{}.",
            were(*covered),
            match required_missing {
                0 => String::new(),
                1 => " (1 of them required)".into(),
                n => format!(" ({n} of them required)"),
            }
        ),
        OverdueCount { count, as_of } => match (count, as_of) {
            (_, None) => "No reporting date was given, so nothing can be said to be overdue.".into(),
            (0, Some(as_of)) => format!("No milestone is overdue as of {}.", date(as_of)),
            (1, Some(as_of)) => format!("1 action is overdue as of {}.", date(as_of)),
            (count, Some(as_of)) => format!("{count} actions are overdue as of {}.", date(as_of)),
        },
        VerdictCovered { actions } => format!("Covered by {}.", actions_word(*actions)),
        VerdictInferred { actions: 0 } => "Covered only by inference from the plan's title: no action is tagged with it.".into(),
        VerdictInferred { actions } => format!(
            "Covered only by inference from the wording of {}: no action is tagged with it.",
            actions_word(*actions)
        ),
        VerdictMissing { required: true } => "Not covered, and the guidance requires it.".into(),
        VerdictMissing { required: false } => "Not covered; it is recommended, not required.".into(),
        GapMissing { basis } => format!(
            "No action covers this benchmark, a {} of the guidance: add an action with a lead and a date.",
            english(&BasisWord(*basis))
        ),
        GapRecommended => "No action covers this benchmark; the guidance recommends one.".into(),
        GapInferredOnly => "The plan does not say which actions serve this benchmark: tag them so the board can rely on it.".into(),
        GapNoLead { action } => format!("Action {action} has no lead."),
        GapUndated { action } => format!("Action {action} has no date anyone can be held to."),
        GapBehind { action, progress } => format!(
            "Action {action} is reported as {}.",
            english(&ProgressWord(Some(*progress))).to_lowercase()
        ),
        GapOverdue { action, milestone, due } => format!(
            "Action {action} is overdue: \"{milestone}\" was due by {}.",
            date(due)
        ),
        NextDue { milestone, due: Some(due) } => format!("{milestone} (by {})", date(due)),
        NextDue { milestone, due: None } => milestone.clone(),
        NoneLeft { milestone } => format!("None left (the last was {milestone})"),
        OverviewHeadline { plans, complete, unread } => format!(
            "{plans} {} read; {complete} cover every required benchmark{}.",
            if *plans == 1 { "plan" } else { "plans" },
            match unread {
                0 => String::new(),
                1 => "; 1 file could not be read".into(),
                n => format!("; {n} files could not be read"),
            }
        ),
        PlanDates { start, end } => format!("{} to {}", date(start), date(end)),
    }
}

fn were(count: usize) -> &'static str {
    if count == 1 {
        "is"
    } else {
        "are"
    }
}

fn actions_word(count: usize) -> String {
    match count {
        1 => "1 action".into(),
        n => format!("{n} actions"),
    }
}

fn welsh(text: &Text) -> String {
    use Text::*;
    let date = |date: &Date| human_date(*date, Locale::Welsh);
    match text {
        SummaryTitle => "Crynodeb sicrwydd dyletswydd Prevent".into(),
        OverviewTitle => "Trosolwg sicrwydd dyletswydd Prevent".into(),
        Authority => "Corff".into(),
        Period => "Cyfnod y cynllun".into(),
        ReportingDate => "Dyddiad adrodd".into(),
        Profile => "Meincnodau".into(),
        AtAGlance => "Yn gryno".into(),
        CategoriesCaption => "Categorïau meincnod a sut mae'r cynllun yn eu cwmpasu".into(),
        Category => "Meincnod".into(),
        Status => "Statws".into(),
        Required => "Gofynnol".into(),
        Actions => "Camau gweithredu".into(),
        Action => "Cam gweithredu".into(),
        Description => "Beth fydd yn cael ei wneud".into(),
        Lead => "Arweinydd".into(),
        Progress => "Cynnydd".into(),
        NextMilestone => "Carreg filltir nesaf".into(),
        Milestone => "Carreg filltir".into(),
        DueBy => "Erbyn".into(),
        Overdue => "Yn hwyr".into(),
        OverdueItems => "Eitemau sy'n hwyr".into(),
        OverdueCaption => "Camau gweithredu â charreg filltir wedi'r dyddiad adrodd".into(),
        Gaps => "Bylchau".into(),
        NoGaps => "Ni chanfuwyd bylchau.".into(),
        NoActions => "Nid oes cam gweithredu yn dystiolaeth o'r meincnod hwn.".into(),
        NoneOverdue => "Nid oes dim yn hwyr.".into(),
        EvidenceCaption { category } => format!("Camau gweithredu sy'n dystiolaeth o {category}"),
        File => "Ffeil".into(),
        Plan => "Cynllun".into(),
        Yes => "Ydy".into(),
        No => "Nac ydy".into(),
        NotInProfile => "nid yw'n feincnod i'r cynllun hwn".into(),
        UntitledPlan => "Cynllun heb deitl".into(),
        NotRead { reason } => format!("Ni ellid ei ddarllen: {reason}"),
        MatrixCaption => "Pa gynlluniau sy'n cwmpasu pa feincnodau".into(),
        Legend => "Wedi'i gwmpasu: mae cam gweithredu wedi'i dagio â'r meincnod. Wedi'i gasglu: dim ond geiriad y camau sy'n awgrymu hynny. Ar goll: nid oes cam gweithredu yn ei gwmpasu.".into(),
        RequiredMissingColumn => "Meincnodau gofynnol ar goll".into(),
        CoverageWord(CoverageStatus::Covered) => "Wedi'i gwmpasu".into(),
        CoverageWord(CoverageStatus::Inferred) => "Wedi'i gasglu".into(),
        CoverageWord(CoverageStatus::Missing) => "Ar goll".into(),
        BasisWord(Basis::Must) => "dyletswydd gyfreithiol (rhaid)".into(),
        BasisWord(Basis::Should) => "disgwyliad (dylai)".into(),
        BasisWord(Basis::Advice) => "arfer da".into(),
        ProgressWord(progress) => match progress {
            Some(StatusValue::NotStarted) => "Heb ddechrau",
            Some(StatusValue::OnTrack) => "Ar y trywydd iawn",
            Some(StatusValue::AtRisk) => "Mewn perygl",
            Some(StatusValue::Delayed) => "Wedi'i oedi",
            Some(StatusValue::Complete) => "Wedi'i gwblhau",
            Some(StatusValue::Ongoing) => "Parhaus",
            Some(StatusValue::Unknown) | None => "Heb ei adrodd",
        }
        .into(),
        Headline { total, covered, inferred, missing, required_missing } => format!(
            "O'r {total} meincnod, mae {covered} wedi'u cwmpasu gan gamau gweithredu wedi'u tagio, {inferred} wedi'u casglu o'u geiriad yn unig, a {missing} heb eu cwmpasu o gwbl{}.",
            match required_missing {
                0 => String::new(),
                n => format!(" ({n} ohonynt yn ofynnol)"),
            }
        ),
        OverdueCount { count, as_of } => match (count, as_of) {
            (_, None) => "Ni roddwyd dyddiad adrodd, felly ni ellir dweud bod dim yn hwyr.".into(),
            (0, Some(as_of)) => format!("Nid oes carreg filltir yn hwyr ar {}.", date(as_of)),
            (count, Some(as_of)) => format!("Mae {count} cam gweithredu yn hwyr ar {}.", date(as_of)),
        },
        VerdictCovered { actions } => format!("Wedi'i gwmpasu gan {actions} cam gweithredu."),
        VerdictInferred { actions: 0 } => "Wedi'i gasglu o deitl y cynllun yn unig: nid oes cam wedi'i dagio ag ef.".into(),
        VerdictInferred { actions } => format!(
            "Wedi'i gasglu o eiriad {actions} cam gweithredu yn unig: nid oes cam wedi'i dagio ag ef."
        ),
        VerdictMissing { required: true } => "Heb ei gwmpasu, ac mae'r canllawiau yn ei fynnu.".into(),
        VerdictMissing { required: false } => "Heb ei gwmpasu; fe'i argymhellir, nid yw'n ofynnol.".into(),
        GapMissing { basis } => format!(
            "Nid oes cam gweithredu yn cwmpasu'r meincnod hwn, sy'n {} yn ôl y canllawiau: ychwanegwch gam ag arweinydd a dyddiad.",
            welsh(&BasisWord(*basis))
        ),
        GapRecommended => "Nid oes cam gweithredu yn cwmpasu'r meincnod hwn; mae'r canllawiau yn argymell un.".into(),
        GapInferredOnly => "Nid yw'r cynllun yn dweud pa gamau sy'n gwasanaethu'r meincnod hwn: tagiwch nhw fel y gall y bwrdd ddibynnu arno.".into(),
        GapNoLead { action } => format!("Nid oes arweinydd gan gam gweithredu {action}."),
        GapUndated { action } => format!("Nid oes gan gam gweithredu {action} ddyddiad y gellir dal neb iddo."),
        GapBehind { action, progress } => format!(
            "Adroddir bod cam gweithredu {action}: {}.",
            welsh(&ProgressWord(Some(*progress))).to_lowercase()
        ),
        GapOverdue { action, milestone, due } => format!(
            "Mae cam gweithredu {action} yn hwyr: roedd \"{milestone}\" i fod erbyn {}.",
            date(due)
        ),
        NextDue { milestone, due: Some(due) } => format!("{milestone} (erbyn {})", date(due)),
        NextDue { milestone, due: None } => milestone.clone(),
        NoneLeft { milestone } => format!("Dim ar ôl (yr olaf oedd {milestone})"),
        OverviewHeadline { plans, complete, unread } => format!(
            "Darllenwyd {plans} cynllun; mae {complete} yn cwmpasu pob meincnod gofynnol{}.",
            match unread {
                0 => String::new(),
                n => format!("; ni ellid darllen {n} ffeil"),
            }
        ),
        PlanDates { start, end } => format!("{} i {}", date(start), date(end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::tests::english_words::english_words;

    /// Every text, with arguments that make each rendering distinct.
    fn samples() -> Vec<Text> {
        use Text::*;
        let due = Date::new(2018, 3, 31).unwrap();
        let statuses = [
            CoverageStatus::Covered,
            CoverageStatus::Inferred,
            CoverageStatus::Missing,
        ];
        let bases = [Basis::Must, Basis::Should, Basis::Advice];
        let progress = [
            None,
            Some(StatusValue::NotStarted),
            Some(StatusValue::OnTrack),
            Some(StatusValue::AtRisk),
            Some(StatusValue::Delayed),
            Some(StatusValue::Complete),
            Some(StatusValue::Ongoing),
        ];
        let mut all = vec![
            SummaryTitle,
            OverviewTitle,
            Authority,
            Period,
            ReportingDate,
            Profile,
            AtAGlance,
            CategoriesCaption,
            Category,
            Status,
            Required,
            Actions,
            Action,
            Description,
            Lead,
            Progress,
            NextMilestone,
            Milestone,
            DueBy,
            Overdue,
            OverdueItems,
            OverdueCaption,
            Gaps,
            NoGaps,
            NoActions,
            NoneOverdue,
            EvidenceCaption {
                category: "«c»".into(),
            },
            File,
            Plan,
            Yes,
            No,
            NotInProfile,
            UntitledPlan,
            NotRead {
                reason: "«r»".into(),
            },
            MatrixCaption,
            Legend,
            RequiredMissingColumn,
            Headline {
                total: 8,
                covered: 5,
                inferred: 2,
                missing: 1,
                required_missing: 1,
            },
            Headline {
                total: 8,
                covered: 1,
                inferred: 0,
                missing: 7,
                required_missing: 3,
            },
            OverdueCount {
                count: 0,
                as_of: Some(due),
            },
            OverdueCount {
                count: 1,
                as_of: Some(due),
            },
            OverdueCount {
                count: 4,
                as_of: Some(due),
            },
            OverdueCount {
                count: 0,
                as_of: None,
            },
            VerdictCovered { actions: 3 },
            VerdictInferred { actions: 1 },
            VerdictInferred { actions: 0 },
            VerdictMissing { required: true },
            VerdictMissing { required: false },
            GapRecommended,
            GapInferredOnly,
            GapNoLead {
                action: "«a»".into(),
            },
            GapUndated {
                action: "«a»".into(),
            },
            GapBehind {
                action: "«a»".into(),
                progress: StatusValue::Delayed,
            },
            GapOverdue {
                action: "«a»".into(),
                milestone: "«m»".into(),
                due,
            },
            NextDue {
                milestone: "«m»".into(),
                due: Some(due),
            },
            NextDue {
                milestone: "«m»".into(),
                due: None,
            },
            NoneLeft {
                milestone: "«m»".into(),
            },
            OverviewHeadline {
                plans: 3,
                complete: 1,
                unread: 1,
            },
            PlanDates {
                start: due,
                end: due,
            },
        ];
        all.extend(statuses.map(CoverageWord));
        all.extend(bases.map(BasisWord));
        all.extend(bases.map(|basis| GapMissing { basis }));
        all.extend(progress.map(ProgressWord));
        all
    }

    #[test]
    fn welsh_says_every_text_in_welsh_with_the_same_arguments() {
        for text in samples() {
            let (english, welsh) = (text.render(Locale::English), text.render(Locale::Welsh));
            assert!(!english.is_empty() && !welsh.is_empty(), "{text:?}");
            let is_argument_only = matches!(text, Text::NextDue { due: None, .. });
            assert!(
                is_argument_only || english != welsh,
                "not translated: {text:?}"
            );
            let arguments = |said: &str| said.matches('«').count();
            assert_eq!(arguments(&english), arguments(&welsh), "{text:?}");
        }
    }

    #[test]
    fn welsh_texts_have_no_english_left() {
        for text in samples() {
            let welsh = text.render(Locale::Welsh);
            assert!(
                english_words(&welsh).is_empty(),
                "{welsh}: {:?}",
                english_words(&welsh)
            );
        }
    }

    #[test]
    fn dates_are_written_for_people() {
        let due = Date::new(2018, 3, 31).unwrap();
        let text = Text::OverdueCount {
            count: 2,
            as_of: Some(due),
        };
        assert_eq!(
            text.render(Locale::English),
            "2 actions are overdue as of 31 Mar 2018."
        );
        assert_eq!(
            text.render(Locale::Welsh),
            "Mae 2 cam gweithredu yn hwyr ar 31 Mawrth 2018."
        );
    }
}
