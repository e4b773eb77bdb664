import type { CellValue, IsoDate } from '../domain/cell.js';
import { addDays } from '../domain/dates/calendar.js';
import { isoDateToSerial } from '../domain/dates/timescale.js';
import type { ActionField } from '../domain/register/fields.js';
import type { ActionStatus } from '../domain/register/vocabulary.js';
import {
  financialYear,
  financialYearStart,
  monthEnd,
  monthRange,
  monthShortYear,
  monthYear,
  ordinalDate,
  shiftYears,
  slashed,
} from './date-styles.js';

/** One action of the sample register: its cells, and what its Timescale text is meant to say. */
export interface SampleAction {
  cells: Record<ActionField, CellValue>;
  /** The milestones the Timescale cell means, in the order written; empty for "TBC" and "Ongoing". */
  timescaleMeans: IsoDate[];
  /** The explicit Target date, set only where the date has slipped; null where the Timescale drives. */
  targetDate: IsoDate | null;
}

type Piece = string | { text: string; date: IsoDate };

interface Timescale {
  text: string;
  means: IsoDate[];
}

interface Entry {
  action: string;
  lead: string;
  coDependencies?: string;
  resources?: string;
  successCriteria: string;
  timescale: Timescale;
  slipped?: { original: IsoDate; target: IsoDate; times: number };
  status: ActionStatus;
  progress: number;
  note: string;
  updatedDaysAgo: number;
  linkedRisks?: string;
}

/** A Timescale cell from text and dated pieces, remembering the dates the pieces stand for. */
function timescale(...pieces: Piece[]): Timescale {
  const text = pieces.map((piece) => (typeof piece === 'string' ? piece : piece.text)).join('');
  const dates = pieces.flatMap((piece) => (typeof piece === 'string' ? [] : [piece.date]));
  return { text, means: [...new Set(dates)] };
}

const on = (date: IsoDate, format: (date: IsoDate) => string): Piece => ({ text: format(date), date });
const short = (date: IsoDate): string => monthYear(date, 'short');
const long = (date: IsoDate): string => monthYear(date, 'long');
const fyPiece = (fy: { label: string; end: IsoDate }): Piece => ({ text: fy.label, date: fy.end });
const yearPiece = (year: number): Piece => ({ text: String(year), date: `${year}-12-31` });

const WITHIN_BUDGET = 'Within budget strategy';
const INTELLIGENCE = 'improved commissioning intelligence, more effective decision making';
const HEAD_OF_ASS = "Head of Adult's Services";

/** Seed 002, Appendix A: the Leicester commissioning implementation plan. */
function commissioningPlan(today: IsoDate): Entry[] {
  const me = (months: number): IsoDate => monthEnd(today, months);
  const d = (days: number): IsoDate => addDays(today, days);
  const [lastFy, thisFy, nextFy] = [financialYear(today, -1), financialYear(today, 0), financialYear(today, 1)];
  // The seed's "Moving On Project ... by 2014", four years on from its 2010.
  const movingOnYear = financialYearStart(today) + 4;
  return [
    {
      action:
        'Improving access to psychological therapies > Strengthen partnership > Roll out IAPT > Change contract > Evaluate service > Implement business case for psychological therapies > Bring level 4 & 5 into stepped care model',
      lead: 'Lead Commissioner (PCT)',
      coDependencies: 'LPT Vol sector partners Clinical engagement',
      resources: 'Within existing investment for IAPT Business case target £255k savings',
      successCriteria: 'Improved access to therapies Improved recovery and prevention of crises',
      timescale: timescale(
        'IAPT roll out by ',
        on(me(-2), short),
        ' service evaluation ',
        on(me(3), short),
        ' Business case implemented ',
        fyPiece(nextFy),
        ' Stepped care model ',
        fyPiece(nextFy),
      ),
      status: 'In progress',
      progress: 60,
      note: 'Roll-out complete in all practices; evaluation questionnaire out to GPs',
      updatedDaysAgo: 9,
      linkedRisks: 'R-8',
    },
    {
      action:
        'Redesign crisis intervention > Identify barriers > Identify model of best practice > Develop a care pathway that integrates health and social care to meet all needs > Develop new service spec > Assess market capacity',
      lead: 'Lead commissioner',
      coDependencies: 'LPT Vol Sector',
      resources: 'Within existing resources',
      successCriteria:
        'prevent people from requiring admission to hospital and maintain support them safely within the community',
      timescale: timescale(fyPiece(thisFy)),
      status: 'In progress',
      progress: 30,
      note: 'Barriers workshop held with LPT; best-practice models being compared',
      updatedDaysAgo: 15,
      linkedRisks: 'R-6',
    },
    {
      action: 'The development of an enablement service for all new service users referred to MH services',
      lead: 'Planning officer & ASC lead',
      coDependencies: 'Redesign of community health services to re-focus therapy services; Engagement of LPT Advocacy;',
      resources:
        'Develop within existing resources within integrated community team and home care – investment in 1 wte OT shared with Moving On (SL) Project',
      successCriteria:
        'More people accessing universal services; fewer people receiving RAS funded package; Care packages cost less;',
      timescale: timescale(
        'Model developed by end ',
        on(me(2), monthShortYear),
        '. Staff training ',
        { text: monthRange(me(4), me(7)), date: me(7) },
        ' Implementation ',
        fyPiece(financialYear(me(7))),
      ),
      status: 'In progress',
      progress: 15,
      note: 'OT post agreed with the Moving On project; model being drafted',
      updatedDaysAgo: 21,
      linkedRisks: 'R-4',
    },
    {
      action:
        'Remodel Residential Care based on an enablement approach > Develop new Pathway for entering res care > Develop new Pathway for leaving res care > Develop new Service Spec and revise & reissue contracts and bandings > Develop and agree policy relating to out of area residents accessing community services (with LD) > Develop strategy for managing residential market to mitigate impact of inwards migration to fill released capacity (with LD) > Engage providers and retrain res care staff',
      lead: 'ASC lead/Planning officer',
      coDependencies:
        'Engagement of existing res care providers in new way of working. Development of Enablement Service above to provide in reach support. Contracts capacity and input; Regional and County links',
      resources:
        'Within existing resources other than funding to retrain residential care staff (will need to support providers); Reduction in spend on residential care',
      successCriteria:
        'Achieve targets to move people on from existing residential placements over the next 3 years, with commensurate 50% reduction in beds – thus resulting in fewer new admissions to res care; and shorter lengths of stay;',
      timescale: timescale(
        'Moving On Project to deliver by ',
        yearPiece(movingOnYear),
        ' Pathways developed by end ',
        on(me(-1), monthShortYear),
        '. New service spec and contracts developed during ',
        fyPiece(nextFy),
        ' and issued from ',
        on(addDays(nextFy.end, 1), ordinalDate),
        '.',
      ),
      status: 'Blocked',
      progress: 20,
      note: 'Pathways drafted; the service spec waits for contracts team capacity',
      updatedDaysAgo: 8,
      linkedRisks: 'R-4, R-13',
    },
    {
      action:
        'Develop more supported living options and move on existing residents > Moving On Project (SL Pilot) > Develop pathway for accessing housing options > Develop SL model and specifications > Develop new contractual processes to replace block contract approach > Commission floating support services > Review current high cost SL packages, using Care Funding Calculator and renegotiating existing contracts/retendering',
      lead: 'ASC Lead & Housing lead',
      coDependencies:
        '(via SL Project Board) Housing; Access to Advocacy, Welfare Rights & enablement Access to primary care and community health services including outreach Contracts input; Care Pathways Personal budgets (& RAS) Supporting People',
      resources: 'Moving on team requires investment (spend to save) to deliver cashable savings in future years',
      successCriteria:
        'Improved quality of life outcomes; increased independence; maximised life opportunities of both service users and carers; Achieve targets to move people on from existing residential placements as outlined above; fewer new admissions to res care; shorter lengths of stay in res care; more people supported to live at home. Services delivering better value for money and greater efficiency.',
      timescale: timescale(
        'SL model developed and approved by end of ',
        on(me(-1), (date) => monthShortYear(date, 'long')),
        '; Pathways developed by end ',
        on(me(2), monthShortYear),
        '; New floating support services commissioned by end ',
        fyPiece(nextFy),
        ' (linked to moving on project); Moving On project completed by ',
        yearPiece(movingOnYear),
        '; Existing services reviewed and, where necessary, re-tendered during ',
        fyPiece(thisFy),
        '; new contracts issued ',
        on(`${nextFy.endYear}-04-30`, long),
        '.',
      ),
      status: 'In progress',
      progress: 35,
      note: 'SL model approved at the SL Project Board; pathway work under way with Housing',
      updatedDaysAgo: 5,
      linkedRisks: 'R-10, R-11',
    },
    {
      action:
        'next phase of remodelling in-house Social Inclusion Team to continue development of flexible 24/7 services, supported employment and better market mix > Refresh service spec > Decide procurement route',
      lead: 'Planning Officer',
      coDependencies: 'development and ability of vol sector',
      resources: 'existing budget into personal budgets and in line with overall PCT and LA budget strategy',
      successCriteria:
        'supported appropriately through accessing universal services and low level targeted community services; more people in or moving towards employment; implementation of workforce changes and resolution of issues; Improved quality of life outcomes; increased independence; maximised life opportunities of both service users and carers;',
      timescale: timescale(
        'action plan in place by ',
        on(d(1), ordinalDate),
        '; Complete delivery by ',
        on(nextFy.end, short),
        '.',
      ),
      status: 'In progress',
      progress: 80,
      note: 'Action plan drafted; goes to the Transformation Group for sign-off',
      updatedDaysAgo: 2,
    },
    {
      action: 'To improve data accuracy, and performance monitoring',
      lead: '',
      coDependencies: 'Data systems; IT; performance management;',
      resources: WITHIN_BUDGET,
      successCriteria: INTELLIGENCE,
      timescale: timescale(fyPiece(lastFy)),
      status: 'Not started',
      progress: 0,
      note: 'No lead named in the plan; needs an owner before work can start',
      updatedDaysAgo: 44,
      linkedRisks: 'R-3',
    },
    {
      action: 'Development of quality monitoring and QA processes, especially for social care',
      lead: 'Commissioning leads',
      coDependencies:
        'better co-ordination of quality related information; contractual requirements relating to customer feedback and quality audits',
      resources: WITHIN_BUDGET,
      successCriteria: INTELLIGENCE,
      timescale: timescale('Ongoing'),
      status: 'In progress',
      progress: 50,
      note: 'Quarterly quality audits running; customer feedback clause added to new contracts',
      updatedDaysAgo: 13,
    },
    {
      action: 'Put in place a Market Development Plan,',
      lead: 'Transformation Group on Market Development',
      coDependencies: 'Contracting, contract monitoring, procurement',
      resources: WITHIN_BUDGET,
      successCriteria: 'Improved market capacity; better partnership working with providers; mitigation of risks.',
      timescale: timescale(fyPiece(thisFy)),
      status: 'Not started',
      progress: 0,
      note: 'Provider engagement event still to be booked',
      updatedDaysAgo: 30,
      linkedRisks: 'R-11',
    },
    {
      action: 'Put in place a workforce development plan',
      lead: 'Head of workforce development',
      coDependencies: 'Working with independent sector, LPT and in-house services',
      resources: WITHIN_BUDGET,
      successCriteria: 'Workforce skilled up to meet future demands, improved recruitment and retention,',
      timescale: timescale(fyPiece(lastFy)),
      slipped: { original: lastFy.end, target: d(10), times: 3 },
      status: 'In progress',
      progress: 40,
      note: 'Slipped a third time: the independent-sector training partner withdrew, so training is being re-procured',
      updatedDaysAgo: 6,
      linkedRisks: 'R-12',
    },
  ];
}

/** Seed 001: Kent's "High Risk, High Profile" projects, with their accountable managers. */
function highProfileProjects(today: IsoDate): Entry[] {
  const me = (months: number): IsoDate => monthEnd(today, months);
  const d = (days: number): IsoDate => addDays(today, days);
  const project = (
    action: string,
    lead: string,
    successCriteria: string,
    due: Piece,
    rest: Omit<Entry, 'action' | 'lead' | 'successCriteria' | 'timescale'>,
  ): Entry => ({ action, lead, successCriteria, timescale: timescale(due), ...rest });
  return [
    project(
      'Mental Health Personalisation Development Project',
      'Paul Absolon',
      'Care pathway developed for personalised care in MH Social Care',
      on(me(3), short),
      {
        status: 'In progress',
        progress: 45,
        note: 'Draft care pathway out for consultation with service users',
        updatedDaysAgo: 11,
      },
    ),
    project(
      'Swale Horizons Project completed',
      'Sue Scamell',
      '8 units of MH supported Housing in Partnership with SBC',
      on(me(-5), long),
      { status: 'Done', progress: 100, note: 'All 8 units let and handed over to SBC', updatedDaysAgo: 18 },
    ),
    project(
      'Reprovision of informal day services in Thanet',
      'D. Woodward',
      'Socially Inclusive Service for MH Service users.',
      on(me(-5), short),
      {
        status: 'In progress',
        progress: 70,
        note: 'Two of three venues open; the lease for the third is still with legal',
        updatedDaysAgo: 27,
      },
    ),
    project(
      'Develop Personalisation In Primary Care with PCT partners',
      'Paul Absolon',
      'Joint arrangements for delivering personalised MH social care in Primary Care Settings.',
      on(me(-1), long),
      {
        slipped: { original: me(-1), target: me(2), times: 1 },
        status: 'In progress',
        progress: 55,
        note: 'Moved to the end of January: GP practice sign-up slower than planned',
        updatedDaysAgo: 15,
      },
    ),
    project(
      'Review Safeguarding Arrangements for MH Social Care Service Users for Adults and Children.',
      'D.Woodward/ Derek Seymour.',
      'Improved Awareness of Safeguarding Procedures for KMPT staff',
      on(d(7), ordinalDate),
      { status: 'In progress', progress: 65, note: 'Awareness sessions booked for all KMPT teams', updatedDaysAgo: 10 },
    ),
    project(
      'Joint Training Project for MH Employment Support Services in East Kent.',
      'D.Woodward',
      'All Key Staff Trained in Individual Placement Support Model',
      on(me(-9), short),
      { status: 'Done', progress: 100, note: 'All key staff trained in the IPS model', updatedDaysAgo: 40 },
    ),
    project(
      'Roll Out of Improving Access To Psychological Services Programme',
      'L.kavanagh',
      'Increased Access To Counselling in Primary Care',
      on(d(0), slashed),
      {
        status: 'In progress',
        progress: 90,
        note: 'The last two practices go live today',
        updatedDaysAgo: 3,
        linkedRisks: 'R-8',
      },
    ),
    project(
      'Review Contractual arrangements with the Voluntary Sector in line with modern Practices',
      'P. Absolon',
      'Revised Contracts with Major Vol Sector providers',
      on(d(-3), (date) => ordinalDate(date, 'short')),
      {
        status: 'In progress',
        progress: 75,
        note: 'Two providers still to sign the revised contracts',
        updatedDaysAgo: 7,
        linkedRisks: 'R-13',
      },
    ),
    project(
      'Complete Joint Mental health Commissioning Strategy with PCT',
      'L.Kavanagh',
      'Effective, Targeted , MH Provision across Kent and Medway',
      on(me(0), (date) => monthYear(date, 'glued')),
      { status: 'In progress', progress: 85, note: 'Final draft with the PCT board for approval', updatedDaysAgo: 4 },
    ),
  ];
}

/** Seed 000: Luton's Improvement Plan, led by the Head of Adult's Services; years in its text move with the plan. */
function improvementPlan(today: IsoDate): Entry[] {
  const me = (months: number): IsoDate => monthEnd(today, months);
  const d = (days: number): IsoDate => addDays(today, days);
  const shift = (text: string): string => shiftYears(text, financialYearStart(today) - 2003);
  const nextFy = financialYear(today, 1);
  const task = (
    action: string,
    coDependencies: string,
    resources: string,
    successCriteria: string,
    due: Timescale,
    rest: Omit<Entry, 'action' | 'lead' | 'coDependencies' | 'resources' | 'successCriteria' | 'timescale'>,
  ): Entry => ({
    action: shift(action),
    lead: HEAD_OF_ASS,
    coDependencies,
    resources: shift(resources),
    successCriteria: shift(successCriteria),
    timescale: due,
    ...rest,
  });
  return [
    task(
      'Undertake development work with Luton PCT and BLCT to identify joint structures to support effective commissioning and delivery of mental health and substance misuse services for working age adults. - Have in place an Agreement of Intent - Agree an organisational strategy for integrated commissioning and management of services - Implement fully integrated model for provision of services - Pooled budget with PCT for residential and nursing care and joint commissioning strategy - Joint strategy on role of carers',
      'Arrangements with health subject to final agreement with their board',
      'Within existing resources',
      '- Agreement in place by 2003/04 - Integrated model in place by April 2005 - Pooled budget in place by 2004 - Joint Strategy on carers in place by 2004 - Vision statement re BME services in place by 2004',
      timescale('Integration agreed by ', on(`${financialYearStart(today) + 2}-04-30`, long)),
      {
        status: 'In progress',
        progress: 25,
        note: 'Agreement of Intent signed; organisational strategy drafted with the PCT',
        updatedDaysAgo: 17,
      },
    ),
    task(
      'Develop an integrated Mental Health Information Strategy',
      '',
      '£75,000 Capital investment secured',
      'Mental Health Minimum Data Set and integrated electronic CPA records by March 2004',
      timescale(on(d(14), slashed)),
      {
        status: 'In progress',
        progress: 75,
        note: 'Electronic CPA records live in two teams; data set mapping nearly complete',
        updatedDaysAgo: 8,
        linkedRisks: 'R-3',
      },
    ),
    task(
      'Ensure good access to services through timely high quality assessment and care management processes - Have in place an Early Intervention Team - Increase use of Assertive Outreach Service - Provide weekend cover through Crisis Response Service - Reduce psychiatric readmission rates - Implement service standards for Dual Diagnosis (MH / Substance misuse) - Implement Models of Care guidance for substance misuse services',
      'Recruitment difficulties in social services; Training needs of MH staff for substance misuse not yet addressed',
      '£100,000 cost for 3 new Social Worker posts',
      '- 45 people receiving support from Early Intervention Team by December 2003; 70 people by April 2006 - 74 users receiving support fro Assertive Outreach Service by April 2005, 87 users by April 2006 - 24 hour cover through weekends provided by Crisis Response Service by April 2005 - Achieve psychiatric readmission rates within 28 day period to below national average of 6.1% by 2005 - All dual diagnosis clients must be on CPA and have a full risk assessment, and have their substance misuse needs addressed by March 2004 - Agree and implement local care pathways and a care coordination system by March 2004',
      timescale('New teams in place by ', on(me(-3), long), ' 24 hour cover available by ', on(me(-1), long)),
      {
        status: 'In progress',
        progress: 60,
        note: 'Early Intervention Team in place; weekend crisis cover still two social workers short',
        updatedDaysAgo: 19,
        linkedRisks: 'R-12',
      },
    ),
    task(
      'Reconfiguration of service teams to ensure that specific needs of women and BME service users and carers are addressed. - Review configuration of CMHTs and substance misuse team - Provide women only community day services - Engage BME communities - Establish network of advocates and interpreters - Involve carers in care planning and service development - Establish primary care support for carers - Enhance services for carers',
      'Availability of appropriate individuals to support advocacy network',
      '£10,000 cost for additional administration costs arising from reconfiguration',
      '- CMHTs and substance misuse team reviewed by December 2003 - Women only community day service provided by 2004 - Formal liaison with BME communities in place by December 2003 - 24 hour access to network of advocates and interpreters by 2005 - 350 carers assessments completed by March 2004 and 525 completed by March 2005 - 71% of carers to have active care plan by March 2004, 99% of carers by 2006',
      timescale(
        'New systems of care planning/ consultation etc operational by ',
        on(me(1), long),
        ' Carers support work increased to target levels by ',
        on(nextFy.end, long),
      ),
      {
        status: 'In progress',
        progress: 40,
        note: 'CMHT review done; the advocacy network is recruiting interpreters',
        updatedDaysAgo: 24,
      },
    ),
    task(
      'Develop supported housing, including the provision of "floating support" - Identify suitable properties - Recruit community support workers',
      'Availability of suitable properties',
      '£70,000 cost of new Community Support Worker posts',
      'Number of people with mental health needs receiving supported housing increased by 50% from 2001/2 level by 2004/5',
      timescale(on(me(-7), long)),
      {
        status: 'Done',
        progress: 100,
        note: 'Floating support service running; community support workers in post',
        updatedDaysAgo: 35,
        linkedRisks: 'R-10',
      },
    ),
    task(
      'Review provision of day services to identify options to increase the range and accessibility services - Produce joint strategy for day care - Participate in review of acute day care provision by BLCT - Increase day services available - Increase vocational rehabilitation opportunities',
      'Services provided through health subject to agreement by board',
      'Within existing resources',
      '- Joint strategy produced by March 2004 - Review completed - Number of users and day service sessions increased by 50% from 2001/2 level by 2006',
      timescale(on(me(-6), long)),
      {
        slipped: { original: me(-6), target: d(-12), times: 2 },
        status: 'In progress',
        progress: 50,
        note: 'Slipped twice: the BLCT review of acute day care has still not reported',
        updatedDaysAgo: 33,
      },
    ),
    task(
      'Review spending on residential care to address pressures on 2002/3 budget and to maximise opportunities from partnership with health - Develop strategy for development of residential care and accommodation services - Establish system of integrated management of resources - Remove delays in funding of placements - Provide respite and crisis care placements - Review SLAs to ensure they address priorities and VFM',
      'Pooling of budgets will require approval of PCT board',
      '£50,000 cost to address budget pressures from 2002/3 £230,000 saving as a result of Supporting People',
      '- Strategy produced and implemented - Extra funding available to address budget pressures from 2002/3 - Budgets pooled - Respite and crisis care places available - All SLAs reviewed',
      timescale('TBC'),
      {
        status: 'Blocked',
        progress: 10,
        note: 'Waiting for the PCT board to approve pooling the budgets; no date until it meets',
        updatedDaysAgo: 22,
        linkedRisks: 'R-9',
      },
    ),
  ];
}

/**
 * The actions of the sample register, "A-1" on, from the three seed plans:
 * text as written, Timescale in each seed's own style with its dates placed
 * around `today`. Target date is blank except where a date slipped; the data
 * action keeps the seed's missing lead.
 */
export function sampleActions(today: IsoDate): SampleAction[] {
  const entries = [...commissioningPlan(today), ...highProfileProjects(today), ...improvementPlan(today)];
  const serial = (date: IsoDate | undefined): CellValue => (date === undefined ? null : isoDateToSerial(date));
  // Blank cells stay empty, as a person leaves them, rather than holding empty text.
  const text = (value: string | undefined): CellValue => (value === undefined || value === '' ? null : value);
  return entries.map((e, i) => ({
    cells: {
      id: `A-${i + 1}`,
      action: e.action,
      lead: text(e.lead),
      coDependencies: text(e.coDependencies),
      resources: text(e.resources),
      successCriteria: e.successCriteria,
      timescale: e.timescale.text,
      targetDate: serial(e.slipped?.target),
      originalTargetDate: serial(e.slipped?.original),
      timesSlipped: e.slipped?.times ?? null,
      status: e.status,
      progress: e.progress,
      latestNote: e.note,
      dateLastUpdated: serial(addDays(today, -e.updatedDaysAgo)),
      linkedRisks: text(e.linkedRisks),
      rag: null,
      dateClosed: null,
    },
    timescaleMeans: e.timescale.means,
    targetDate: e.slipped?.target ?? null,
  }));
}
