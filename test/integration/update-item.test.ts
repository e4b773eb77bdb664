import { beforeEach, describe, expect, it } from 'vitest';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { DomainError } from '../../src/domain/domain-error.js';
import type { Actor } from '../../src/domain/items/permissions.js';
import type { RegisterStore } from '../../src/ports/register-store.js';
import { loadRegister } from '../../src/use-cases/load-register.js';
import { type UpdateItemInput, updateItem } from '../../src/use-cases/update-item.js';
import { sampleMemoryStore } from '../helpers/memory-register.js';
import { sampleWorkbookCopy } from '../helpers/slack-app-fixture.js';

const settings = loadSettings();
const today = '2026-11-23';
const now = '2026-11-23T10:15:00.000+00:00';
const DIRECTOR: Actor = { id: 'U0SAMPLE01', programmeOffice: false };
const KAVANAGH: Actor = { id: 'U0SAMPLE11', programmeOffice: false };
const STRANGER: Actor = { id: 'U0NOBODY', programmeOffice: false };
const OFFICE: Actor = { id: 'U0PMO', programmeOffice: true };

// The use case over the sample register in memory; the one test about what the cell holds goes through a workbook.
let store: RegisterStore;
beforeEach(async () => {
  store = await sampleMemoryStore(settings);
});

const update = (input: Partial<UpdateItemInput> & Pick<UpdateItemInput, 'id' | 'actor'>) =>
  updateItem({ store, settings }, { changes: [], note: null, via: 'command', today, now, ...input });
const reread = () => loadRegister(store, settings, today);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as DomainError,
  );

describe('updating an item', () => {
  it('when the owner raises probability, then rating, band, trend and date last updated follow, with Audit log lines', async () => {
    const { update: result } = await update({
      id: 'r1',
      actor: DIRECTOR,
      changes: [{ field: 'probability', value: '3' }],
      note: 'post still not advertised',
    });
    expect(result.rating).toMatchObject({ before: 6, after: 9, enteredTopBand: false });
    const register = await reread();
    const risk = register.risks.find((r) => r.key === 'R-1')!;
    expect(risk).toMatchObject({ probability: 3, rating: 9, trend: 'Increasing', dateLastUpdated: today });
    expect(risk.band?.label).toBe('High');
    const lines = register.audit.slice(-2).map((a) => [a.who, a.item, a.field, a.oldValue, a.newValue, a.via, a.note]);
    expect(lines).toEqual([
      ['U0SAMPLE01', 'R - 1', 'probability', '2', '3', 'command', 'post still not advertised'],
      ['U0SAMPLE01', 'R - 1', 'rating', '6', '9', 'command', 'post still not advertised'],
    ]);
  });

  it('when a Medium risk rises to High, then it is reported as entering the top band', async () => {
    const { update: result } = await update({
      id: 'R 3',
      actor: OFFICE,
      changes: [
        { field: 'impact', value: 'high' },
        { field: 'probability', value: '2' },
      ],
    });
    expect(result.rating).toMatchObject({ before: 4, after: 6, enteredTopBand: true });
    expect(result.rating.band?.label).toBe('High');
  });

  it("when an action's target date moves later, then the original is kept and the slip counted", async () => {
    await update({
      id: 'A-17',
      actor: KAVANAGH,
      changes: [{ field: 'targetDate', value: '18/12/2026' }],
      note: 'waiting for the PCT board',
    });
    const action = (await reread()).actions.find((a) => a.key === 'A-17')!;
    expect(action).toMatchObject({
      originalTargetDate: '2026-11-23',
      timesSlipped: 1,
      latestNote: 'waiting for the PCT board',
    });
    expect(action.target.targetDate).toBe('2026-12-18');
  });

  it('when an action is marked done, then progress goes to 100', async () => {
    await update({ id: 'a-17', actor: KAVANAGH, changes: [{ field: 'status', value: 'complete' }] });
    expect((await reread()).actions.find((a) => a.key === 'A-17')).toMatchObject({ status: 'Done', progress: 100 });
  });

  it('when someone who does not own it tries, then it is refused saying who can, and nothing changes', async () => {
    const before = await reread();
    const error = await refusal(update({ id: 'R-1', actor: STRANGER, changes: [{ field: 'impact', value: '1' }] }));
    expect(error.code).toBe('not_permitted');
    expect(error.message).toBe(
      'Only Director of commissioning or Dir of Commissioning (through the People tab), or the programme office can change R - 1.',
    );
    expect((await reread()).risks).toEqual(before.risks);
  });

  it.each([
    ['R-1', [{ field: 'impact' as const, value: '4' }], 'from 1 to 3'],
    ['R-1', [{ field: 'impact' as const, value: 'three' }], 'not "three"'],
    ['R-1', [{ field: 'progress' as const, value: '50' }], 'a risk has no progress'],
    ['A-17', [{ field: 'progress' as const, value: '150%' }], 'from 0 to 100'],
    ['A-17', [{ field: 'status' as const, value: 'nearly' }], 'Not started, In progress, Blocked or Done'],
    ['A-17', [{ field: 'targetDate' as const, value: '31/02/2027' }], 'not a valid date'],
    ['A-17', [{ field: 'targetDate' as const, value: 'soon' }], 'is not a date'],
  ])('when %s gets %j, then it is refused with what is allowed', async (id, changes, words) => {
    const error = await refusal(update({ id, actor: OFFICE, changes }));
    expect(error.code).toBe('invalid_value');
    expect(error.message).toContain(words);
  });

  it('when the ID is unknown, then it says so', async () => {
    const error = await refusal(update({ id: 'R-99', actor: OFFICE, changes: [{ field: 'impact', value: '1' }] }));
    expect([error.code, error.message]).toEqual(['item_not_found', 'There is no risk or action R-99 in the register']);
  });

  it('a formula-looking, 5,000-character Unicode note is stored as text', async () => {
    store = new WorkbookRegisterStore({ path: sampleWorkbookCopy('update-item-'), tabs: settings.tabs });
    const note = `=HYPERLINK("http://evil.example") ${'Ünïcødé ✓ '.repeat(497)}`.slice(0, 5000);
    await update({ id: 'A-17', actor: KAVANAGH, changes: [{ field: 'progress', value: '95' }], note });
    expect((await reread()).actions.find((a) => a.key === 'A-17')!.latestNote).toBe(note.trim());
  });
});
