import { JWT } from 'google-auth-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellData } from '../../src/adapters/sheets/plan-requests.js';
import { ReadLimiter } from '../../src/adapters/sheets/read-limiter.js';
import { backoffDelayMs, failureKind, parseRetryAfter } from '../../src/adapters/sheets/retry-policy.js';
import { quoteTitle, tabFromValues } from '../../src/adapters/sheets/sheet-tabs.js';
import { planSetup, type TabState } from '../../src/adapters/sheets/sheet-template.js';
import { SheetsApi } from '../../src/adapters/sheets/sheets-api.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { type RawTab, TAB_KEYS, type TabKey } from '../../src/domain/register/raw-register.js';
import { SEED_RISK_HEADERS } from '../helpers/raw-register.js';

const settings = loadSettings();

describe('retry policy', () => {
  it.each([
    [429, 'rate_limited'],
    [500, 'uncertain'],
    [503, 'uncertain'],
    [null, 'uncertain'],
    [400, 'permanent'],
    [403, 'permanent'],
    [404, 'permanent'],
  ] as const)('status %s is %s', (status, kind) => expect(failureKind(status)).toBe(kind));

  it('backs off exponentially with full jitter, up to the cap', () => {
    const top = (attempt: number) => backoffDelayMs(attempt, null, { baseMs: 500, capMs: 32_000, random: () => 1 });
    expect([0, 1, 2, 3, 6, 7, 10].map(top)).toEqual([500, 1000, 2000, 4000, 32_000, 32_000, 32_000]);
    expect(backoffDelayMs(3, null, { baseMs: 500, capMs: 32_000, random: () => 0.25 })).toBe(1000);
  });

  it('never waits less than Retry-After says', () => {
    expect(backoffDelayMs(0, 7, { baseMs: 500, capMs: 32_000, random: () => 0.5 })).toBe(7000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('12', 0)).toBe(12);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', Date.parse('2026-11-23T10:00:00Z'))).toBe(30);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});

describe("the client's own waits (no sleep given, as production builds it)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a back-off after a 429 with Retry-After lasts that long on the clock', async () => {
    vi.useFakeTimers();
    const api = new SheetsApi({
      spreadsheetId: 'x',
      auth: new JWT({ email: 'bot@x.iam.gserviceaccount.com', key: 'unused' }),
      timeoutMs: 1000,
      maxAttempts: 3,
      readsPerMinute: 60,
      backoff: { baseMs: 500, capMs: 32_000, random: () => 0 },
    });
    let done = false;
    const waiting = api
      .backoff(0, { kind: 'rate_limited', status: 429, retryAfterSeconds: 1, message: '' })
      .then(() => {
        done = true;
      });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });
});

describe('read limiter', () => {
  const paced = (perMinute: number) => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new ReadLimiter(
      perMinute,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    return { limiter, waits, advance: (ms: number) => (now += ms), at: () => now };
  };

  it('lets a burst of three through at once, then one read every 60/N seconds, never bunching the minute up front', async () => {
    const { limiter, waits, at } = paced(60);
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      await limiter.take();
      times.push(at());
    }
    expect(times).toEqual([0, 0, 0, 1000, 2000, 3000, 4000, 5000]);
    expect(Math.max(...waits)).toBe(1000);
  });

  it('in any minute of steady demand lets through at most N plus the burst', async () => {
    const { limiter, at } = paced(50);
    const times: number[] = [];
    while (at() < 300_000) {
      await limiter.take();
      times.push(at());
    }
    const most = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length));
    expect(most).toBeLessThanOrEqual(53);
    expect(most).toBeGreaterThanOrEqual(50);
  });

  it('ready() waits for a read to be allowed without taking it, so the read after it goes at once', async () => {
    const { limiter, waits, at } = paced(60);
    for (let i = 0; i < 3; i++) await limiter.take();
    await limiter.ready();
    expect(at()).toBe(1000);
    await limiter.ready();
    await limiter.take();
    expect(at()).toBe(1000);
    expect(waits).toEqual([1000]);
  });

  it('after a quiet spell the burst is there again, but no more than the burst', async () => {
    const { limiter, waits, advance } = paced(60);
    for (let i = 0; i < 3; i++) await limiter.take();
    advance(60_000);
    for (let i = 0; i < 3; i++) await limiter.take();
    expect(waits).toEqual([]);
    await limiter.take();
    expect(waits).toEqual([1000]);
  });
});

describe('values as Sheets stores them', () => {
  it('text is always stringValue, so "=IMPORTXML(…)" stays text', () => {
    expect(cellData('=IMPORTXML("http://x")', false)).toEqual({
      userEnteredValue: { stringValue: '=IMPORTXML("http://x")' },
    });
    expect(cellData('+44 20', false)).toEqual({ userEnteredValue: { stringValue: '+44 20' } });
  });

  it('numbers are numbers, dates numbers formatted as dates, empty clears', () => {
    expect(cellData(3, false)).toEqual({ userEnteredValue: { numberValue: 3 } });
    expect(cellData(46349, true)).toMatchObject({
      userEnteredValue: { numberValue: 46349 },
      userEnteredFormat: { numberFormat: { type: 'DATE' } },
    });
    expect(cellData(null, false)).toEqual({});
  });

  it('quotes tab titles for A1 ranges', () => {
    expect(quoteTitle('Audit log')).toBe("'Audit log'");
    expect(quoteTitle("Bob's risks")).toBe("'Bob''s risks'");
  });

  it('reads a whole-tab value range with real row numbers, skipping a title line and blank rows', () => {
    const tab = tabFromValues(
      'risks',
      'Risks',
      [['Risk Log'], [], SEED_RISK_HEADERS, ['R - 1', 40436], [], ['R - 2', '', 'x']],
      settings.tabs.risks.headers,
    );
    expect(tab.headerRow).toBe(3);
    expect(tab.rows.map((row) => [row.row, row.cells[0], row.cells[1], row.cells[2]])).toEqual([
      [4, 'R - 1', 40436, null],
      [6, 'R - 2', null, 'x'],
    ]);
  });
});

describe('sheet setup plan', () => {
  const tab = (key: TabKey, headers: string[]): RawTab => ({
    key,
    title: settings.tabs[key].title,
    found: headers.length > 0,
    headerRow: headers.length > 0 ? 1 : 0,
    headers,
    rows: [],
  });
  const info = (sheetId: number, key: TabKey) => ({
    sheetId,
    title: settings.tabs[key].title,
    rowCount: 1000,
    columnCount: 26,
  });

  it('on an empty spreadsheet, adds every tab with its headers, drop-downs, band colours and date formats', () => {
    const states: TabState[] = TAB_KEYS.map((key) => ({
      key,
      info: null,
      tab: tab(key, []),
      formattedColumns: new Set(),
    }));
    const { requests, changes } = planSetup(states, settings, settings.scale, 10);
    expect(requests.filter((r) => r.addSheet).map((r) => r.addSheet!.properties!.title)).toEqual([
      'Risks',
      'Actions',
      'People',
      'Audit log',
    ]);
    const validations = requests
      .filter((r) => r.setDataValidation)
      .map((r) => r.setDataValidation!.rule!.condition!.values!.map((v) => v.userEnteredValue));
    expect(validations).toEqual(
      expect.arrayContaining([
        ['1', '2', '3'],
        ['Open', 'Closed'],
        ['Increasing', 'Decreasing', 'No Change'],
        ['Not started', 'In progress', 'Blocked', 'Done'],
      ]),
    );
    const bandRules = requests.filter(
      (r) => r.addConditionalFormatRule?.rule?.booleanRule?.condition?.type === 'TEXT_EQ',
    );
    expect(
      bandRules.map((r) => r.addConditionalFormatRule!.rule!.booleanRule!.condition!.values![0]!.userEnteredValue),
    ).toEqual(['Low', 'Medium', 'High']);
    expect(changes[0]).toBe('added the "Risks" tab');
  });

  it('on the seed risk log, adds only the columns it lacks at the end, and moves nothing', () => {
    const states: TabState[] = TAB_KEYS.map((key, i) => ({
      key,
      info: info(i, key),
      tab: key === 'risks' ? tab(key, SEED_RISK_HEADERS) : tab(key, []),
      formattedColumns: new Set(),
    }));
    const { requests } = planSetup(states, settings, settings.scale, 10);
    const risksHeaders = requests.find((r) => r.updateCells?.start?.sheetId === 0)!.updateCells!;
    expect(risksHeaders.start).toEqual({ sheetId: 0, rowIndex: 0, columnIndex: SEED_RISK_HEADERS.length });
    expect(risksHeaders.rows![0]!.values!.map((v) => v.userEnteredValue!.stringValue)).toEqual(['Trend']);
    expect(requests.some((r) => r.addSheet || r.deleteSheet || r.deleteDimension)).toBe(false);
  });

  it('run again on a set-up sheet, adds no tabs, columns or colour rules', () => {
    const full = (key: TabKey) =>
      TAB_KEYS.includes(key) ? Object.values(settings.tabs[key].headers).map((h) => h[0]!) : [];
    const states: TabState[] = TAB_KEYS.map((key, i) => ({
      key,
      info: info(i, key),
      tab: tab(key, full(key)),
      formattedColumns: new Set(Array.from({ length: 20 }, (_, c) => c)),
    }));
    const { requests, changes } = planSetup(states, settings, settings.scale, 10);
    expect(requests.filter((r) => r.addSheet || r.updateCells || r.addConditionalFormatRule)).toEqual([]);
    expect(changes).toEqual(['the sheet was already set up: drop-downs and date formats refreshed']);
  });
});
