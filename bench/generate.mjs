// Deterministic generator of realistic Prevent delivery plans for the benchmarks.
//
// The same seed always gives the same plan, so Node and the native criterion bench
// (which reads the files written by `node bench/generate.mjs`) measure identical input.
// Text is drawn from the wording of real plans (see /work/shared/domain.md and the seeds):
// every milestone form councils write, leads by role, partners, and progress notes.
//
// Usage: node bench/generate.mjs [OUT_DIR]   writes plan-10.json ... plan-10000.json
//        (default target/bench)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIZES = [10, 100, 1000, 10000];
const SEED = 0x5eed_2015;
const ACTIONS_PER_SECTION = 12;

/** mulberry32: small, fast, and good enough to vary text; not for anything secret. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTION_TITLES = [
  'Issue / Risk {n} - Joint strategic governance / management',
  'OBJECTIVE {n}: Ensure effective partnership arrangements are in place',
  'Priority: Partnership Working',
  'Priority: Leadership',
  'Priority: Capability',
  'Governance',
  'Risk assessment and the Counter-Terrorism Local Profile',
  'Training and awareness',
  'Channel and referral pathways',
  'Reducing permissive environments',
  'Communications and community engagement',
  'Schools, education and out-of-school settings',
];

const VERBS = [
  'Deliver', 'Review', 'Refresh', 'Establish', 'Coordinate', 'Develop', 'Agree', 'Publish',
  'Embed', 'Monitor', 'Commission', 'Map', 'Raise awareness of', 'Nominate a chair for',
  'Audit', 'Update', 'Promote', 'Evaluate', 'Circulate', 'Implement',
];

const OBJECTS = [
  'WRAP (Workshop to Raise Awareness of Prevent) training for frontline staff',
  'the Prevent e-learning module for all new starters as part of induction',
  'the Counter-Terrorism Local Profile (CTLP) with partners on the Prevent board',
  'the situational analysis and a shared view of the risks in the borough',
  'the Prevent delivery plan and terms of reference of the steering group',
  'a referral pathway so that staff know how to raise a concern',
  'the Channel panel, its support plans and links to intervention providers',
  'the venue hire and lettings policy for council premises and community buildings',
  'an external and visiting speakers protocol for events held in council buildings',
  'web filtering on public access computers in libraries',
  'Prevent clauses in new contracts, procurement and grant funding agreements',
  'due diligence checks on organisations applying for community grants',
  'a communications plan with myth-busting messages on the council web page',
  'engagement with faith groups, mosques, churches and community organisations',
  'hate crime reporting centres and third-party reporting arrangements',
  'the safeguarding policies of supplementary schools, tuition centres and madrassahs',
  'information on Prevent to children\'s homes, fostering agencies and early years settings',
  'Prevent briefings for elected members and senior officers',
  'the Community Safety Partnership\'s oversight of Prevent delivery',
  'links with the Adults and Children Safeguarding Boards',
  'secure email accounts for members of the Prevent delivery group',
  'the annual Prevent assurance return and Channel assurance statement',
];

const QUALIFIERS = [
  '', '', '',
  ' across the county',
  ' in partnership with the police Prevent team',
  ' and report progress to the Prevent board',
  ', ensuring vulnerable adults and young people are included',
  ' so that activity is not delivered in isolation',
  ' in line with the Prevent duty guidance',
  '. Partners to participate in monitoring and evaluation of Prevent delivery.',
  ' and benchmark against neighbouring authorities',
];

const LEADS = [
  'Prevent Coordinator', 'Head of Community Safety', 'Chair of the Prevent Delivery Group',
  'Channel Panel Chair', 'Designated Safeguarding Lead', 'Police Prevent Engagement Officer',
  'Communications Manager', 'Head of Procurement', 'Facilities Manager',
  'Learning & Development Manager', 'Schools Safeguarding Officer', 'Community Cohesion Officer',
  'Prevent Project Officer', 'Head of Libraries', 'Licensing Manager',
];

const PARTNERS = [
  'Police', 'Health', 'Probation', 'Schools', 'FE colleges', 'Youth Offending Service',
  'Voluntary and community sector', 'Faith groups', 'Clinical Commissioning Group',
  'Fire and Rescue Service', 'Local Safeguarding Children Board', 'Housing providers',
  'Home Office Prevent Advisor', 'Students\' union',
];

const OUTPUTS = [
  'Number of staff trained', 'Terms of reference agreed', 'Plan published on the intranet',
  'Referral form in use', 'Quarterly report to the Community Safety Partnership',
  'Lettings policy updated', 'Contracts include a Prevent clause',
];

const STATUSES = [
  'On track', 'On target to be completed', 'Complete', 'has been delivered',
  'Orders placed - awaiting delivery', 'Will begin to plan when steering group is in place',
  'Staff changes have delayed this element', 'This has been challenging',
  'already in place to be continued', '', 'Green', 'Amber', 'Red',
  '5 meetings held in 2012-13, last meeting held in May. Dates for 2013-14 meetings TBC with Chair.',
];

const STATUS_VALUES = ['not_started', 'on_track', 'at_risk', 'delayed', 'complete', 'ongoing', 'unknown'];

const CATEGORIES = [
  'partnership', 'risk_assessment', 'partnership_plan', 'referral_pathway', 'channel_panel',
  'training', 'permissive_environments', 'communications_engagement',
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const TERMS = ['autumn', 'spring', 'summer'];

/** Builds one plan of `actions` actions; the same arguments always give the same plan. */
export function generatePlan(actions, seed = SEED) {
  const random = prng(seed ^ actions);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const some = (list, max) => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(list)))];
  const two = (n) => String(n % 100).padStart(2, '0');
  const startYear = 2013 + Math.floor(random() * 10);
  // A month inside the plan period (financial year startYear/startYear+1) or just after it.
  const when = () => {
    const offset = Math.floor(random() * 15);
    return { month: (3 + offset) % 12, year: startYear + Math.floor((3 + offset) / 12) };
  };
  const day = () => 1 + Math.floor(random() * 28);
  const ordinal = (d) => `${d}${[, 'st', 'nd', 'rd'][d % 10 > 3 || Math.floor(d / 10) === 1 ? 0 : d % 10] ?? 'th'}`;

  // One generator per milestone kind in domain.md; drawn uniformly so every kind is measured.
  const MILESTONES = [
    () => { const w = when(); return `${SHORT[w.month]} ${two(w.year)}`; },
    () => { const w = when(); return `${SHORT[w.month].slice(0, 3)}-${two(w.year)}`; },
    () => { const w = when(); return `${MONTHS[w.month]} ${w.year}`; },
    () => { const w = when(); return `${SHORT[w.month]}. ${w.year}`; },
    () => { const w = when(); return `${String(w.month + 1).padStart(2, '0')}/${w.year}`; },
    () => { const w = when(); return `${two(day())}/${String(w.month + 1).padStart(2, '0')}/${w.year}`; },
    () => { const w = when(); return `${two(day())}.${String(w.month + 1).padStart(2, '0')}.${two(w.year)}`; },
    () => { const w = when(); return `${ordinal(day())} ${MONTHS[w.month]} ${w.year}`; },
    () => { const w = when(); return `To be completed by end of ${MONTHS[w.month]} ${w.year}`; },
    () => { const w = when(); return `Complete by ${day()} ${SHORT[w.month]} ${w.year}`; },
    () => { const w = when(); return `Council buildings and schools by ${MONTHS[w.month]} ${w.year}`; },
    () => { const a = when(); return `${SHORT[a.month].slice(0, 3)} ${a.year} to ${SHORT[(a.month + 2) % 12].slice(0, 3)} ${a.year + (a.month > 9 ? 1 : 0)}`; },
    () => { const a = when(); return `${SHORT[a.month]} ${a.year} - ${MONTHS[(a.month + 6) % 12]} ${a.year + (a.month > 5 ? 1 : 0)}`; },
    () => { const a = when(); return `${SHORT[a.month].slice(0, 3)} ${a.year}-${SHORT[(a.month + 4) % 12].slice(0, 3)} ${a.year + (a.month > 7 ? 1 : 0)}`; },
    () => { const a = when(); return `${MONTHS[a.month]} ${a.year} & ${MONTHS[(a.month + 7) % 12]} ${a.year + (a.month > 4 ? 1 : 0)}`; },
    () => { const a = when(); return `${SHORT[a.month].slice(0, 3)}/${SHORT[(a.month + 1) % 12].slice(0, 3)} ${a.year}`; },
    () => { const a = when(); return `${SHORT[a.month].slice(0, 3)} ${a.year} and ${SHORT[(a.month + 7) % 12]} ${a.year + 1}`; },
    () => `${startYear}/${two(startYear + 1)}`,
    () => `${startYear}-${two(startYear + 1)}`,
    () => `Q${1 + Math.floor(random() * 4)} ${startYear}-${two(startYear + 1)}`,
    () => `Start of the ${pick(TERMS)} term ${startYear + 1}`,
    () => { const term = pick(TERMS); return `${term[0].toUpperCase()}${term.slice(1)} term ${startYear}`; },
    () => { const w = when(); return `${MONTHS[w.month]} ${w.year} onwards`; },
    () => { const w = when(); return `With effect from ${ordinal(day())} ${MONTHS[w.month]} ${w.year}`; },
    () => { const w = when(); return `From ${MONTHS[w.month]} ${w.year} and ongoing`; },
    () => pick(['Quarterly', 'Annually', 'Termly', 'twice a year', 'Annually and Ongoing', 'Monthly']),
    () => { const w = when(); return `${MONTHS[w.month]} ${w.year} and annual review`; },
    () => pick(['Ongoing', 'ongoing', 'On-going']),
    () => pick(['When resources allow', 'As and when concerns are expressed', 'TBC', 'To be agreed']),
    () => `See ${1 + Math.floor(random() * 9)} above`,
    () => SHORT[when().month],
    () => `${ordinal(day())} ${SHORT[when().month]}`,
    () => 'already established',
  ];

  const sections = [];
  for (let done = 0, s = 1; done < actions; s += 1) {
    const count = Math.min(ACTIONS_PER_SECTION, actions - done);
    const list = [];
    for (let a = 1; a <= count; a += 1) {
      const action = {
        id: `${s}.${a}`,
        description: `${pick(VERBS)} ${pick(OBJECTS)}${pick(QUALIFIERS)}`,
        leads: chance(0.97) ? [pick(LEADS), ...some(LEADS, 1)].filter((lead, i, all) => all.indexOf(lead) === i) : [],
        partners: some(PARTNERS, 3),
        milestones: chance(0.97) ? Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(MILESTONES)()) : [],
      };
      if (chance(0.3)) action.outputs = [pick(OUTPUTS)];
      if (chance(0.2)) action.categories = [pick(CATEGORIES)];
      action.status = chance(0.15) ? { text: pick(STATUSES), value: pick(STATUS_VALUES) } : pick(STATUSES);
      list.push(action);
    }
    const title = pick(SECTION_TITLES).replace('{n}', String(s));
    sections.push({ id: String(s), title, actions: list });
    done += count;
  }
  return {
    title: `Prevent Delivery Plan ${startYear}-${two(startYear + 1)}`,
    authority: 'Example Borough Council',
    period: `${startYear}/${two(startYear + 1)}`,
    as_of: `${startYear + 1}-01-15`,
    sections,
  };
}

/** Every milestone phrase of a plan, in order (what a JS pipeline would feed chrono-node). */
export function milestonePhrases(plan) {
  return plan.sections.flatMap((section) => section.actions.flatMap((action) => action.milestones));
}

/** Writes plan-N.json for every benchmark size into `dir`; returns the paths. */
export function writePlans(dir) {
  mkdirSync(dir, { recursive: true });
  return SIZES.map((size) => {
    const path = join(dir, `plan-${size}.json`);
    writeFileSync(path, JSON.stringify(generatePlan(size)));
    return path;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../target/bench/', import.meta.url));
  for (const path of writePlans(dir)) console.log(path);
}
