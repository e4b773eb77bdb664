import type { IsoDate } from '../domain/cell.js';
import type { Digest } from '../domain/digest/digest.js';
import { type DatedItem, dueSoonItems, overdueItems, reviewsDue } from '../domain/items/due-items.js';
import { ownerOf, type Register } from '../domain/register/register.js';
import type { NudgePreview, NudgeRunReport } from '../domain/reminders/nudge-delivery.js';
import type { Nudge } from '../domain/reminders/nudge-plan.js';

function datedJson(dated: DatedItem) {
  return {
    kind: dated.item.kind,
    id: dated.item.id,
    owner: ownerOf(dated.item),
    targetDate: dated.targetDate,
    daysToGo: dated.daysToGo,
  };
}

/**
 * The register as every `--format json` output carries it. The shape is
 * documented in the README and kept stable: add fields, never rename them.
 */
export function registerJson(register: Register, today: IsoDate, dueSoonDays: number) {
  const reviewIds = new Set(reviewsDue(register, today).map((review) => review.risk.key));
  return {
    today,
    source: register.source,
    holds: register.holds,
    columns: register.columnReports,
    risks: register.risks.map((risk) => ({
      id: risk.id,
      row: risk.row,
      owner: risk.owner,
      impact: risk.impact,
      probability: risk.probability,
      rating: risk.rating,
      band: risk.band?.label ?? null,
      status: risk.status,
      state: risk.state,
      stateFrom: risk.stateFrom,
      rag: risk.rag,
      dateClosed: risk.dateClosed,
      trend: risk.trend,
      targetDate: risk.target.targetDate,
      milestones: risk.target.milestones,
      dateLastUpdated: risk.dateLastUpdated,
      dueForReview: reviewIds.has(risk.key),
    })),
    actions: register.actions.map((action) => ({
      id: action.id,
      row: action.row,
      lead: action.lead,
      status: action.status,
      state: action.state,
      stateFrom: action.stateFrom,
      rag: action.rag,
      dateClosed: action.dateClosed,
      progress: action.progress,
      timescale: action.target.text,
      targetDate: action.target.targetDate,
      milestones: action.target.milestones,
      originalTargetDate: action.originalTargetDate,
      timesSlipped: action.timesSlipped,
      linkedRisks: action.linkedRisks,
    })),
    overdue: overdueItems(register, today).map(datedJson),
    dueSoon: dueSoonItems(register, today, dueSoonDays).map(datedJson),
    reviewsDue: reviewsDue(register, today).map((review) => ({
      id: review.risk.id,
      owner: review.risk.owner,
      band: review.risk.band?.label ?? null,
      dueOn: review.dueOn,
      daysOverdue: review.daysOverdue,
    })),
    problems: register.problems.map(({ tab, row, column, value, message, severity, code }) => ({
      tab,
      row,
      column,
      value,
      message,
      severity,
      code,
    })),
  };
}

export function digestJson(digest: Digest) {
  return {
    asOf: digest.asOf,
    openRisks: digest.openRisks,
    closedRisks: digest.closedRisks,
    bandCounts: digest.bandCounts.map(({ band, count }) => ({ band: band.label, colour: band.colour, count })),
    topRisks: digest.topRisks.map((risk) => ({
      id: risk.id,
      rating: risk.rating,
      band: risk.band?.label ?? null,
      owner: risk.owner,
    })),
    overdueByLead: digest.overdueByLead.map((group) => ({ lead: group.lead, items: group.items.map(datedJson) })),
    slippedRepeatedly: digest.slippedRepeatedly.map((action) => ({
      id: action.id,
      lead: action.lead,
      timesSlipped: action.timesSlipped,
      originalTargetDate: action.originalTargetDate,
      targetDate: action.target.targetDate,
    })),
    unreachableOwners: digest.unreachableOwners,
  };
}

const nudgeJson = (nudge: Nudge) => ({
  kind: nudge.item.kind,
  id: nudge.item.id,
  stage: nudge.stage,
  aboutDate: nudge.aboutDate,
  sendOn: nudge.sendOn,
  daysToGo: nudge.daysToGo,
});

export function nudgesJson(preview: NudgePreview) {
  return {
    nudges: preview.byOwner.map((group) => ({
      owner: group.owner,
      slackUsers: group.people.map((person) => person.slackUser ?? person.email),
      unreachable: group.unreachable,
      nudges: group.nudges.map(nudgeJson),
    })),
    // The messages as the run would send them: one per person, however many owner names they stand for.
    messages: preview.messages.map((message) => ({
      recipient: message.recipient,
      owners: message.owners,
      nudges: message.nudges.map(nudgeJson),
    })),
    unreachable: preview.unreachable.map((u) => ({ owner: u.owner, reason: u.reason, nudge: nudgeJson(u.nudge) })),
  };
}

/** What `risk-bot nudges --send` did. */
export function nudgeRunJson(report: NudgeRunReport) {
  return {
    today: report.today,
    delivered: report.delivered.map((d) => ({
      recipient: d.recipient,
      owners: d.owners,
      nudges: d.nudges.map(nudgeJson),
    })),
    unreachable: report.unreachable.map((u) => ({ owner: u.owner, reason: u.reason, nudge: nudgeJson(u.nudge) })),
    failed: report.failed,
    recovered: report.recovered,
  };
}
