import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { cellText } from '../../src/domain/cell.js';
import type { RegisterStore, WriteRequest } from '../../src/ports/register-store.js';
import { createItem } from '../../src/use-cases/create-item.js';
import { snoozeItem } from '../../src/use-cases/snooze-item.js';
import { updateItem } from '../../src/use-cases/update-item.js';
import { SAMPLE_DAY, sampleMemoryStore } from '../helpers/memory-register.js';

/**
 * Permission on the same read the write uses: the use case checks on its
 * read (which a store may serve from a cache), and the write checks again on
 * the read it is planned against. A person removed from People in between
 * cannot still change the item.
 */
const settings = loadSettings();
const DIRECTOR = { id: 'U0SAMPLE01', email: null, programmeOffice: false };

/** The register as the write finds it: the People tab no longer links the director's Slack user. */
async function peopleChangedBeforeTheWrite(): Promise<{ store: RegisterStore; writes: WriteRequest[] }> {
  const memory = await sampleMemoryStore(settings);
  const writes: WriteRequest[] = [];
  const store: RegisterStore = {
    load: () => memory.load(),
    write: (request) => {
      writes.push(request);
      memory.edit('People', (rows) =>
        rows.map((row) => (cellText(row[1] ?? null) === 'U0SAMPLE01' ? [row[0] ?? null, null, null] : row)),
      );
      return memory.write(request);
    },
  };
  return { store, writes };
}

describe('permission is checked again on the read the write uses', () => {
  const now = '2026-11-23T10:00:00.000Z';

  it('an owner unlinked from People while their update is being written is refused, and nothing is written', async () => {
    const { store } = await peopleChangedBeforeTheWrite();
    const before = await store.load();
    const refusal = await updateItem(
      { store, settings },
      {
        id: 'R-1',
        changes: [{ field: 'probability', value: '3' }],
        note: null,
        actor: DIRECTOR,
        via: 'command',
        today: SAMPLE_DAY,
        now,
      },
    ).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'not_permitted' });
    const after = await store.load();
    expect(after.tabs.risks).toEqual(before.tabs.risks);
    expect(after.tabs.audit).toEqual(before.tabs.audit);
  });

  it('the same for a snooze', async () => {
    const { store } = await peopleChangedBeforeTheWrite();
    const refusal = await snoozeItem(
      { store, settings },
      { id: 'R-1', days: 7, actor: DIRECTOR, via: 'button', today: SAMPLE_DAY, now },
    ).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'not_permitted' });
  });

  it('and for adding an item, which needs the person in People', async () => {
    const { store } = await peopleChangedBeforeTheWrite();
    const memoryNames = (await store.load()).tabs.people.rows.length;
    const refusal = await createItem(
      { store, settings },
      {
        fields: {
          kind: 'risk',
          title: 'A new risk',
          owner: 'Dir of Commissioning',
          impact: '2',
          probability: '2',
          targetDate: '',
          note: '',
        },
        actor: DIRECTOR,
        via: 'modal',
        today: SAMPLE_DAY,
        now,
      },
    ).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'not_permitted' });
    expect((await store.load()).tabs.people.rows.length).toBe(memoryNames);
  });

  it('the programme office is let through whatever People says', async () => {
    const { store } = await peopleChangedBeforeTheWrite();
    const office = { ...DIRECTOR, programmeOffice: true };
    await updateItem(
      { store, settings },
      {
        id: 'R-1',
        changes: [{ field: 'probability', value: '3' }],
        note: null,
        actor: office,
        via: 'command',
        today: SAMPLE_DAY,
        now,
      },
    );
  });
});
