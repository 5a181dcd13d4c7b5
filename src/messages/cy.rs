//! The Welsh catalogue (Cymraeg).
//!
//! Machine-drafted: a first-language Welsh reviewer should check it before release (see
//! `docs/welsh.md`). Templates put the subject first and the predicate after a colon
//! ("Cam gweithredu 1.2: ...") so that no inserted word needs a mutation; where Welsh
//! grammar mutates a fixed word the template carries the mutated form.

#[cfg(feature = "tables")]
use super::FileFormat;
use super::{
    ActionName, Expectation, JsonType, Message, Owner, Part, Place, Recorded, Required, Whereabouts,
};
use crate::date::Date;
#[cfg(feature = "compare")]
use crate::model::StatusValue;

pub(super) fn render(message: &Message) -> String {
    use Message::*;
    match message {
        DuplicateId { id, action, section } => format!(
            "Mae rhif cam gweithredu {id} wedi'i ddefnyddio ddwywaith: yma ac yng ngham gweithredu {action} yn adran {section}"
        ),
        DuplicateIdHint => "Rhowch ei rif ei hun i bob cam gweithredu.".into(),
        PeriodUnreadable { label } => {
            format!("Nid oes modd darllen cyfnod y cynllun, \"{label}\", fel cyfnod")
        }
        PeriodUnreadableHint => {
            "Ysgrifennwch ef fel \"2017/18\", \"2013-14\" neu \"2017-04-01/2018-03-31\".".into()
        }
        PeriodReversed { start, end } => {
            format!("Mae cyfnod y cynllun yn dod i ben ({end}) cyn iddo ddechrau ({start})")
        }
        NoneHave { total, what } => format!(
            "Nid oes {} gan unrhyw un o'r camau gweithredu ({total} i gyd)",
            required(*what)
        ),
        ActionLacks { action, what } => {
            format!("Nid oes {} ar gyfer {}", required(*what), action_name(action, false))
        }
        ActionMissing { action, recorded } => format!(
            "{}: mae'n cofnodi {} ond dim cam gweithredu",
            action_name(action, true),
            match recorded {
                Recorded::Evidence => "y gwaith hyd yma",
                Recorded::Risk => "risg",
                Recorded::Requirement => "gofyniad",
            }
        ),
        ActionMissingHint => "Dywedwch beth a wneir nesaf (neu \"Dim camau pellach: ...\" gyda'r rheswm), fel bod modd arwain, dyddio ac olrhain y rhes.".into(),
        LeadHint => "Enwch yr asiantaeth neu'r swyddog arweiniol yn ôl rôl, e.e. \"Cydlynydd Prevent\".".into(),
        MilestoneHint => "Ychwanegwch ddyddiad targed fel \"Mawrth 2016\", neu \"Parhaus\".".into(),
        MilestoneUnparsed { milestone, action } => format!(
            "{}: nid oes modd ei darllen fel dyddiad, cyfnod nac amserlen reolaidd",
            milestone_name(milestone, action)
        ),
        MilestoneUnparsedHint => "Ysgrifennwch fis a blwyddyn (\"Mawrth 2016\"), blwyddyn ariannol neu chwarter (\"Q3 2016/17\"), neu \"Parhaus\".".into(),
        MilestoneVague { milestone, action } => format!(
            "{}: nid yw'n rhoi dyddiad y gellir dal neb yn atebol iddo",
            milestone_name(milestone, action)
        ),
        MilestoneVagueHint => "Rhowch ddyddiad targed, hyd yn oed un dros dro, a'i adolygu pan fydd amgylchiadau'n newid.".into(),
        MilestoneAfterPeriod { milestone, action, due, end } => format!(
            "{} ({}): mae'n dod ar ôl diwedd cyfnod y cynllun ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*end)
        ),
        MilestoneBeforePeriod { milestone, action, due, start } => format!(
            "{} ({}): mae'n dod cyn dechrau cyfnod y cynllun ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*start)
        ),
        MilestoneStartsAfterPeriod { milestone, action, start, end } => format!(
            "{}: mae'n dechrau ({}) ar ôl diwedd cyfnod y cynllun ({})",
            milestone_name(milestone, action),
            human(*start),
            human(*end)
        ),
        MilestoneOutsidePeriodHint => "Gwiriwch flwyddyn y garreg filltir, neu symudwch y gwaith i'r cynllun nesaf.".into(),
        MilestoneRangeReversed { milestone, action } => format!(
            "{}: mae'n dod i ben cyn iddi ddechrau",
            milestone_name(milestone, action)
        ),
        MilestoneRangeReversedHint => "Cyfnewidiwch y ddau ddyddiad, neu cywirwch flwyddyn un ohonynt.".into(),
        ReferenceUnresolved { milestone, action, target } => format!(
            "{}: mae'n cyfeirio at gam gweithredu {target}, nad yw yn y cynllun",
            milestone_name(milestone, action)
        ),
        ReferenceUnresolvedHint => "Gwiriwch rif y cam gweithredu, neu ysgrifennwch ddyddiad y garreg filltir ei hun.".into(),
        ReferenceDirection { milestone, action, target, said, actual } => format!(
            "{}: mae'n dweud bod cam gweithredu {target} {}, ond {}",
            milestone_name(milestone, action),
            said_whereabouts(*said),
            actual_whereabouts(*actual)
        ),
        ReferenceDirectionHint => "Gwiriwch rif y cam gweithredu yn y croesgyfeiriad.".into(),
        Overdue { milestone, action, due, as_of, progress } => format!(
            "{}: roedd i'w chyflawni erbyn {}, cyn y dyddiad adrodd ({}), ac nid yw'r cam gweithredu wedi'i nodi'n gyflawn ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*as_of),
            match progress {
                Some(text) => format!("cynnydd: \"{text}\""),
                None => "dim cynnydd wedi'i gofnodi".into(),
            }
        ),
        OverdueHint => "Cofnodwch fod y cam gweithredu wedi'i gwblhau, neu cytunwch ar ddyddiad diwygiedig a'i gofnodi.".into(),
        StatusDateConflict { milestone, action, start, as_of } => format!(
            "{}: dechreuodd ar {}, cyn y dyddiad adrodd ({}), ond mae'r cam gweithredu wedi'i nodi fel un heb ddechrau",
            milestone_name(milestone, action),
            human(*start),
            human(*as_of)
        ),
        StatusDateConflictHint => "Diweddarwch y statws, neu ailgynlluniwch ddechrau'r gwaith.".into(),
        DependencyOrder { action, target, due, target_due } => format!(
            "{}: mae'n adeiladu ar gam gweithredu {target} ond mae i'w gyflawni'n gynt ({}, o'i gymharu â {})",
            action_name(action, true),
            human(*due),
            human(*target_due)
        ),
        DependencyOrderHint => "Symudwch derfyn amser y cam gweithredu hwn i ddod ar ôl terfyn y cam y mae'n dibynnu arno, neu dewch â hwnnw ymlaen.".into(),
        #[cfg(feature = "compare")]
        MilestoneSlippedAgain { milestone, action, slips, months } => format!(
            "{}: mae wedi llithro {slips} gwaith, y tro hwn o {months} mis",
            milestone_name(milestone, action)
        ),
        #[cfg(feature = "compare")]
        MilestoneSlippedPastPeriod { milestone, action, due, end } => format!(
            "{}: mae wedi llithro i {}, y tu hwnt i ddiwedd cyfnod y cynllun ({})",
            milestone_name(milestone, action),
            human(*due),
            human(*end)
        ),
        #[cfg(feature = "compare")]
        MilestoneSlippedHint => "Cytunwch â'r arweinydd beth sy'n rhwystro a phennwch ddyddiad y gellir ei gadw, neu symudwch y gwaith i'r cynllun nesaf.".into(),
        #[cfg(feature = "compare")]
        ActionDropped { action, status } => format!(
            "{}: fe'i tynnwyd o'r cynllun heb ei nodi'n gyflawn (ei statws olaf: {})",
            action_name(action, true),
            status_words(*status)
        ),
        #[cfg(feature = "compare")]
        ActionDroppedHint => "Rhowch y cam gweithredu yn ôl, neu nodwch ei fod yn gyflawn (neu cofnodwch pam y daeth i ben) cyn ei dynnu.".into(),
        #[cfg(feature = "compare")]
        CoverageLost { name, id } => format!(
            "Roedd \"{name}\" (`{id}`) wedi'i gwmpasu yn y fersiwn gynharach, ac nid yw wedi'i gwmpasu nawr"
        ),
        ProfileUnknown { id, known } => format!(
            "Ni chafodd y cwmpas ei wirio: nid yw'r proffil \"{id}\" yn hysbys (proffiliau hysbys: {known})"
        ),
        ProfileInvalid { problems } => {
            format!("Ni chafodd y cwmpas ei wirio: nid yw'r proffil yn ddilys: {problems}")
        }
        ProfileRejectedHint => "Defnyddiwch un o'r dynodyddion proffil a restrir, neu cywirwch y gwrthrych proffil.".into(),
        ProfileNotLoaded { id } => format!(
            "Ni chafodd y cwmpas ei wirio: nid yw'r proffil adeiledig \"{id}\" wedi'i lwytho eto"
        ),
        ProfileNotLoadedHint { id } => format!(
            "Llwythwch ef cyn gwirio: `await loadProfile(\"{id}\")`."
        ),
        ProfileNotBuiltinData { id } => format!(
            "nid y data a roddwyd yw'r proffil adeiledig \"{id}\" o'r fersiwn hon"
        ),
        CategoryUnknown { tag, profile } => {
            format!("Nid yw \"{tag}\" yn gategori yn y proffil {profile}")
        }
        DidYouMean { id } => format!("Ai `{id}` oedd dan sylw?"),
        CategoriesOf { profile, ids } => format!("Categorïau'r proffil {profile}: {ids}."),
        // Like the name, a description a custom profile does not translate is shown as written.
        CategoryMissing { name, id, description } => format!(
            "Nid oes cam gweithredu yn ymdrin â \"{}\" (`{id}`): {}",
            name.get(super::Locale::Welsh),
            description.get(super::Locale::Welsh)
        ),
        CategoryMissingHint { id } => format!(
            "Ychwanegwch gam gweithredu ar ei gyfer, neu tagiwch y cam gweithredu sy'n ei gyflawni â \"categories\": [\"{id}\"]."
        ),
        CategoryInferred { name, id, actions, phrase } => format!(
            "\"{}\" (`{id}`): caiff ei gasglu o eiriad {} yn unig, e.e. \"{phrase}\"",
            name.get(super::Locale::Welsh),
            if actions.is_empty() {
                "teitl y cynllun".to_owned()
            } else {
                format!("cam(au) gweithredu {actions}")
            }
        ),
        CategoryInferredHint { id } => format!(
            "Cadarnhewch hyn drwy dagio'r cam gweithredu sy'n ei gyflawni â \"categories\": [\"{id}\"]."
        ),
        PersonalData { kind, found } => format!(
            "Mae'r testun hwn yn cynnwys {} (\"{found}\"), na ddylid ei gyhoeddi",
            personal_data(kind)
        ),
        PersonalDataHint => "Enwch arweinwyr yn ôl rôl, a thynnwch fanylion cyswllt ac unrhyw beth a allai adnabod person a atgyfeiriwyd neu a gefnogwyd.".into(),
        // The parser describes the error in English: Welsh says what kind, and where.
        JsonSyntax { error: _, line, column, end } => format!(
            "Nid yw'r cynllun yn JSON dilys: {} ar linell {line}, colofn {column}",
            if *end {
                "mae'r testun yn dod i ben yn rhy fuan"
            } else {
                "gwall cystrawen"
            }
        ),
        JsonSyntaxHint => "Chwiliwch am goma, dyfynnod neu fraced coll ychydig cyn y pwynt hwn.".into(),
        TooManyBytes { size, max } => {
            format!("Mae'r mewnbwn yn {size} MB; ni ellir gwirio mwy na {max} MB")
        }
        TooManyBytesHint => "Rhannwch y cynllun yn ffeiliau llai, neu tynnwch gynnwys sydd wedi'i fewnosod.".into(),
        TooDeep { max } => format!(
            "Mae'r cynllun wedi'i nythu'n ddyfnach na {max} lefel; tua 7 lefel sydd mewn cynllun"
        ),
        TooDeepHint => "Gwiriwch fod gan y cynllun siâp y sgema a gyhoeddwyd.".into(),
        TooManyActions { actions, max } => format!(
            "Mae gan y cynllun {actions} o gamau gweithredu; ni ellir gwirio mwy na {max}"
        ),
        TextTooLong { chars, max } => format!(
            "Mae'r testun hwn yn {chars} o nodau o hyd; ni ellir gwirio mwy na {max} mewn un maes"
        ),
        TextTooLongHint => "Mae maes mewn cynllun yn dal brawddeg neu restr fer: symudwch gynnwys hir i atodiad.".into(),
        #[cfg(feature = "tables")]
        TableTooLarge { rows, columns } => format!(
            "Mae gan y tabl fwy na {rows} o resi neu {columns} o golofnau; dim ond y rheini a ddarllenwyd"
        ),
        #[cfg(feature = "tables")]
        NoHeader => "Ni chafwyd hyd i res pennawd: mae angen rhes ar y tabl sy'n enwi ei golofnau, fel Cam gweithredu, Arweinydd a Dyddiad targed".into(),
        #[cfg(feature = "tables")]
        NoHeaderHint { rows } => format!("Rhowch y rhes pennawd o fewn y {rows} rhes gyntaf."),
        #[cfg(feature = "tables")]
        NoPlanSheet => "Nid oes rhes pennawd sy'n enwi colofnau'r cynllun, fel Cam gweithredu, Arweinydd a Dyddiad targed, ar unrhyw daflen yn y llyfr gwaith".into(),
        #[cfg(feature = "tables")]
        NoPlanSheetHint { rows } => {
            format!("Rhowch y rhes pennawd o fewn y {rows} rhes gyntaf ar daflen y cynllun.")
        }
        #[cfg(feature = "tables")]
        CellUnmapped { cell, text } => {
            format!("Ni ddarllenwyd cell {cell} (\"{text}\") i mewn i'r cynllun")
        }
        #[cfg(feature = "tables")]
        CellUnmappedHint => "Symudwch hi i un o golofnau'r cynllun, neu dilëwch hi os nad yw'n rhan o'r cynllun.".into(),
        #[cfg(feature = "tables")]
        ColumnUnmapped { column, heading, cells } => format!(
            "Nid yw colofn {column}{} yn un o golofnau'r cynllun: ni ddarllenwyd ei chelloedd nad ydynt yn wag ({cells})",
            heading
                .as_ref()
                .map(|heading| format!(" (\"{heading}\")"))
                .unwrap_or_default()
        ),
        #[cfg(feature = "tables")]
        ColumnUnmappedHint => "Os yw'r golofn yn rhan o'r cynllun, rhowch enw iddi fel y gwna cynlluniau (Cam gweithredu, Arweinydd, Partneriaid, Dyddiad targed, Cynnydd, RAG).".into(),
        #[cfg(feature = "tables")]
        NotUtf8 { byte, line } => {
            format!("Nid yw'r tabl yn destun UTF-8 (beit {byte} ar linell {line})")
        }
        #[cfg(feature = "tables")]
        NotUtf8Hint => "Cadwch y daflen fel \"CSV UTF-8\" (Excel) neu allforiwch hi fel UTF-8.".into(),
        #[cfg(feature = "tables")]
        TableUnreadable { detail } => {
            format!("Nid oes modd darllen y tabl na'r llyfr gwaith ({detail})")
        }
        #[cfg(feature = "tables")]
        FileEncrypted => "Mae cyfrinair yn diogelu'r ffeil, felly ni ellir darllen ei thablau".into(),
        #[cfg(feature = "tables")]
        FileEncryptedHint => "Agorwch hi, tynnwch y cyfrinair (Ffeil > Gwybodaeth > Diogelu > Amgryptio gyda Chyfrinair) a chadwch gopi hebddo.".into(),
        #[cfg(feature = "tables")]
        FormatUnsupported { format } => match format {
            FileFormat::LegacyWord => "Dogfen Word 97-2003 (.doc) yw hon: ni ellir ei darllen",
            FileFormat::LegacyExcel => "Llyfr gwaith Excel 97-2003 (.xls) yw hwn: ni ellir ei ddarllen",
            FileFormat::Pdf => "Ffeil PDF yw hon: ni ellir darllen ei thablau",
        }
        .into(),
        #[cfg(feature = "tables")]
        FormatUnsupportedHint { format } => match format {
            FileFormat::LegacyWord => "Agorwch hi yn Word neu LibreOffice a'i chadw fel dogfen Word (.docx).",
            FileFormat::LegacyExcel => "Agorwch ef yn Excel neu LibreOffice a'i gadw fel llyfr gwaith Excel (.xlsx).",
            FileFormat::Pdf => "Gwiriwch y ddogfen Word neu'r daenlen y gwnaed y PDF ohoni, neu copïwch ei thabl i daenlen.",
        }
        .into(),
        #[cfg(feature = "tables")]
        FileUnpacksTooLarge { part, limit } => format!(
            "Mae'r ffeil yn dadbacio i fwy na {limit} MB (rhan \"{part}\"): ni chafodd ei darllen"
        ),
        #[cfg(feature = "tables")]
        TooManyCells { max } => format!(
            "Mae gan dablau'r ffeil fwy na {max} o gelloedd o gyfrif celloedd ailadroddus a chyfun: ni chafodd ei darllen"
        ),
        #[cfg(feature = "tables")]
        TooMuchText { max } => format!(
            "Mae gan dablau'r ffeil fwy na {max} MB o destun o gyfrif celloedd ailadroddus: ni chafodd ei darllen"
        ),
        #[cfg(feature = "tables")]
        FileTooLargeHint => "Gwiriwch y cynllun ei hun: copïwch ei dabl i ffeil newydd, heb y gweddill.".into(),
        #[cfg(feature = "tables")]
        NoPlanTable => "Nid oes rhes pennawd sy'n enwi colofnau'r cynllun, fel Cam gweithredu, Arweinydd a Dyddiad targed, yn unrhyw dabl yn y ddogfen".into(),
        #[cfg(feature = "tables")]
        SheetNotRead { sheet, hidden } => {
            if *hidden {
                format!("Taflen \"{sheet}\": mae wedi'i chuddio, ac ni chafodd ei gwirio")
            } else {
                format!("Taflen \"{sheet}\": nid oes rhes pennawd sy'n enwi colofnau cynllun, ac ni chafodd ei gwirio")
            }
        }
        #[cfg(feature = "tables")]
        TableNotRead { table } => format!(
            "Tabl {table}: nid oes rhes pennawd sy'n enwi colofnau cynllun, ac ni chafodd ei wirio"
        ),
        #[cfg(feature = "tables")]
        NotReadHint => "Os yw'n rhan o'r cynllun, rhowch iddo'r un rhes pennawd â thablau eraill y cynllun (Cam gweithredu, Arweinydd, Dyddiad targed), neu dadguddiwch ef.".into(),
        #[cfg(feature = "tables")]
        FormulaWithoutValue { cells, count } => format!(
            "Celloedd ({count}): {cells}. Mae fformiwla ynddynt heb werth wedi'i gadw yn y ffeil, felly fe'u darllenwyd yn wag"
        ),
        #[cfg(feature = "tables")]
        FormulaWithoutValueHint => "Agorwch y ffeil yn Excel neu LibreOffice, gadewch iddi gyfrifo, a'i chadw eto (neu teipiwch y gwerthoedd).".into(),
        TableLocation { table, row, column } => format!("Tabl {table}, rhes {row}, colofn {column}"),
        ParagraphLocation { table, paragraph } => {
            format!("Tabl {table}, paragraff {paragraph} uwch ei ben")
        }
        SchemaRequired { place, field, keyword } => schema(
            format!("{}: mae'r maes {} ar goll", subject(place), field_name(field)),
            keyword,
        ),
        SchemaUnknownField { place, fields, keyword } => schema(
            format!("{}: maes anhysbys {fields}", subject(place)),
            keyword,
        ),
        SchemaType { place, expected, found, keyword } => {
            let expected = match expected.as_slice() {
                [single] => format!("yn {}", json_type(*single, true)),
                several => {
                    let names: Vec<&str> =
                        several.iter().map(|kind| json_type(*kind, false)).collect();
                    format!("yn un o'r mathau hyn: {}", names.join(", "))
                }
            };
            schema(
                format!(
                    "{}: dylai fod {expected}, nid {}",
                    subject(place),
                    json_type(*found, false)
                ),
                keyword,
            )
        }
        SchemaEmpty { place, keyword } => schema(format!("{}: mae'n wag", subject(place)), keyword),
        SchemaTooLong { place, limit, keyword } => schema(
            format!("{}: mae'n rhy hir (dim mwy na {limit} nod)", subject(place)),
            keyword,
        ),
        SchemaTooMany { place, limit, keyword } => schema(
            format!("{}: mae gormod o gofnodion (dim mwy na {limit})", subject(place)),
            keyword,
        ),
        SchemaTooFew { place, limit, keyword } => schema(
            format!("{}: mae angen o leiaf {limit} cofnod", subject(place)),
            keyword,
        ),
        SchemaRepeated { place, keyword } => schema(
            format!("{}: mae'r un cofnod wedi'i restru fwy nag unwaith", subject(place)),
            keyword,
        ),
        SchemaEnum { place, options, keyword } => schema(
            format!("{}: dylai fod yn un o {options}", subject(place)),
            keyword,
        ),
        SchemaFormat { place, expected, found, keyword } => schema(
            format!(
                "{}: dylai fod {}, nid {found}",
                subject(place),
                expectation(*expected)
            ),
            keyword,
        ),
        SchemaOneOf { place, expected, keyword } => schema(
            format!("{}: dylai fod {}", subject(place), expectation(*expected)),
            keyword,
        ),
        SchemaOther { place, keyword } => schema(
            format!("{}: nid yw'n cyfateb i'r sgema", subject(place)),
            keyword,
        ),
        InvalidOption { option, reason } => format!("opsiwn annilys `{option}`: {reason}"),
        OptionsNotJson { error } => format!("nid yw'n JSON dilys: {error}"),
        OptionsNotObject => "rhaid iddo fod yn wrthrych".into(),
        ProfileOptionType => {
            "rhaid iddo fod yn ddynodydd proffil neu'n wrthrych proffil".into()
        }
        ProfileOptionRejected { problem } => {
            format!("nid oes modd defnyddio'r proffil ({problem})")
        }
        PeriodOptionUnreadable { text } => format!(
            "nid yw \"{text}\" yn ddyddiadau ISO DECHRAU/DIWEDD nac yn label fel 2017/18"
        ),
        PeriodOptionDates => "mae angen `start` ac `end` ar y ffurf YYYY-MM-DD".into(),
        PeriodOptionType => "rhaid iddo fod yn destun neu'n {start, end}".into(),
        AsOfOptionDate { text } => format!("nid yw \"{text}\" yn ddyddiad YYYY-MM-DD"),
        AsOfOptionType => "rhaid iddo fod yn ddyddiad YYYY-MM-DD ar ffurf testun".into(),
        OriginOption { value } => format!("nid yw {value} yn gyfeiriad cell fel \"B3\""),
        ReportOption { value } => format!("nid yw {value} yn \"full\" nac yn \"issues\""),
        LocaleOptionUnknown { locale } => {
            format!("nid oes cefnogaeth i \"{locale}\" (defnyddiwch en neu cy)")
        }
        LocaleOptionType => "rhaid iddo fod yn \"en\" neu'n \"cy\"".into(),
        UnknownOption { name } => format!(
            "opsiwn anhysbys `{name}` (opsiynau hysbys: `profile`, `period`, `asOf`, `locale`)"
        ),
        #[cfg(feature = "compare")]
        MaxSlipsOption => "rhaid iddo fod yn rhif cyfan, 0 neu fwy".into(),
    }
}

#[cfg(feature = "compare")]
fn status_words(status: StatusValue) -> &'static str {
    match status {
        StatusValue::NotStarted => "heb ddechrau",
        StatusValue::OnTrack => "ar y trywydd iawn",
        StatusValue::AtRisk => "mewn perygl",
        StatusValue::Delayed => "wedi'i oedi",
        StatusValue::Complete => "cyflawn",
        StatusValue::Ongoing => "parhaus",
        StatusValue::Unknown => "anhysbys",
    }
}

fn required(what: Required) -> &'static str {
    match what {
        Required::Lead => "arweinydd",
        Required::Milestone => "carreg filltir na dyddiad targed",
    }
}

/// What a cross-reference says: "bod cam gweithredu 9 uchod".
fn said_whereabouts(place: Whereabouts) -> &'static str {
    match place {
        Whereabouts::Above => "uchod",
        Whereabouts::Below => "isod",
        Whereabouts::Itself => "yn cyfeirio ato'i hun",
    }
}

/// Where the action really is: "ond mae'r cam hwnnw isod".
fn actual_whereabouts(place: Whereabouts) -> &'static str {
    match place {
        Whereabouts::Above => "mae'r cam hwnnw uchod",
        Whereabouts::Below => "mae'r cam hwnnw isod",
        Whereabouts::Itself => "dyma'r un cam gweithredu",
    }
}

/// "Cam gweithredu 1.2", "cam gweithredu 3 yn adran 2".
fn action_name(action: &ActionName, capital: bool) -> String {
    let word = if capital { "Cam" } else { "cam" };
    match action {
        ActionName::Id(id) => format!("{word} gweithredu {id}"),
        ActionName::Position { action, section } => {
            format!("{word} gweithredu {action} yn adran {section}")
        }
    }
}

/// `Carreg filltir "Tach-13" (cam gweithredu 1.2)`
fn milestone_name(milestone: &str, action: &ActionName) -> String {
    format!(
        "Carreg filltir \"{}\" ({})",
        milestone.trim(),
        action_name(action, false)
    )
}

/// "30 Tachwedd 2013": Welsh month names, written in full.
pub(super) fn human(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ];
    let month = MONTHS
        .get(date.month().saturating_sub(1) as usize)
        .unwrap_or(&"");
    format!("{} {month} {}", date.day(), date.year())
}

/// The kinds of personal data `find_personal_data` names (in English), in Welsh.
pub(super) fn personal_data(kind: &str) -> &str {
    match kind {
        "an e-mail address" => "cyfeiriad e-bost",
        "a phone number" => "rhif ffôn",
        "a National Insurance number" => "rhif Yswiriant Gwladol",
        "a full postcode" => "cod post llawn",
        "a named person" => "enw person",
        other => other,
    }
}

fn schema(description: String, keyword: &str) -> String {
    format!("{description} (allweddair sgema `{keyword}`)")
}

/// "Cam gweithredu 1.2", "Adran 2, cam gweithredu 3, carreg filltir 2", "Y cynllun, maes
/// teitl": from the whole to the part, so that no word mutates.
fn subject(place: &Place) -> String {
    let owner = match &place.owner {
        Owner::Plan => "Y cynllun".to_owned(),
        Owner::Section(section) => format!("Adran {section}"),
        Owner::Action(id) => format!("Cam gweithredu {id}"),
        Owner::ActionAt {
            action,
            section: Some(section),
        } => {
            format!("Adran {section}, cam gweithredu {action}")
        }
        Owner::ActionAt {
            action,
            section: None,
        } => format!("Cam gweithredu {action}"),
        Owner::Profile(pointer) if pointer.is_empty() => "Y proffil".to_owned(),
        Owner::Profile(pointer) => pointer.clone(),
    };
    match &place.part {
        None => owner,
        Some(Part::Field(field)) => format!("{owner}, maes {}", field_name(field)),
        Some(Part::Item(field, position)) => {
            format!("{owner}, {} {position}", singular(field))
        }
    }
}

/// The Welsh name of a field of the plan schema (its JSON name when it has none).
pub(super) fn field_name(field: &str) -> &str {
    match field {
        "title" => "teitl",
        "authority" => "awdurdod",
        "period" => "cyfnod",
        "as_of" => "dyddiad adrodd",
        "profile" => "proffil",
        "sections" => "adrannau",
        "actions" => "camau gweithredu",
        "id" => "rhif",
        "description" => "disgrifiad",
        "objective" => "amcan",
        "leads" => "arweinwyr",
        "partners" => "partneriaid",
        "outputs" => "allbynnau",
        "milestones" => "cerrig milltir",
        "status" => "statws",
        "categories" => "categorïau",
        "strategic_priorities" => "blaenoriaethau strategol",
        "outcomes" => "blaenoriaethau strategol a wasanaethir",
        "text" => "testun",
        "value" => "gwerth",
        "start" => "dechrau",
        "end" => "diwedd",
        "parsed" => "darlleniad",
        "idsAssigned" => "rhifau a roddwyd",
        "requirement" => "gofyniad",
        "evidence" => "tystiolaeth",
        "risk" => "risg",
        "severity" => "difrifoldeb",
        "likelihood" => "tebygolrwydd",
        "rating" => "sgôr risg",
        "rag" => "sgôr RAG",
        // "label" is Welsh too.
        other => other,
    }
}

/// One entry of a list field, as in "carreg filltir 2".
fn singular(field: &str) -> &str {
    match field {
        "sections" => "adran",
        "actions" => "cam gweithredu",
        "leads" => "arweinydd",
        "partners" => "partner",
        "outputs" => "allbwn",
        "milestones" => "carreg filltir",
        "categories" => "categori",
        "strategic_priorities" => "blaenoriaeth strategol",
        "outcomes" => "blaenoriaeth a wasanaethir",
        other => field_name(other),
    }
}

/// A JSON type: after "yn" (soft-mutated, "yn destun"), or as it stands ("nid testun").
fn json_type(kind: JsonType, after_yn: bool) -> &'static str {
    match (kind, after_yn) {
        (JsonType::Text, true) => "destun",
        (JsonType::Text, false) => "testun",
        (JsonType::List, _) => "rhestr",
        (JsonType::Object, true) => "wrthrych",
        (JsonType::Object, false) => "gwrthrych",
        (JsonType::Number, _) => "rhif",
        (JsonType::Boolean, true) => "wir neu gau",
        (JsonType::Boolean, false) => "gwir neu gau",
        (JsonType::Null, _) => "null",
        (JsonType::Other, true) => "fath arall",
        (JsonType::Other, false) => "math arall",
    }
}

/// What was expected, as the rest of "dylai fod ...".
fn expectation(expected: Expectation) -> &'static str {
    match expected {
        Expectation::Date => "yn ddyddiad ar y ffurf YYYY-MM-DD",
        Expectation::CategoryId => "yn ddynodydd categori fel `channel_panel`",
        Expectation::ProfileId => "yn ddynodydd proffil fel `la-2023`",
        Expectation::Format => "ar y ffurf ddisgwyliedig",
        Expectation::Period => {
            "yn label fel \"2017/18\" neu'n wrthrych â dyddiadau `start` ac `end`"
        }
        Expectation::Milestone => "yn destun fel \"Mawrth 2016\", neu'n wrthrych â'r `text` hwnnw",
        Expectation::Status => "yn destun fel \"On track\", neu'n wrthrych â `text` a `value`",
        Expectation::AllowedForm => "yn un o'r ffurfiau a ganiateir",
    }
}

/// Each rule's one-line summary in Welsh, by rule id, for the generated `pkg/rules.json`
/// (native only: the WASM module carries no rule documentation).
#[cfg(not(target_arch = "wasm32"))]
pub const RULE_SUMMARIES: &[(&str, &str)] = &[
    ("json-syntax", "Nid yw'r cynllun yn JSON dilys"),
    ("input-too-large", "Mae'r mewnbwn yn fwy nag y gall y gwiriwr ei dderbyn"),
    ("schema", "Nid yw'r cynllun yn cyd-fynd â sgema'r cynllun"),
    ("table-unreadable", "Nid oes modd darllen y tabl na'r llyfr gwaith"),
    ("table-no-header", "Ni chafwyd hyd i res pennawd sy'n enwi colofnau'r cynllun"),
    ("table-too-large", "Mae'r tabl yn fwy nag y mae'r mewnforiwr yn ei ddarllen; anwybyddwyd y gweddill"),
    ("sheet-unread", "Ni chafodd un o daflenni neu dablau'r ffeil ei ddarllen i'r cynllun"),
    ("formula-uncached", "Nid oes gwerth wedi'i gadw mewn cell fformiwla, felly fe'i darllenwyd yn wag"),
    ("cell-unmapped", "Ni ddarllenwyd cell nad yw'n wag i mewn i'r cynllun"),
    ("duplicate-id", "Mae dau gam gweithredu yn rhannu'r un rhif"),
    ("period-invalid", "Nid oes modd darllen cyfnod y cynllun, neu mae'n rhedeg am yn ôl"),
    ("lead-missing", "Nid oes gan gam gweithredu arweinydd"),
    ("action-missing", "Mae rhes yn cofnodi tystiolaeth, risg neu ofyniad ond dim cam gweithredu"),
    ("milestone-missing", "Nid oes gan gam gweithredu garreg filltir"),
    ("milestone-unparsed", "Nid oes modd darllen carreg filltir fel dyddiad"),
    ("milestone-vague", "Mae carreg filltir yn darged na ellir dal neb yn atebol iddo"),
    ("milestone-outside-period", "Mae carreg filltir y tu allan i gyfnod y cynllun"),
    ("milestone-range-reversed", "Mae ystod carreg filltir yn dod i ben cyn iddi ddechrau"),
    ("reference-unresolved", "Nid yw croesgyfeiriad yn enwi un o gamau gweithredu'r cynllun"),
    ("reference-direction", "Mae croesgyfeiriad yn dweud uchod ond yn pwyntio isod, neu i'r gwrthwyneb"),
    ("overdue", "Mae terfyn amser carreg filltir wedi mynd heibio ac nid yw'r cam gweithredu wedi'i gwblhau"),
    ("status-date-conflict", "Nid yw cam gweithredu wedi dechrau er bod ei garreg filltir wedi dechrau"),
    ("dependency-order", "Mae cam gweithredu i'w gyflawni cyn cam gweithredu y mae'n dibynnu arno"),
    ("personal-data", "Mae'r cynllun yn cynnwys data personol"),
    ("profile-unknown", "Nid yw'r proffil cwmpas yn broffil hysbys"),
    ("profile-invalid", "Nid yw'r proffil cwmpas a roddwyd yn ddilys"),
    ("profile-not-loaded", "Nid yw'r proffil cwmpas adeiledig wedi'i lwytho eto"),
    ("category-unknown", "Nid yw tag categori yn un o gategorïau'r proffil"),
    ("category-missing", "Nid oes cam gweithredu ar gyfer un o gategorïau gofynnol y ddyletswydd"),
    ("category-inferred", "Dim ond drwy gasgliad y mae categori gofynnol wedi'i gwmpasu"),
    ("milestone-slipped", "Mae carreg filltir wedi llithro eto, neu y tu hwnt i gyfnod y cynllun"),
    ("action-dropped-silently", "Tynnwyd cam gweithredu heb ei nodi'n gyflawn"),
    ("coverage-lost", "Nid yw categori gofynnol a oedd wedi'i gwmpasu o'r blaen wedi'i gwmpasu mwyach"),
];
