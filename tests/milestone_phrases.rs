//! Every milestone phrase of the seed plans and of the domain notes, plus the other ways
//! officers write dates, with what each must be read as; and properties that hold for any text.

use prevent_plan_check::milestone::{Direction, Kind, Precision, Recurrence, Timescale};
use prevent_plan_check::{parse_milestone, Date, Period};
use proptest::prelude::*;

/// (plan period, phrase, kind, start, end)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

const PHRASES: &[Row] = &[
    // seed 000: Haringey 2008-11
    ("2008-11", "To be completed by end of January 2009", "date", Some("2009-01-01"), Some("2009-01-31")),
    ("2008-11", "End of February 2009", "date", Some("2009-02-01"), Some("2009-02-28")),
    ("2008-11", "<ul style=\"list-style-type: none\"> Sept 2008 March 2009 ", "multiple", Some("2008-09-01"), Some("2009-03-31")),
    ("2008-11", "Officers Group to be developed Sept 2008 Community representatives to be in place by March 2009", "multiple", Some("2008-09-01"), Some("2009-03-31")),
    ("2008-11", "July 2009", "date", Some("2009-07-01"), Some("2009-07-31")),
    ("2008-11", "Sept 2009", "date", Some("2009-09-01"), Some("2009-09-30")),
    ("2008-11", "February 2009", "date", Some("2009-02-01"), Some("2009-02-28")),
    ("2008-11", "ongoing", "ongoing", None, None),
    ("2008-11", "Ongoing – reviewed annually", "recurring", None, None),
    ("2008-11", "Jan 2009", "date", Some("2009-01-01"), Some("2009-01-31")),
    ("2008-11", "Post Holder starts jan 2009", "date", Some("2009-01-01"), Some("2009-01-31")),
    ("2008-11", "April 2009", "date", Some("2009-04-01"), Some("2009-04-30")),
    ("2008-11", "Ongoing", "ongoing", None, None),
    ("2008-11", "Quarterly", "recurring", None, None),
    ("2008-11", "Quarterly monitoring returns", "recurring", None, None),
    ("2008-11", "Sept 08", "date", Some("2008-09-01"), Some("2008-09-30")),
    // seed 001: Haringey 2013-14
    ("2013-14", "Nov-13", "date", Some("2013-11-01"), Some("2013-11-30")),
    ("2013-14", "Oct-13", "date", Some("2013-10-01"), Some("2013-10-31")),
    ("2013-14", "Oct 2013 to Dec 2013", "range", Some("2013-10-01"), Some("2013-12-31")),
    ("2013-14", "Jan-14", "date", Some("2014-01-01"), Some("2014-01-31")),
    ("2013-14", "Mar-14", "date", Some("2014-03-01"), Some("2014-03-31")),
    ("2013-14", "Dec-13", "date", Some("2013-12-01"), Some("2013-12-31")),
    ("2013-14", "Sept 2013 - March 2014", "range", Some("2013-09-01"), Some("2014-03-31")),
    ("2013-14", "May 2013 & December 2013", "multiple", Some("2013-05-01"), Some("2013-12-31")),
    ("2013-14", "September 2013 to January 2014", "range", Some("2013-09-01"), Some("2014-01-31")),
    ("2013-14", "Nov 2013-Mar 2014", "range", Some("2013-11-01"), Some("2014-03-31")),
    ("2013-14", "2014", "date", Some("2014-01-01"), Some("2014-12-31")),
    ("2013-14", "Sept 2013 - Jan 2014", "range", Some("2013-09-01"), Some("2014-01-31")),
    ("2013-14", "Oct 2013, Feb & April 2014", "multiple", Some("2013-10-01"), Some("2014-04-30")),
    ("2013-14", "15th Oct", "date", Some("2013-10-15"), Some("2013-10-15")),
    ("2013-14", "Nov", "date", Some("2013-11-01"), Some("2013-11-30")),
    ("2013-14", "Review commenced in Sept.", "date", Some("2013-09-01"), Some("2013-09-30")),
    ("2013-14", "May", "date", Some("2013-05-01"), Some("2013-05-31")),
    ("2013-14", "Oct", "date", Some("2013-10-01"), Some("2013-10-31")),
    ("2013-14", "Feb", "date", Some("2014-02-01"), Some("2014-02-28")),
    // seed 002: Haringey scrutiny report 2016/17
    ("2016/17", "October 2016 – October 2017", "range", Some("2016-10-01"), Some("2017-10-31")),
    ("2016/17", "from October 2016 – October 2017", "range", Some("2016-10-01"), Some("2017-10-31")),
    ("2016/17", "February 2017", "date", Some("2017-02-01"), Some("2017-02-28")),
    ("2016/17", "2016/17", "date", Some("2016-04-01"), Some("2017-03-31")),
    ("2016/17", "Quarterly returns", "recurring", None, None),
    // seed 003: Harrow 2015-16
    ("2015-16", "January 2016", "date", Some("2016-01-01"), Some("2016-01-31")),
    ("2015-16", "Ongoing", "ongoing", None, None),
    ("2015-16", "March 2016 and annual review", "recurring", Some("2016-03-01"), Some("2016-03-31")),
    ("2015-16", "Council buildings and schools by March 2016", "date", Some("2016-03-01"), Some("2016-03-31")),
    ("2015-16", "All other publicly owned buildings by June 2016", "date", Some("2016-06-01"), Some("2016-06-30")),
    ("2015-16", "Council buildings and schools by March 2016 · All other publicly owned buildings by June 2016", "multiple", Some("2016-03-01"), Some("2016-06-30")),
    ("2015-16", "March 2016", "date", Some("2016-03-01"), Some("2016-03-31")),
    ("2015-16", "Annual update of list of contractors and organisations funded", "recurring", None, None),
    ("2015-16", "With effect from 1st January 2016", "open_ended", Some("2016-01-01"), None),
    ("2015-16", "Start of the summer term 2016", "date", Some("2016-04-15"), Some("2016-04-30")),
    ("2015-16", "January 2016 for production of guidance and arranging briefing of Head Teachers.", "date", Some("2016-01-01"), Some("2016-01-31")),
    ("2015-16", "Align other training with HSCB programme", "unparsed", None, None),
    ("2015-16", "January 2016 to share our risk assessment", "date", Some("2016-01-01"), Some("2016-01-31")),
    ("2015-16", "Safer Giving messaging already established", "none", None, None),
    ("2015-16", "Discussion with VCS Forum and VAH about messaging by February 2016", "date", Some("2016-02-01"), Some("2016-02-29")),
    ("2015-16", "When resources allow", "vague", None, None),
    ("2015-16", "See 9 above", "reference", None, None),
    ("2015-16", "From January 2016 and ongoing", "open_ended", Some("2016-01-01"), None),
    ("2015-16", "WRAP training programme already in place to be continued", "ongoing", None, None),
    ("2015-16", "To be aligned with Governors Support Unit but annually", "recurring", None, None),
    ("2015-16", "See 18 above", "reference", None, None),
    ("2015-16", "Safer Harrow to consider when list is available", "vague", None, None),
    ("2015-16", "As resources are available", "vague", None, None),
    ("2015-16", "Annually and Ongoing", "recurring", None, None),
    ("2015-16", "Report progress on Prevent to Safer Harrow quarterly", "recurring", None, None),
    ("2015-16", "Refresh list annually", "recurring", None, None),
    ("2015-16", "1 July 2015", "date", Some("2015-07-01"), Some("2015-07-01")),
    // seed 004: Cumbria 2015-16
    ("2015-16", "December 2015", "date", Some("2015-12-01"), Some("2015-12-31")),
    ("2015-16", "June 2016", "date", Some("2016-06-01"), Some("2016-06-30")),
    ("2015-16", "April 2016 onwards", "open_ended", Some("2016-04-01"), None),
    ("2015-16", "As and when concerns are expressed", "vague", None, None),
    // domain notes and the issue
    ("2016/17", "Sept. 2016", "date", Some("2016-09-01"), Some("2016-09-30")),
    ("2016/17", "01/2017", "date", Some("2017-01-01"), Some("2017-01-31")),
    ("2016/17", "31/03/2017", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2015-16", "25.04.15", "date", Some("2015-04-25"), Some("2015-04-25")),
    ("2016/17", "1st April 2017", "date", Some("2017-04-01"), Some("2017-04-01")),
    ("2025-26", "Complete by 30 Sept 2025", "date", Some("2025-09-30"), Some("2025-09-30")),
    ("2024-25", "Nov/Dec 2024", "multiple", Some("2024-11-01"), Some("2024-12-31")),
    ("2024-25", "Feb 2025 and Sept 2025", "multiple", Some("2025-02-01"), Some("2025-09-30")),
    ("2013-14", "2013-14", "date", Some("2013-04-01"), Some("2014-03-31")),
    ("2013-14", "2013/14", "date", Some("2013-04-01"), Some("2014-03-31")),
    ("2016/17", "Q3 2016/17", "date", Some("2016-10-01"), Some("2016-12-31")),
    ("2016/17", "Q2", "date", Some("2016-07-01"), Some("2016-09-30")),
    ("2013-14", "Q4", "date", Some("2014-01-01"), Some("2014-03-31")),
    ("2016/17", "Termly", "recurring", None, None),
    ("2016/17", "Annually", "recurring", None, None),
    ("2016/17", "twice a year", "recurring", None, None),
    ("2016/17", "TBC", "vague", None, None),
    ("2016/17", "As required", "vague", None, None),
    ("2016/17", "-", "none", None, None),
    ("2016/17", "", "none", None, None),
    ("2016/17", "complete", "none", None, None),
    ("2015-16", "March 2016 (revised from Dec 2015)", "date", Some("2016-03-01"), Some("2016-03-31")),
    ("2013-14", "Dec 2013 to Oct 2013", "range", Some("2013-10-01"), Some("2013-12-31")),
    ("2016", "early 2016", "date", Some("2016-01-01"), Some("2016-04-30")),
    ("2016", "mid-2016", "date", Some("2016-05-01"), Some("2016-08-31")),
    ("2016", "late 2016", "date", Some("2016-09-01"), Some("2016-12-31")),
    ("2016/17", "Easter 2016", "date", Some("2016-03-25"), Some("2016-03-28")),
    ("2016/17", "Christmas 2016", "date", Some("2016-12-25"), Some("2016-12-25")),
    ("2013-14", "between Oct and Dec 2013", "range", Some("2013-10-01"), Some("2013-12-31")),
    ("2016/17", "until March 2017", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "Summer 2016", "date", Some("2016-06-01"), Some("2016-08-31")),
    ("2016/17", "Autumn term 2016", "date", Some("2016-09-01"), Some("2016-12-31")),
    ("2016/17", "academic year 2016/17", "date", Some("2016-09-01"), Some("2017-07-31")),
    ("2016/17", "2016/17 academic year", "date", Some("2016-09-01"), Some("2017-07-31")),
    // other ways officers write dates
    ("2016/17", "By March 2017", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "By end March 2017", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "By 31st March 2017", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "March 31st 2017", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "March 31, 2017", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "31.03.17", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "31/3/17", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "31-Mar-17", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "31-Mar-2017", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "March '17", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "March 17", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "2017-03-31", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "2016-03-31 00:00:00", "date", Some("2016-03-31"), Some("2016-03-31")),
    ("2016/17", "42460", "date", Some("2016-03-31"), Some("2016-03-31")),
    ("2017/18", "Q1 2017/18", "date", Some("2017-04-01"), Some("2017-06-30")),
    ("2017/18", "Q4 17/18", "date", Some("2018-01-01"), Some("2018-03-31")),
    ("2017/18", "Quarter 2 2017-18", "date", Some("2017-07-01"), Some("2017-09-30")),
    ("2017/18", "Q1-Q2 2017/18", "range", Some("2017-04-01"), Some("2017-09-30")),
    ("2016/17", "Q1 & Q2", "multiple", Some("2016-04-01"), Some("2016-09-30")),
    ("2016/17", "By end of Q2", "date", Some("2016-09-01"), Some("2016-09-30")),
    ("2016/17", "End of Q4 2016/17", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2017/18", "2nd quarter 2017/18", "date", Some("2017-07-01"), Some("2017-09-30")),
    ("2017/18", "2017/18 Q1", "date", Some("2017-04-01"), Some("2017-06-30")),
    ("2017/18", "2017-2018", "date", Some("2017-04-01"), Some("2018-03-31")),
    ("2017/18", "2017 - 2018", "range", Some("2017-01-01"), Some("2018-12-31")),
    ("2017/18", "FY 2017/18", "date", Some("2017-04-01"), Some("2018-03-31")),
    ("2017/18", "Financial Year 2017/18", "date", Some("2017-04-01"), Some("2018-03-31")),
    ("2017/18", "During 2017/18", "date", Some("2017-04-01"), Some("2018-03-31")),
    ("2016/17", "End of financial year", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "Spring 2017", "date", Some("2017-03-01"), Some("2017-05-31")),
    ("2016/17", "Spring Term 2017", "date", Some("2017-01-01"), Some("2017-04-14")),
    ("2016/17", "Autumn Term", "date", Some("2016-09-01"), Some("2016-12-31")),
    ("2016/17", "By the end of the Autumn term", "date", Some("2016-12-01"), Some("2016-12-31")),
    ("2016/17", "Summer term 2015/16", "date", Some("2016-04-15"), Some("2016-07-31")),
    ("2016/17", "Spring 1", "date", Some("2017-01-01"), Some("2017-02-28")),
    ("2016/17", "Autumn 2016 - Spring 2017", "range", Some("2016-09-01"), Some("2017-05-31")),
    ("2017/18", "Sept 2017 onwards", "open_ended", Some("2017-09-01"), None),
    ("2017/18", "From Sept 2017", "open_ended", Some("2017-09-01"), None),
    ("2017/18", "Commencing Sept 2017", "open_ended", Some("2017-09-01"), None),
    ("2017/18", "Ongoing from April 2017", "open_ended", Some("2017-04-01"), None),
    ("2017/18", "April 2017 and ongoing", "open_ended", Some("2017-04-01"), None),
    ("2016/17", "Monthly", "recurring", None, None),
    ("2016/17", "Bi-monthly", "recurring", None, None),
    ("2016/17", "Six-monthly", "recurring", None, None),
    ("2016/17", "Every 6 weeks", "recurring", None, None),
    ("2016/17", "At each meeting", "recurring", None, None),
    ("2016/17", "Ongoing - quarterly review", "recurring", None, None),
    ("2016/17", "Twice yearly (May and November)", "recurring", Some("2016-05-01"), Some("2016-11-30")),
    ("2016/17", "Completed", "none", None, None),
    ("2016/17", "In place", "none", None, None),
    ("2016/17", "Completed March 2016", "date", Some("2016-03-01"), Some("2016-03-31")),
    ("2016/17", "N/A", "none", None, None),
    ("2016/17", "Not applicable", "none", None, None),
    ("2016/17", "Immediately", "vague", None, None),
    ("2016/17", "Within 3 months", "vague", None, None),
    ("2016/17", "Date TBC", "vague", None, None),
    ("2016/17", "Dates to be confirmed", "vague", None, None),
    ("2016/17", "Summer 2017 (tbc)", "date", Some("2017-06-01"), Some("2017-08-31")),
    ("2016/17", "Mid-March 2017", "date", Some("2017-03-11"), Some("2017-03-20")),
    ("2016/17", "Early Spring 2017", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "By Christmas", "date", Some("2016-12-25"), Some("2016-12-25")),
    ("2016/17", "End of 2017", "date", Some("2017-12-01"), Some("2017-12-31")),
    ("2017/18", "Sep 17 - Jul 18", "range", Some("2017-09-01"), Some("2018-07-31")),
    ("2016/17", "April – June 2017", "range", Some("2017-04-01"), Some("2017-06-30")),
    ("2016/17", "1st April – 30th June 2017", "range", Some("2017-04-01"), Some("2017-06-30")),
    ("2017/18", "01/04/2017 - 31/03/2018", "range", Some("2017-04-01"), Some("2018-03-31")),
    ("2016/17", "Jan/Feb 2017", "multiple", Some("2017-01-01"), Some("2017-02-28")),
    ("2016/17", "Nov-Feb 2017", "range", Some("2016-11-01"), Some("2017-02-28")),
    ("2016/17", "31st March", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "Sept/Oct", "multiple", Some("2016-09-01"), Some("2016-10-31")),
    ("2016/17", "Dec 2015/Jan 2016", "multiple", Some("2015-12-01"), Some("2016-01-31")),
    ("2016/17", "1-5 April 2017", "range", Some("2017-04-01"), Some("2017-04-05")),
    ("2016/17", "Monday 3rd April 2017", "date", Some("2017-04-03"), Some("2017-04-03")),
    ("2016/17", "w/c 13th March 2017", "date", Some("2017-03-13"), Some("2017-03-13")),
    ("2016/17", "Revised date: June 2016 (originally March 2016)", "date", Some("2016-06-01"), Some("2016-06-30")),
    ("2015-16", "Dec 2015 revised to March 2016", "date", Some("2016-03-01"), Some("2016-03-31")),
    ("2016/17", "As above", "reference", None, None),
    ("2016/17", "See action 3", "reference", None, None),
    ("2016/17", "Ditto", "reference", None, None),
    ("2016/17", "?", "vague", None, None),
    ("2016/17", "Staff may attend", "unparsed", None, None),
    ("2016/17", "Sept 2017 (start of academic year)", "date", Some("2017-09-01"), Some("2017-09-30")),
    // slips and further forms
    ("2016/17", "Decemebr 2016", "date", Some("2016-12-01"), Some("2016-12-31")),
    ("2016/17", "Feburary 2017", "date", Some("2017-02-01"), Some("2017-02-28")),
    ("2016/17", "Qtr 3 2016/17", "date", Some("2016-10-01"), Some("2016-12-31")),
    ("2016/17", "T.B.C.", "vague", None, None),
    ("2016/17", "Pending", "vague", None, None),
    ("2016/17", "6 months", "vague", None, None),
    ("2016/17", "Throughout the year", "ongoing", None, None),
    ("2017/18", "Throughout 2017/18", "date", Some("2017-04-01"), Some("2018-03-31")),
    ("2016/17", "See 9 (above)", "reference", None, None),
    ("2016/17", "Not yet started", "none", None, None),
    ("2016/17", "By the end of March", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "Annually in March", "recurring", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "Every April", "recurring", Some("2016-04-01"), Some("2016-04-30")),
    ("2013-14", "Mar 2014 - ongoing", "open_ended", Some("2014-03-01"), None),
    ("2016/17", "1.4.17", "date", Some("2017-04-01"), Some("2017-04-01")),
    ("2016/17", "Sept 16 - Mar 17", "range", Some("2016-09-01"), Some("2017-03-31")),
    ("2016/17", "Early Jan", "date", Some("2017-01-01"), Some("2017-01-10")),
    ("2016/17", "Autumn", "date", Some("2016-09-01"), Some("2016-11-30")),
    ("2016/17", "Summer school programme", "unparsed", None, None),
    ("2016/17", "Ongoing, reviewed at each meeting", "recurring", None, None),
    ("2016/17", "Quarterly (Jun, Sep, Dec, Mar)", "recurring", Some("2016-06-01"), Some("2017-03-31")),
    // spreadsheet exports, deadlines in sentences, revisions, references
    ("2016/17", "31/03/2016 00:00", "date", Some("2016-03-31"), Some("2016-03-31")),
    ("2016/17", "Thursday, 31 March 2016", "date", Some("2016-03-31"), Some("2016-03-31")),
    ("2016/17", "31st of March 2016", "date", Some("2016-03-31"), Some("2016-03-31")),
    ("2016/17", "Target: Q2", "date", Some("2016-07-01"), Some("2016-09-30")),
    ("2016/17", "Deadline - 31/03/16", "date", Some("2016-03-31"), Some("2016-03-31")),
    ("2016/17", "Sept 2016 – ongoing", "open_ended", Some("2016-09-01"), None),
    ("2016/17", "Ongoing until March 2017", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "Until further notice", "ongoing", None, None),
    ("2016/17", "Annual (March)", "recurring", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "3 times a year", "recurring", None, None),
    ("2016/17", "September each year", "recurring", Some("2016-09-01"), Some("2016-09-30")),
    ("2016/17", "31/03/17 (revised)", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2017/18", "June 2017 (was March 2017)", "date", Some("2017-06-01"), Some("2017-06-30")),
    ("2016/17", "No longer required", "none", None, None),
    ("2016/17", "As per 3.1", "reference", None, None),
    ("2016/17", "Linked to action 5", "reference", None, None),
    ("2017/18", "4/2017", "date", Some("2017-04-01"), Some("2017-04-30")),
    ("2017/18", "2017/04", "date", Some("2017-04-01"), Some("2017-04-30")),
    ("2020/21", "FY20/21", "date", Some("2020-04-01"), Some("2021-03-31")),
    ("2020/21", "2020-21 Q3", "date", Some("2020-10-01"), Some("2020-12-31")),
    ("2020/21", "Q3 20/21", "date", Some("2020-10-01"), Some("2020-12-31")),
    ("2016/17", "Winter 2016/17", "date", Some("2016-12-01"), Some("2017-02-28")),
    ("2017/18", "Early 2017/18", "date", Some("2017-04-01"), Some("2017-07-31")),
    ("2016/17", "No later than 31 March 2017", "date", Some("2017-03-31"), Some("2017-03-31")),
    ("2016/17", "NLT Mar 17", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "Q1-Q4", "range", Some("2016-04-01"), Some("2017-03-31")),
    ("2016/17", "Oct - Mar", "range", Some("2016-10-01"), Some("2017-03-31")),
    ("2016/17", "1 Oct – 31 Dec 2016", "range", Some("2016-10-01"), Some("2016-12-31")),
    ("2016/17", "Oct 31", "date", Some("2016-10-31"), Some("2016-10-31")),
    ("2016/17", "1 April, 2017", "date", Some("2017-04-01"), Some("2017-04-01")),
    ("2016/17", "Monthly from Jan 2017 to Dec 2017", "recurring", Some("2017-01-01"), Some("2017-12-31")),
    ("2016/17", "Quarterly from April 2016", "recurring", Some("2016-04-01"), None),
    ("2016/17", "Before the end of the 2016/17 financial year", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "March/April 2017", "multiple", Some("2017-03-01"), Some("2017-04-30")),
    ("2016/17", "1st and 2nd March 2017", "multiple", Some("2017-03-01"), Some("2017-03-02")),
    ("2016/17", "3-7 Oct", "range", Some("2016-10-03"), Some("2016-10-07")),
    ("2016/17", "Late 2016/early 2017", "multiple", Some("2016-09-01"), Some("2017-04-30")),
    ("2017/18", "Phase 1: by April 2017; Phase 2: by March 2018", "multiple", Some("2017-04-01"), Some("2018-03-31")),
    ("2016/17", "w/c 3/4/17", "date", Some("2017-04-03"), Some("2017-04-03")),
    // Welsh
    ("2016/17", "Mawrth 2017", "date", Some("2017-03-01"), Some("2017-03-31")),
    ("2016/17", "Yn flynyddol", "recurring", None, None),
    ("2016/17", "Parhaus", "ongoing", None, None),
    ("2016/17", "I'w gadarnhau", "vague", None, None),
];

fn parse(period: &str, text: &str) -> Timescale {
    parse_milestone(text, Period::parse(period))
}

#[test]
fn every_phrase_reads_as_expected() {
    let mut wrong = Vec::new();
    for &(period, text, kind, start, end) in PHRASES {
        let parsed = parse(period, text);
        let got = (
            parsed.kind.as_str(),
            parsed.start.map(|d| d.to_string()),
            parsed.end.map(|d| d.to_string()),
        );
        let expected = (kind, start.map(str::to_owned), end.map(str::to_owned));
        if got != expected {
            wrong.push(format!(
                "{text:?} in {period}: got {got:?}, expected {expected:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} phrases misread:\n{}",
        wrong.len(),
        PHRASES.len(),
        wrong.join("\n")
    );
}

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap_or_else(|| unreachable!("bad test date {text}"))
}

#[test]
fn recurrences() {
    let cases = [
        ("Weekly", Recurrence::Weekly),
        ("Fortnightly", Recurrence::Fortnightly),
        ("Monthly", Recurrence::Monthly),
        ("Bi-monthly", Recurrence::BiMonthly),
        ("Quarterly", Recurrence::Quarterly),
        ("Termly", Recurrence::Termly),
        ("Each term", Recurrence::Termly),
        ("twice a year", Recurrence::TwiceYearly),
        ("Bi-annually", Recurrence::TwiceYearly),
        ("Annually", Recurrence::Annually),
        ("Annually and Ongoing", Recurrence::Annually),
        ("Ongoing – reviewed annually", Recurrence::Annually),
    ];
    for (text, recurrence) in cases {
        let parsed = parse("2016/17", text);
        assert_eq!(
            (parsed.kind, parsed.recurrence),
            (Kind::Recurring, Some(recurrence)),
            "{text}"
        );
    }
    // The date says when the recurring work first falls due.
    let dated = parse("2015-16", "March 2016 and annual review");
    assert_eq!(
        (dated.kind, dated.recurrence),
        (Kind::Recurring, Some(Recurrence::Annually))
    );
    assert_eq!(
        dated.end.map(|end| end.to_string()).as_deref(),
        Some("2016-03-31")
    );
}

#[test]
fn references_keep_target_and_direction() {
    let parsed = parse("2015-16", "See 9 above");
    assert_eq!(
        (parsed.reference.as_deref(), parsed.direction),
        (Some("9"), Some(Direction::Above))
    );
    let parsed = parse("2015-16", "see action 3.2 below");
    assert_eq!(
        (parsed.reference.as_deref(), parsed.direction),
        (Some("3.2"), Some(Direction::Below))
    );
}

#[test]
fn deadline_inside_a_longer_phrase_has_its_span() {
    let text = "Council buildings and schools by March 2016";
    let parsed = parse("2015-16", text);
    let span = parsed.span.unwrap_or_else(|| unreachable!("no span"));
    assert_eq!(text.get(span.start..span.end), Some("March 2016"));
    assert!(
        parse("2015-16", "March 2016").span.is_none(),
        "a whole-cell date needs no span"
    );
}

#[test]
fn precision_and_approximation() {
    let cases = [
        ("1st April 2017", Precision::Day, false),
        ("Nov-13", Precision::Month, false),
        ("Q3 2016/17", Precision::Quarter, false),
        ("2013/14", Precision::Year, false),
        ("Autumn term 2016", Precision::Term, true),
        ("Start of the summer term 2016", Precision::Term, true),
        ("early 2016", Precision::Year, true),
    ];
    for (text, precision, approximate) in cases {
        let parsed = parse("2016/17", text);
        assert_eq!(
            (parsed.precision, parsed.approximate),
            (Some(precision), approximate),
            "{text}"
        );
    }
}

#[test]
fn revisions_keep_the_current_date() {
    let parsed = parse("2015-16", "March 2016 (revised from Dec 2015)");
    assert_eq!(parsed.end, Some(date("2016-03-31")));
    assert_eq!(
        parsed.revised_from.map(|interval| interval.end),
        Some(date("2015-12-31"))
    );
}

#[test]
fn reversed_ranges_are_flagged_but_ordered() {
    let parsed = parse("2013-14", "Dec 2013 to Oct 2013");
    assert!(parsed.reversed);
    assert_eq!(
        (parsed.start, parsed.end),
        (Some(date("2013-10-01")), Some(date("2013-12-31")))
    );
    assert!(!parse("2013-14", "Oct 2013 to Dec 2013").reversed);
}

#[test]
fn status_words_in_the_date_cell() {
    use prevent_plan_check::model::StatusValue;
    let parsed = parse("2015-16", "Safer Giving messaging already established");
    assert_eq!(
        (parsed.kind, parsed.status),
        (Kind::None, Some(StatusValue::Complete))
    );
}

#[test]
fn multiple_keeps_each_part_in_order_written() {
    let parsed = parse("2013-14", "Oct 2013, Feb & April 2014");
    let ends: Vec<String> = parsed
        .parts
        .iter()
        .map(|part| part.end.to_string())
        .collect();
    assert_eq!(ends, ["2013-10-31", "2014-02-28", "2014-04-30"]);
}

#[test]
fn years_left_out_come_from_the_period() {
    assert_eq!(parse("2013-14", "Oct").end, Some(date("2013-10-31")));
    assert_eq!(parse("2013-14", "Feb").end, Some(date("2014-02-28")));
    assert_eq!(
        parse_milestone("Oct", None).kind,
        Kind::Unparsed,
        "no period, no year"
    );
}

/// Words and marks dates are made of, to drive the parser into its grammar.
const VOCABULARY: &[&str] = &[
    "Nov",
    "March",
    "Sept.",
    "may",
    "2013",
    "14",
    "-",
    "–",
    "/",
    ".",
    "&",
    "and",
    "to",
    "from",
    "Q",
    "Q3",
    "2016/17",
    "2013-14",
    "1st",
    "31",
    "03",
    "'",
    "'16",
    "onwards",
    "ongoing",
    "See",
    "9",
    "above",
    "below",
    "term",
    "summer",
    "autumn",
    "spring",
    "early",
    "mid",
    "late",
    "end",
    "of",
    "the",
    "start",
    "between",
    "until",
    "revised",
    "from",
    "(",
    ")",
    "Easter",
    "Christmas",
    "quarterly",
    "annually",
    "TBC",
    "financial",
    "year",
    "academic",
    "99999",
    "4294967296",
    "00",
    "0",
    "<",
    ">",
    "&amp;",
    "Monday",
    "quarter",
    "fy",
    "é",
    "日本",
    "\u{2014}",
    "now",
    "was",
    "42460",
];

fn soup() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..14),
        proptest::collection::vec(proptest::sample::select(&[" ", "", "  ", "\t"][..]), 14),
    )
        .prop_map(|(words, gaps)| {
            words
                .iter()
                .zip(gaps.iter().cycle())
                .map(|(word, gap)| format!("{word}{gap}"))
                .collect()
        })
}

fn check_invariants(text: &str, parsed: &Timescale) -> Result<(), TestCaseError> {
    if let (Some(start), Some(end)) = (parsed.start, parsed.end) {
        prop_assert!(start <= end, "{text:?}: start {start} after end {end}");
    }
    for part in &parsed.parts {
        prop_assert!(part.start <= part.end, "{text:?}: part runs backwards");
    }
    if let Some(span) = parsed.span {
        prop_assert!(
            text.get(span.start..span.end).is_some(),
            "{text:?}: span {span:?} off a char boundary"
        );
    }
    let dated = matches!(
        parsed.kind,
        Kind::Date | Kind::Range | Kind::Multiple | Kind::OpenEnded
    );
    if dated {
        prop_assert!(
            parsed.start.is_some(),
            "{text:?}: dated kind without a start"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_any_text(chars in proptest::collection::vec(any::<char>(), 0..80)) {
        let text: String = chars.into_iter().collect();
        for period in [None, Period::parse("2013-14")] {
            let parsed = parse_milestone(&text, period);
            check_invariants(&text, &parsed)?;
        }
    }

    #[test]
    fn never_panics_on_date_like_text(text in soup()) {
        for period in [None, Period::parse("2016/17"), Period::parse("2008-11")] {
            let parsed = parse_milestone(&text, period);
            check_invariants(&text, &parsed)?;
        }
    }
}

#[test]
fn long_input_costs_linear_time() {
    let unit = "Nov 2013 - Mar 2014, until See 9 above & Q3 2016/17 (revised from Dec 2015) < TBC ";
    let (short, long) = (unit.repeat(200), unit.repeat(2000));
    let once = |text: &str| {
        let started = std::time::Instant::now();
        let parsed = parse_milestone(text, Period::parse("2013-14"));
        assert!(parsed.start <= parsed.end || parsed.end.is_none());
        started.elapsed()
    };
    // The fastest of many runs, the two sizes taking turns, so that other tests and builds
    // sharing the cores slow both alike instead of one (it failed under a load of 7 when
    // each size ran five times in a row).
    let (mut small, mut large) = (std::time::Duration::MAX, std::time::Duration::MAX);
    for _ in 0..15 {
        small = small.min(once(&short));
        large = large.min(once(&long));
    }
    let small = small.max(std::time::Duration::from_micros(20));
    // Ten times the text may cost ten times as long, with slack for noise; quadratic would be 100x.
    assert!(
        large < small * 40,
        "200 units: {small:?}, 2000 units: {large:?}"
    );
}

/// `cargo test --release --test milestone_phrases -- --ignored --nocapture`
#[test]
#[ignore = "measurement, run in release"]
fn throughput() {
    let rounds = 2000;
    let periods: Vec<Option<Period>> = PHRASES.iter().map(|row| Period::parse(row.0)).collect();
    let started = std::time::Instant::now();
    let mut dated = 0usize;
    for _ in 0..rounds {
        for (row, period) in PHRASES.iter().zip(&periods) {
            dated += usize::from(parse_milestone(row.1, *period).end.is_some());
        }
    }
    let elapsed = started.elapsed();
    let phrases = rounds * PHRASES.len();
    println!(
        "{phrases} phrases in {elapsed:?}: {:.0} phrases/s, {:.2} us/phrase ({dated} dated)",
        phrases as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / phrases as f64
    );
}
