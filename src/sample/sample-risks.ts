import type { CellValue, IsoDate } from '../domain/cell.js';
import { addDays } from '../domain/dates/calendar.js';
import type { RiskField } from '../domain/register/fields.js';
import { dotted, financialYear, fiveDigitYearTypo, monthEnd, ordinalDate, ordinalDayMonth } from './date-styles.js';

/** One risk of the sample register: its cells, and what its target resolution date is meant to say. */
export interface SampleRisk {
  cells: Record<RiskField, CellValue>;
  /** The date the Target resolution date cell means, or `invalid` for the seed's "31st Dec 20101" typo. */
  targetMeans: IsoDate | 'invalid';
}

type Text = Pick<
  Record<RiskField, string>,
  'owner' | 'description' | 'impactOnProgramme' | 'mitigatingActions' | 'actionOwner'
>;

interface Entry extends Text {
  n: number;
  impact: number;
  probability: number;
  band: string;
  /** The seed's "Status" column, which holds the trend. */
  trend: string;
  status: 'Open' | 'Closed';
  target: { text: string; means: IsoDate | 'invalid' };
  /** Days from today; R-9's is in the future, the seed's "21.9.20" for "21.9.10". */
  updatedDaysAgo: number;
  raisedDaysAgo?: number;
}

const DIRECTOR = 'Director of commissioning';
const DIR = 'Dir of Commissioning';
const LEAD = 'Lead Commissioner';
const LEADS = 'lead commissioners';

/** When most of the log was raised, as the seed's risks were all raised on one day. */
const RAISED_DAYS_AGO = 70;

/**
 * The 13 risks of the seed risk log (seed 002, Appendix B) as written, PDF
 * word breaks repaired, dates placed around `today`. The seed's own faults are
 * kept for the data-quality check: "31st Dec 20101" on, R-9's Date
 * last updated in the future, R-13's band "Modium", R-2's owner "PCT Dir of
 * ommissioning" and R-13's "head of contracts", neither of them in People.
 */
export function sampleRisks(today: IsoDate): SampleRisk[] {
  const d = (days: number): IsoDate => addDays(today, days);
  // The December still to come this year: the seed's risks aimed at "31st Dec 2010", three months ahead.
  const nextDecember = Number(today.slice(0, 4));
  const decemberEnd = `${nextDecember}-12-31`;
  const typo = { text: fiveDigitYearTypo(nextDecember), means: 'invalid' as const };
  const thisYearEnd = financialYear(today, 0).end;
  const nextYearEnd = financialYear(today, 1).end;
  const at = (date: IsoDate, months: 'long' | 'short' = 'long') => ({ text: ordinalDate(date, months), means: date });
  const entries: Entry[] = [
    {
      n: 1,
      owner: DIRECTOR,
      description: 'gap in the LA commissioning infrastructure and potential delay in filling lead commissioner post',
      impactOnProgramme:
        'no leadership to drive forward the programme and slippage in delivery, with financial implictions',
      impact: 3,
      probability: 2,
      band: 'High',
      mitigatingActions: `Interim lead commissioner appointed for 2 days week until Dec ${nextDecember}1; New structure approved by SLT but risk wont reduce until post advertised`,
      target: typo,
      actionOwner: DIR,
      updatedDaysAgo: 23,
      trend: 'No Change',
      status: 'Open',
    },
    {
      n: 2,
      owner: 'PCT Dir of ommissioning',
      description: 'NHS White Paper and related interim changes to local commissioing arrangements',
      impactOnProgramme: 'loss of continuity in leadership from PCT resulting in slippage',
      impact: 3,
      probability: 2,
      band: 'High',
      mitigatingActions: 'planned handover in the event of change of lead',
      target: at(monthEnd(today, -1)),
      actionOwner: 'PCT Dir of Commissioning',
      updatedDaysAgo: 6,
      trend: 'No Change',
      status: 'Open',
    },
    {
      n: 3,
      owner: LEAD,
      description: 'concerns about accuracy of data and information',
      impactOnProgramme: 'impacts on assumptions contained in delvery plans',
      impact: 2,
      probability: 2,
      band: 'Medium',
      mitigatingActions: 'Project Groups will double check information; to address in commissioing cycle',
      target: at(d(-16), 'short'),
      actionOwner: LEADS,
      updatedDaysAgo: 37,
      trend: 'No Change',
      status: 'Open',
    },
    {
      n: 4,
      owner: 'service manager',
      description: 'risk averse practice and staff anxieties about changes',
      impactOnProgramme: 'failure to reduce reliance on residential care',
      impact: 3,
      probability: 1,
      band: 'Medium',
      mitigatingActions: 'Staff Communication Plan and cultural change',
      target: at(thisYearEnd),
      actionOwner: 'service manager',
      updatedDaysAgo: 4,
      trend: 'Decreasing',
      status: 'Open',
    },
    {
      n: 5,
      owner: DIRECTOR,
      description: 'components of personalisation, ASC transformation, JCS and efficiancy plans not joined up',
      impactOnProgramme: 'failure to implement changes',
      impact: 2,
      probability: 1,
      band: 'Low',
      mitigatingActions: 'lead commissioner working closely with ASC redesign prgramme',
      target: at(financialYear(today, -1).end),
      actionOwner: DIR,
      updatedDaysAgo: 50,
      trend: 'No Change',
      status: 'Closed',
    },
    {
      n: 6,
      owner: LEAD,
      description: 'resitance to change from exisitgn providers, service users, staff, carers, clinicians',
      impactOnProgramme: 'failure to implement changes',
      impact: 2,
      probability: 2,
      band: 'Medium',
      mitigatingActions: 'Communication Plan',
      target: typo,
      actionOwner: LEADS,
      updatedDaysAgo: 12,
      trend: 'Decreasing',
      status: 'Open',
    },
    {
      n: 7,
      owner: DIRECTOR,
      description:
        'proposed changes not approved by Cabinet; resistance from politicians to change traditional service delivery or support outsourcing',
      impactOnProgramme: 'failure to implemet',
      impact: 3,
      probability: 3,
      band: 'High',
      mitigatingActions: 'Link to budget setting process',
      target: at(thisYearEnd),
      actionOwner: DIR,
      updatedDaysAgo: 1,
      trend: 'No Change',
      status: 'Open',
    },
    {
      n: 8,
      owner: 'PCT commissioner',
      description: 'NHS White Ppaer and lack if engagement from GPs',
      impactOnProgramme: 'difficulty in implementing changes to health services',
      impact: 2,
      probability: 1,
      band: 'Low',
      mitigatingActions: `Commication Plan and leadership from clinical champion; priorities taken to clinical cabinet ${ordinalDayMonth(d(-58))}`,
      target: at(decemberEnd, 'short'),
      actionOwner: 'PCT Commissioner',
      updatedDaysAgo: 60,
      trend: 'No Change',
      status: 'Open',
    },
    {
      n: 9,
      owner: DIRECTOR,
      description: 'impact of public sector cuts',
      impactOnProgramme: 'reduced availability of universal services to support people in the community',
      impact: 3,
      probability: 3,
      band: 'High',
      mitigatingActions: 'Link to budget setting process',
      target: at(thisYearEnd),
      actionOwner: DIR,
      updatedDaysAgo: -300,
      trend: 'Increasing',
      status: 'Open',
    },
    {
      n: 10,
      owner: LEAD,
      description: 'some new services cost more than residential services',
      impactOnProgramme: 'supported living options are not affordable',
      impact: 2,
      probability: 2,
      band: 'Medium',
      mitigatingActions:
        'more robust SL model implemented; use of RAS and tighter contrals for approving new developments, using business case process',
      target: at(d(6)),
      actionOwner: LEADS,
      updatedDaysAgo: 9,
      trend: 'No Change',
      status: 'Open',
    },
    {
      n: 11,
      owner: LEAD,
      description: 'lack of capacity within vol sector to meet demands',
      impactOnProgramme: 'slippage on development of supported living opportunities',
      impact: 2,
      probability: 2,
      band: 'Medium',
      mitigatingActions:
        'Market Development Plan; reinvestment of resources as traditional services are decommissioned',
      target: at(d(11)),
      actionOwner: LEADS,
      updatedDaysAgo: 20,
      trend: 'No Change',
      status: 'Open',
    },
    {
      n: 12,
      owner: 'Head of workforce development',
      description: 'potential gaps in current workfroce regarding skills and skill mix',
      impactOnProgramme: 'unable to deliver new ways of working',
      impact: 2,
      probability: 2,
      band: 'Medium',
      mitigatingActions: 'development of Workforce Development Plan',
      target: at(thisYearEnd),
      actionOwner: 'head of workforce development',
      updatedDaysAgo: 26,
      trend: 'No Change',
      status: 'Open',
    },
    {
      n: 13,
      owner: 'head of contracts',
      description: "current contract arrangements aren't aligned to new ways of working",
      impactOnProgramme: 'slippage in delivery',
      impact: 2,
      probability: 2,
      band: 'Modium',
      mitigatingActions: 'implementation of new contracts and contractual arrangements',
      target: at(nextYearEnd),
      actionOwner: 'head of contracts',
      updatedDaysAgo: 3,
      raisedDaysAgo: 3,
      trend: 'No Change',
      status: 'Open',
    },
  ];
  return entries.map((e) => ({
    cells: {
      id: `R - ${e.n}`,
      dateRaised: dotted(d(-(e.raisedDaysAgo ?? RAISED_DAYS_AGO))),
      owner: e.owner,
      description: e.description,
      impactOnProgramme: e.impactOnProgramme,
      impact: e.impact,
      probability: e.probability,
      rating: e.impact * e.probability,
      band: e.band,
      mitigatingActions: e.mitigatingActions,
      targetResolution: e.target.text,
      actionOwner: e.actionOwner,
      dateLastUpdated: dotted(d(-e.updatedDaysAgo)),
      trend: e.trend,
      status: e.status,
      rag: null,
      dateClosed: null,
    },
    targetMeans: e.target.means,
  }));
}
