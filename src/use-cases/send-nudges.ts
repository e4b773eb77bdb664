import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { workingDayRule } from '../domain/dates/working-days.js';
import type { AuditRecord } from '../domain/register/raw-register.js';
import type { AuditEntry, Person, Register } from '../domain/register/register.js';
import {
  type NudgeDelivery,
  type NudgeRunReport,
  planDeliveries,
  type UnreachableNudge,
} from '../domain/reminders/nudge-delivery.js';
import {
  claimRecords,
  dueToSend,
  NUDGE_LEDGER,
  nudgeLedger,
  outcomeRecord,
  unreachableRecord,
} from '../domain/reminders/nudge-ledger.js';
import { groupByOwner, planNudges } from '../domain/reminders/nudge-plan.js';
import { boardsNudgeMessage } from '../messages/nudges-message.js';
import type { NudgeOutbox } from '../ports/nudge-outbox.js';
import type { RegisterStore } from '../ports/register-store.js';
import { loadRegister } from './load-register.js';
import { settlePending } from './settle-pending.js';

export type { NudgeRunReport } from '../domain/reminders/nudge-delivery.js';

/** A board's register, for a run that reminds the owners of every board's items. */
export interface BoardRegister {
  /** The board's ID, which reminder buttons carry so a press changes this board's register. */
  id?: string;
  name: string;
  store: RegisterStore;
  /** The board's own scale, when it has one: its register is read on it. */
  scale?: Settings['scale'];
}

export interface SendNudgesDeps {
  store: RegisterStore;
  settings: Pick<Settings, 'reminders' | 'holidays' | 'tabs' | 'scale'>;
  outbox: NudgeOutbox;
  /** A fresh, unique name for a message in the ledger. */
  newMessageKey: () => string;
  log: (text: string) => void;
  /** Every board's register (default: `store` alone). A person owning items on several gets one message a run. */
  boards?: readonly BoardRegister[];
}

/** One board's part of a run: its register, its ledger settled, and what is due to whom. */
interface BoardRun {
  board: BoardRegister;
  recovered: NudgeRunReport['recovered'];
  groups: ReturnType<typeof plan>;
}

/** Each person's Slack user: from People, else looked up by e-mail (the outbox caches lookups). */
async function slackUsers(people: readonly Person[], outbox: NudgeOutbox): Promise<(person: Person) => string | null> {
  const byEmail = new Map<string, string | null>();
  for (const person of people) {
    if (person.slackUser !== null || person.email === null || byEmail.has(person.email.toLowerCase())) continue;
    byEmail.set(person.email.toLowerCase(), await outbox.userIdForEmail(person.email));
  }
  return (person) =>
    person.slackUser ?? (person.email === null ? null : (byEmail.get(person.email.toLowerCase()) ?? null));
}

function plan(register: Register, audit: readonly AuditEntry[], settings: SendNudgesDeps['settings'], today: IsoDate) {
  const reached = planNudges(
    register,
    today,
    { ...settings.reminders, isWorkingDay: workingDayRule(settings.holidays) },
    () => false,
  );
  return groupByOwner(dueToSend(reached, nudgeLedger(audit), today), register.people);
}

/** A board's register read, its interrupted run settled, and today's reminders planned less what its ledger says went. */
async function planBoard(
  deps: SendNudgesDeps,
  board: BoardRegister,
  today: IsoDate,
  clock: () => Date,
): Promise<BoardRun> {
  const settings = { ...deps.settings, scale: board.scale ?? deps.settings.scale };
  const register = await loadRegister(board.store, settings, today);
  const { audit, recovered } = await settlePending(
    { store: board.store, sender: deps.outbox, log: deps.log },
    {
      fields: NUDGE_LEDGER,
      pending: nudgeLedger(register.audit).pending(),
      audit: register.audit,
      now: clock().toISOString(),
    },
  );
  return { board, recovered, groups: plan(register, audit, settings, today) };
}

/** The messages of a run: one per Slack user, holding each board's part. */
function messagesByRecipient(
  runs: readonly BoardRun[],
  slackIdOf: (person: Person) => string | null,
): {
  messages: Map<string, Array<{ run: BoardRun; delivery: NudgeDelivery }>>;
  unreachable: Array<{ run: BoardRun; nudge: UnreachableNudge }>;
} {
  const messages = new Map<string, Array<{ run: BoardRun; delivery: NudgeDelivery }>>();
  const unreachable: Array<{ run: BoardRun; nudge: UnreachableNudge }> = [];
  for (const run of runs) {
    const planned = planDeliveries(run.groups, slackIdOf);
    for (const delivery of planned.deliveries)
      messages.set(delivery.recipient, [...(messages.get(delivery.recipient) ?? []), { run, delivery }]);
    unreachable.push(...planned.unreachable.map((nudge) => ({ run, nudge })));
  }
  return { messages, unreachable };
}

/** The parts of one message as the report counts them: one delivery, its owners and nudges from every board. */
const merged = (recipient: string, parts: ReadonlyArray<{ delivery: NudgeDelivery }>): NudgeDelivery => ({
  recipient,
  owners: [...new Set(parts.flatMap(({ delivery }) => delivery.owners))],
  nudges: parts.flatMap(({ delivery }) => delivery.nudges),
});

/**
 * Today's reminder run, the same for the schedule and `risk-bot nudges
 * --send`, over every board's register: settle what an interrupted run left
 * (each board's ledger in its own Audit log), plan what is due less what the
 * ledger says went out, claim it in each board's Audit log, send one direct
 * message per person (a person owning items on several boards gets one,
 * grouped by board), and record each that Slack accepted in the Audit log of
 * every board it carried. A crash at any point leaves claims the next run
 * checks against Slack, so a reminder is sent once.
 */
export async function sendNudges(deps: SendNudgesDeps, today: IsoDate, clock: () => Date): Promise<NudgeRunReport> {
  const { outbox, log } = deps;
  const boards = deps.boards ?? [{ name: '', store: deps.store }];
  const runs: BoardRun[] = [];
  for (const board of boards) runs.push(await planBoard(deps, board, today, clock));
  const slackIdOf = await slackUsers(
    runs.flatMap((run) => run.groups.flatMap((g) => g.people)),
    outbox,
  );
  const { messages, unreachable } = messagesByRecipient(runs, slackIdOf);
  const claimed: Array<{
    recipient: string;
    parts: Array<{ run: BoardRun; delivery: NudgeDelivery }>;
    messageKey: string;
    channel: string;
  }> = [];
  for (const [recipient, parts] of messages)
    claimed.push({ recipient, parts, messageKey: deps.newMessageKey(), channel: await outbox.openDirect(recipient) });
  const claimedAt = clock().toISOString();
  for (const run of runs) {
    const claims = [
      ...claimed.flatMap(({ recipient, parts, messageKey, channel }) =>
        parts
          .filter((part) => part.run === run)
          .flatMap(({ delivery }) => claimRecords(delivery.nudges, { messageKey, recipient, channel }, claimedAt)),
      ),
      ...unreachable
        .filter((u) => u.run === run)
        .map(({ nudge: u }) => unreachableRecord(u.nudge, claimedAt, `not sent: ${u.owner}: ${u.reason}`)),
    ];
    if (claims.length > 0) await run.board.store.write({ updates: [], inserts: [], audit: claims });
  }

  const recovered = runs.reduce(
    (sum, run) => ({
      found: sum.found + run.recovered.found,
      resent: sum.resent + run.recovered.resent,
      unknown: sum.unknown + run.recovered.unknown,
    }),
    { found: 0, resent: 0, unknown: 0 },
  );
  const report: NudgeRunReport = {
    today,
    delivered: [],
    unreachable: unreachable.map((u) => u.nudge),
    failed: [],
    recovered,
  };
  const outcomes = new Map<BoardRun, AuditRecord[]>();
  for (const { recipient, parts, messageKey, channel } of claimed) {
    try {
      // With several boards, each board's buttons carry its ID, so a press changes that board's register.
      const sections = parts.map(({ run, delivery }) => ({
        board: run.board.name,
        delivery,
        ...(runs.length > 1 && run.board.id ? { boardId: run.board.id } : {}),
      }));
      await outbox.deliver(channel, boardsNudgeMessage(sections, today), messageKey);
      report.delivered.push(merged(recipient, parts));
      for (const { run, delivery } of parts)
        outcomes.set(run, [
          ...(outcomes.get(run) ?? []),
          outcomeRecord(
            { messageKey, items: delivery.nudges.map((n) => n.item.id) },
            'sent',
            clock().toISOString(),
            `delivered to ${recipient}`,
          ),
        ]);
    } catch (error) {
      // Left pending: Slack may have the message even though its answer failed; the next run asks.
      report.failed.push({ recipient, error: (error as Error).message });
      log(`nudges: message ${messageKey} to ${recipient} failed: ${(error as Error).message}`);
    }
  }
  for (const [run, lines] of outcomes) await run.board.store.write({ updates: [], inserts: [], audit: lines });
  return report;
}
