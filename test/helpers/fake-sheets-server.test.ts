import { JWT } from 'google-auth-library';
import { google, type sheets_v4 } from 'googleapis';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeSheetsServer,
  type Fault,
  makeServiceAccountKey,
  SHEETS_SCOPE,
  startFakeSheetsServer,
} from './fake-sheets-server.js';

/** How a googleapis (gaxios) failure looks to the caller. */
interface ApiFailure {
  status?: number;
  code?: string | number;
  message: string;
  response?: { status: number; headers: Headers; data: { error?: { code: number; message: string; status: string } } };
}

// googleapis retries GETs and PUTs by default; tests switch that off so counts are exact.
const once = { retry: false, timeout: 5_000 } as const;

type Key = ReturnType<typeof makeServiceAccountKey>;

function clientFor(server: FakeSheetsServer, key: Key, scopes = [SHEETS_SCOPE]): sheets_v4.Sheets {
  const auth = new JWT({
    email: key.keyJson.client_email,
    key: key.keyJson.private_key,
    keyId: key.keyJson.private_key_id,
    scopes,
  });
  auth.useJWTAccessWithScope = true;
  return google.sheets({ version: 'v4', auth, rootUrl: server.url });
}

async function failure(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (error) {
    return error as ApiFailure;
  }
  throw new Error('expected the call to fail');
}

const REGISTER = {
  Risks: [
    ['ID', 'Title', 'Owner', 'Score', 'Open'],
    ['R1', 'Flood', null, 12, true],
    [],
    ['R2', 'Fire', 'Ann', null, false],
  ],
  'Audit log': [['When', 'Who']],
};

let key: Key;
let otherKey: Key;
let server: FakeSheetsServer;
let sheets: sheets_v4.Sheets;
let id: string;

beforeAll(() => {
  key = makeServiceAccountKey('bot@project.iam.gserviceaccount.com');
  otherKey = makeServiceAccountKey('bot@project.iam.gserviceaccount.com');
});

beforeEach(async () => {
  server = await startFakeSheetsServer({ publicKeys: { [key.keyJson.client_email]: key.publicKeyPem } });
  sheets = clientFor(server, key);
  id = server.addSpreadsheet(REGISTER);
});

afterEach(async () => {
  await server.close();
});

const batchGet = (ranges: string[], valueRenderOption = 'UNFORMATTED_VALUE') =>
  sheets.spreadsheets.values.batchGet(
    { spreadsheetId: id, ranges, valueRenderOption, dateTimeRenderOption: 'SERIAL_NUMBER', majorDimension: 'ROWS' },
    once,
  );

const writeValues = (valueInputOption: string, data: sheets_v4.Schema$ValueRange[]) =>
  sheets.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { valueInputOption, data } }, once);

const batchUpdate = (requests: sheets_v4.Schema$Request[]) =>
  sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } }, once);

describe('authentication', () => {
  it('when the client signs its own JWT with the spreadsheets scope, the request is served with no token exchange', async () => {
    const response = await batchGet(['Risks!A1:A1']);
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => r.kind)).toEqual(['values.batchGet']);
  });

  it('when the JWT is signed with a key the server does not know, answers 401 UNAUTHENTICATED', async () => {
    const error = await failure(
      clientFor(server, otherKey).spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Risks'] }, once),
    );
    expect(error.status).toBe(401);
    expect(error.response?.data.error?.status).toBe('UNAUTHENTICATED');
  });

  it('when the JWT lacks the spreadsheets scope, answers 403 PERMISSION_DENIED', async () => {
    const readOnly = clientFor(server, key, ['https://www.googleapis.com/auth/drive.readonly']);
    const error = await failure(readOnly.spreadsheets.get({ spreadsheetId: id }, once));
    expect(error.status).toBe(403);
    expect(error.response?.data.error?.status).toBe('PERMISSION_DENIED');
  });

  it('when no credentials are sent, answers 401', async () => {
    const anonymous = google.sheets({ version: 'v4', rootUrl: server.url });
    expect((await failure(anonymous.spreadsheets.get({ spreadsheetId: id }, once))).status).toBe(401);
  });

  it('when a key is registered later, its JWTs are accepted', async () => {
    server.registerKey(otherKey.keyJson.client_email, otherKey.publicKeyPem);
    expect((await clientFor(server, otherKey).spreadsheets.get({ spreadsheetId: id }, once)).status).toBe(200);
  });

  it('when something tries a token exchange, answers a loud 404', async () => {
    const response = await fetch(`${server.url}token`, { method: 'POST', body: 'grant_type=jwt-bearer' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('useJWTAccessWithScope');
    expect(server.count('token')).toBe(1);
  });
});

describe('reading values', () => {
  it('leaves out trailing empty rows and cells, and gives "" for empty cells in between', async () => {
    const { data } = await batchGet(['Risks', "'Audit log'"]);
    expect(server.snapshot(id).Risks?.[2]).toEqual([]);
    expect(data.valueRanges).toEqual([
      {
        range: 'Risks!A1:Z1000',
        majorDimension: 'ROWS',
        values: [
          ['ID', 'Title', 'Owner', 'Score', 'Open'],
          ['R1', 'Flood', '', 12, true],
          [],
          ['R2', 'Fire', 'Ann', '', false],
        ],
      },
      { range: "'Audit log'!A1:Z1000", majorDimension: 'ROWS', values: [['When', 'Who']] },
    ]);
  });

  it('with FORMATTED_VALUE, every cell is text', async () => {
    const { data } = await batchGet(['Risks!A2:E2'], 'FORMATTED_VALUE');
    expect(data.valueRanges?.[0]?.values).toEqual([['R1', 'Flood', '', '12', 'TRUE']]);
  });

  it('understands quoted titles with doubled quotes, open-ended ranges, whole columns and single rows', async () => {
    id = server.addSpreadsheet({
      "Bob's risks": [
        ['a', 'b'],
        ['c', 'd'],
        [null, 'e'],
      ],
    });
    const { data } = await batchGet([
      "'Bob''s risks'!A1:Z",
      "'Bob''s risks'!A:A",
      "'Bob''s risks'!B3:P3",
      "'Bob''s risks'!A5:P5",
    ]);
    expect(data.valueRanges?.map((r) => [r.range, r.values])).toEqual([
      [
        "'Bob''s risks'!A1:Z1000",
        [
          ['a', 'b'],
          ['c', 'd'],
          ['', 'e'],
        ],
      ],
      ["'Bob''s risks'!A1:A1000", [['a'], ['c']]],
      ["'Bob''s risks'!B3:P3", [['e']]],
      ["'Bob''s risks'!A5:P5", undefined],
    ]);
  });

  it('when one range names a missing tab, refuses the whole batchGet with 400 "Unable to parse range"', async () => {
    const error = await failure(batchGet(['Risks', "'Actions'"]));
    expect(error.status).toBe(400);
    expect(error.response?.data.error).toMatchObject({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: "Unable to parse range: 'Actions'",
    });
  });

  it('reads one range with values.get, optionally by columns', async () => {
    const { data } = await sheets.spreadsheets.values.get(
      { spreadsheetId: id, range: 'Risks!A1:B2', valueRenderOption: 'UNFORMATTED_VALUE', majorDimension: 'COLUMNS' },
      once,
    );
    expect(data).toEqual({
      range: 'Risks!A1:B2',
      majorDimension: 'COLUMNS',
      values: [
        ['ID', 'R1'],
        ['Title', 'Flood'],
      ],
    });
  });

  it('when 50,000 blank rows follow the data, reads only the data and reports the grid size', async () => {
    id = server.addSpreadsheet({
      Tall: [['h'], ['1'], ...Array.from({ length: 50_000 }, () => Array<null>(20).fill(null))],
    });
    const started = Date.now();
    for (let i = 0; i < 50; i++) await batchGet(['Tall']);
    expect(Date.now() - started).toBeLessThan(5_000);
    const { data } = await batchGet(['Tall']);
    expect(data.valueRanges?.[0]).toMatchObject({ range: 'Tall!A1:Z50002', values: [['h'], ['1']] });
  });
});

describe('writing values', () => {
  it('RAW keeps "=1+2" as text while USER_ENTERED makes it a formula', async () => {
    await writeValues('RAW', [{ range: 'Risks!F2', values: [['=1+2']] }]);
    await writeValues('USER_ENTERED', [{ range: 'Risks!F4', values: [['=1+2']] }]);
    const { data } = await batchGet(['Risks!F1:F4']);
    expect(data.valueRanges?.[0]?.values).toEqual([[], ['=1+2'], [], ['#FORMULA(=1+2)']]);
    expect(server.snapshot(id).Risks?.[3]?.[5]).toBe('#FORMULA(=1+2)');
  });

  it('USER_ENTERED parses numbers, booleans and dates as a person typing would; RAW does not', async () => {
    await writeValues('USER_ENTERED', [{ range: 'Risks!A6:C6', values: [['42', 'true', '2024-03-01']] }]);
    await writeValues('RAW', [{ range: 'Risks!A7:C7', values: [['42', 'true', '2024-03-01']] }]);
    expect(server.snapshot(id).Risks?.slice(5)).toEqual([
      [42, true, 45352],
      ['42', 'true', '2024-03-01'],
    ]);
  });

  it('null leaves a cell alone and "" clears it', async () => {
    await writeValues('RAW', [{ range: 'Risks!A2:C2', values: [[null, '', 'Bea']] }]);
    expect(server.snapshot(id).Risks?.[1]).toEqual(['R1', null, 'Bea', 12, true]);
  });

  it('values.update writes past the edge of the grid by growing it', async () => {
    const { data } = await sheets.spreadsheets.values.update(
      { spreadsheetId: id, range: 'Risks!AB1001', valueInputOption: 'RAW', requestBody: { values: [['far']] } },
      once,
    );
    expect(data).toMatchObject({ updatedRange: 'Risks!AB1001', updatedCells: 1 });
    expect(server.sheetProperties(id, 'Risks')).toMatchObject({ rowCount: 1001, columnCount: 28 });
  });

  it('refuses values that fall outside a bounded range', async () => {
    const error = await failure(writeValues('RAW', [{ range: 'Risks!A5:B5', values: [['a', 'b', 'c']] }]));
    expect(error.status).toBe(400);
  });

  it('when any range of a values.batchUpdate is bad, writes nothing', async () => {
    const before = server.snapshot(id);
    const error = await failure(
      writeValues('RAW', [
        { range: 'Risks!A2', values: [['changed']] },
        { range: 'Nope!A1', values: [['x']] },
      ]),
    );
    expect(error.status).toBe(400);
    expect(server.snapshot(id)).toEqual(before);
  });

  it('refuses a write without valueInputOption', async () => {
    expect(
      (await failure(sheets.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { data: [] } }, once)))
        .status,
    ).toBe(400);
  });

  it('append lands after the last non-empty row of the tab, from column A, and INSERT_ROWS adds rows to the grid', async () => {
    const { data } = await sheets.spreadsheets.values.append(
      {
        spreadsheetId: id,
        range: 'Risks!A:A',
        valueInputOption: 'RAW',
        insertDataOption: 'INSERT_ROWS',
        requestBody: {
          values: [
            ['R3', 'Drought'],
            ['R4', '=HYPERLINK()'],
          ],
        },
      },
      once,
    );
    expect(data.updates).toMatchObject({ updatedRange: 'Risks!A5:B6', updatedRows: 2, updatedCells: 4 });
    expect(server.snapshot(id).Risks?.slice(3)).toEqual([
      ['R2', 'Fire', 'Ann', null, false],
      ['R3', 'Drought'],
      ['R4', '=HYPERLINK()'],
    ]);
    expect(server.sheetProperties(id, 'Risks').rowCount).toBe(1002);
  });
});

describe('spreadsheets', () => {
  it('get lists tab properties and honours fields', async () => {
    const full = await sheets.spreadsheets.get({ spreadsheetId: id }, once);
    expect(full.data.sheets?.map((s) => s.properties)).toEqual([
      { sheetId: 0, title: 'Risks', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } },
      {
        sheetId: 1000001,
        title: 'Audit log',
        index: 1,
        sheetType: 'GRID',
        gridProperties: { rowCount: 1000, columnCount: 26 },
      },
    ]);
    const narrow = await sheets.spreadsheets.get(
      { spreadsheetId: id, fields: 'sheets.properties(sheetId,title)' },
      once,
    );
    expect(narrow.data).toEqual({
      sheets: [
        { properties: { sheetId: 0, title: 'Risks' } },
        { properties: { sheetId: 1000001, title: 'Audit log' } },
      ],
    });
  });

  it('get with ranges and includeGridData returns those tabs with their cells', async () => {
    const { data } = await sheets.spreadsheets.get(
      { spreadsheetId: id, ranges: ['Risks!A1:B2'], includeGridData: true },
      once,
    );
    expect(data.sheets).toHaveLength(1);
    expect(data.sheets?.[0]?.data?.[0]?.rowData?.[1]?.values?.map((v) => v.userEnteredValue)).toEqual([
      { stringValue: 'R1' },
      { stringValue: 'Flood' },
    ]);
  });

  it('create makes a spreadsheet with Sheet1, or with the tabs asked for', async () => {
    const plain = await sheets.spreadsheets.create({ requestBody: { properties: { title: 'Register' } } }, once);
    expect(plain.data.properties?.title).toBe('Register');
    expect(server.snapshot(plain.data.spreadsheetId!)).toEqual({ Sheet1: [] });
    const tabs = await sheets.spreadsheets.create(
      {
        requestBody: {
          properties: { title: 'R' },
          sheets: [{ properties: { title: 'Risks' } }, { properties: { title: 'Actions' } }],
        },
      },
      once,
    );
    expect(Object.keys(server.snapshot(tabs.data.spreadsheetId!))).toEqual(['Risks', 'Actions']);
  });

  it('batchUpdate applies setup requests in order and answers one reply per request', async () => {
    const validation = { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Open' }] }, strict: false };
    const rule = {
      ranges: [{ sheetId: 7, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 }],
      booleanRule: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'High' }] }, format: {} },
    };
    const { data } = await batchUpdate([
      { addSheet: { properties: { sheetId: 7, title: 'Actions', gridProperties: { rowCount: 10, columnCount: 3 } } } },
      {
        updateSheetProperties: {
          properties: { sheetId: 7, gridProperties: { frozenRowCount: 1 } },
          fields: 'gridProperties.frozenRowCount',
        },
      },
      { appendDimension: { sheetId: 7, dimension: 'COLUMNS', length: 2 } },
      {
        updateCells: {
          start: { sheetId: 7, rowIndex: 0, columnIndex: 3 },
          rows: [
            { values: [{ userEnteredValue: { stringValue: '=notes' } }, { userEnteredValue: { numberValue: 45000 } }] },
          ],
          fields: 'userEnteredValue',
        },
      },
      {
        setDataValidation: {
          range: { sheetId: 7, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
          rule: validation,
        },
      },
      { addConditionalFormatRule: { index: 0, rule } },
      {
        repeatCell: {
          range: { sheetId: 7, startRowIndex: 1, startColumnIndex: 4, endColumnIndex: 5 },
          cell: { userEnteredFormat: { numberFormat: { type: 'DATE' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
      {
        appendCells: {
          sheetId: 7,
          rows: [{ values: [{ userEnteredValue: { stringValue: 'A1' } }] }],
          fields: 'userEnteredValue',
        },
      },
      { insertDimension: { range: { sheetId: 7, dimension: 'ROWS', startIndex: 0, endIndex: 1 } } },
    ]);
    expect(data.replies).toHaveLength(9);
    expect(data.replies?.[0]?.addSheet?.properties).toMatchObject({ sheetId: 7, title: 'Actions', index: 2 });
    expect(server.snapshot(id).Actions).toEqual([[], [null, null, null, '=notes', 45000], ['A1']]);
    expect(server.sheetProperties(id, 'Actions')).toMatchObject({ rowCount: 11, columnCount: 5, frozenRowCount: 1 });
    expect(server.validations(id, 'Actions')).toEqual([
      {
        range: { sheetId: 7, startRowIndex: 1, endRowIndex: 10, startColumnIndex: 1, endColumnIndex: 2 },
        rule: validation,
      },
    ]);
    expect(server.conditionalFormats(id, 'Actions')).toEqual([rule]);
    expect(server.formats(id, 'Actions')[0]?.format).toEqual({ numberFormat: { type: 'DATE' } });
    const got = await sheets.spreadsheets.get(
      { spreadsheetId: id, fields: 'sheets(properties(title,gridProperties),conditionalFormats)' },
      once,
    );
    expect(got.data.sheets?.[2]).toEqual({
      properties: { title: 'Actions', gridProperties: { rowCount: 11, columnCount: 5, frozenRowCount: 1 } },
      conditionalFormats: [rule],
    });
  });

  it('deleteConditionalFormatRule removes the rule at an index and answers it', async () => {
    const rule = {
      ranges: [{ sheetId: 0, startColumnIndex: 3, endColumnIndex: 4 }],
      booleanRule: { condition: { type: 'NUMBER_GREATER', values: [{ userEnteredValue: '9' }] }, format: {} },
    };
    await batchUpdate([{ addConditionalFormatRule: { index: 0, rule } }]);
    const { data } = await batchUpdate([{ deleteConditionalFormatRule: { sheetId: 0, index: 0 } }]);
    expect(data.replies?.[0]?.deleteConditionalFormatRule?.rule).toEqual(rule);
    expect(server.conditionalFormats(id, 'Risks')).toEqual([]);
  });

  it.each<[string, sheets_v4.Schema$Request]>([
    ['a duplicate tab title (any case)', { addSheet: { properties: { title: 'audit LOG' } } }],
    ['an unknown sheetId', { appendCells: { sheetId: 999, rows: [], fields: 'userEnteredValue' } }],
    [
      'cells beyond the grid',
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 1000, columnIndex: 0 },
          rows: [{ values: [{}] }],
          fields: 'userEnteredValue',
        },
      },
    ],
    ['a request the fake does not know', { sortRange: { range: { sheetId: 0 } } }],
  ])('when one request has %s, answers 400 and applies none of the batch', async (_, bad) => {
    const before = server.snapshot(id);
    const error = await failure(
      batchUpdate([
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 1, columnIndex: 1 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'changed' } }] }],
            fields: 'userEnteredValue',
          },
        },
        bad,
      ]),
    );
    expect(error.status).toBe(400);
    expect(error.response?.data.error?.message).toMatch(/^Invalid requests\[1\]\./);
    expect(server.snapshot(id)).toEqual(before);
    expect(server.appliedCount()).toBe(0);
  });

  it('answers 404 NOT_FOUND for an unknown spreadsheet and for a method it does not serve', async () => {
    const missing = await failure(sheets.spreadsheets.get({ spreadsheetId: 'nope' }, once));
    expect(missing.response?.data.error).toMatchObject({ code: 404, status: 'NOT_FOUND' });
    expect((await failure(sheets.spreadsheets.values.clear({ spreadsheetId: id, range: 'Risks' }, once))).status).toBe(
      404,
    );
  });
});

describe('faults', () => {
  it("a 429 carries Google's quota error and, when asked, a Retry-After header", async () => {
    server.injectFaults({ status: 429, retryAfterSeconds: 7 }, { status: 429 });
    const first = await failure(batchGet(['Risks']));
    expect(first.status).toBe(429);
    expect(first.response?.headers.get('retry-after')).toBe('7');
    expect(first.response?.data.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(first.response?.data.error?.message).toMatch(/^Quota exceeded/);
    expect((await failure(batchGet(['Risks']))).response?.headers.get('retry-after')).toBeNull();
  });

  it.each([
    [500, 'INTERNAL'],
    [503, 'UNAVAILABLE'],
    [400, 'INVALID_ARGUMENT'],
    [403, 'PERMISSION_DENIED'],
    [404, 'NOT_FOUND'],
  ] as const)(
    'a %i fault surfaces as error.status with status %s, before anything is applied',
    async (status, name) => {
      server.injectFaults({ status });
      const error = await failure(writeValues('RAW', [{ range: 'Risks!A2', values: [['changed']] }]));
      expect(error.status).toBe(status);
      expect(error.response?.data.error?.status).toBe(name);
      expect(server.snapshot(id).Risks?.[1]?.[0]).toBe('R1');
    },
  );

  it('a hang never answers, so the call fails at its timeout', async () => {
    server.injectFaults({ hang: true });
    const started = Date.now();
    const error = await failure(
      sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Risks'] }, { retry: false, timeout: 200 }),
    );
    expect(error.message).toMatch(/aborted/);
    expect(error.status).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a drop closes the connection with no answer and applies nothing', async () => {
    server.injectFaults({ drop: true });
    const error = await failure(writeValues('RAW', [{ range: 'Risks!A2', values: [['changed']] }]));
    expect(error.code).toBe('ECONNRESET');
    expect(server.snapshot(id).Risks?.[1]?.[0]).toBe('R1');
    expect(server.requests[0]).toMatchObject({ fault: 'drop', status: null, applied: false });
  });

  it('applyThenDrop applies the write, then loses the answer', async () => {
    server.injectFaults({ kind: 'spreadsheets.batchUpdate', applyThenDrop: true });
    const error = await failure(
      batchUpdate([
        {
          appendCells: {
            sheetId: 1000001,
            rows: [{ values: [{ userEnteredValue: { stringValue: 'audit' } }] }],
            fields: 'userEnteredValue',
          },
        },
      ]),
    );
    expect(error.code).toBe('ECONNRESET');
    expect(server.snapshot(id)['Audit log']).toEqual([['When', 'Who'], ['audit']]);
    expect(server.appliedCount('spreadsheets.batchUpdate')).toBe(1);
  });

  it('faults with a kind wait for a request of that kind, and are served in order', async () => {
    server.injectFaults({ kind: 'values.batchUpdate', status: 503 }, { status: 500 });
    expect((await failure(batchGet(['Risks']))).status).toBe(500);
    expect((await failure(writeValues('RAW', []))).status).toBe(503);
    expect((await writeValues('RAW', [])).status).toBe(200);
    expect(server.pendingFaults()).toEqual([]);
  });

  it('random faults follow the seed, so a soak run repeats exactly', async () => {
    const run = async () => {
      server.setRandomFaults({ rate: 0.5, faults: [{ status: 503 }, { status: 429 }] as Fault[], seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push(
          await batchGet(['Risks!A1']).then(
            (r) => r.status,
            (e: ApiFailure) => e.status ?? 0,
          ),
        );
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((s) => s !== 200).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(0);
    server.setRandomFaults(null);
    expect((await batchGet(['Risks'])).status).toBe(200);
  });

  it('latency delays every answer', async () => {
    server.setLatency(150);
    const started = Date.now();
    await batchGet(['Risks']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    server.setLatency(0);
  });

  it('latency for one kind of request delays that kind only', async () => {
    server.setLatency(300, 'values.batchGet');
    try {
      const answered: string[] = [];
      const started = Date.now();
      const slow = batchGet(['Risks']).then(() => answered.push('values.batchGet'));
      await sheets.spreadsheets.get({ spreadsheetId: id }, once).then(() => answered.push('spreadsheets.get'));
      await slow;
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(answered).toEqual(['spreadsheets.get', 'values.batchGet']);
    } finally {
      server.setLatency(0);
    }
  });
});

describe('people and bookkeeping', () => {
  it('a person sorting and inserting rows between requests is seen by the next read', async () => {
    server.humanEdit(id, 'Risks', ([header, ...rows]) => [
      header!,
      ['R0', 'New'],
      ...rows.filter((r) => r.length > 0).reverse(),
    ]);
    const { data } = await batchGet(['Risks!A1:A']);
    expect(data.valueRanges?.[0]?.values).toEqual([['ID'], ['R0'], ['R2'], ['R1']]);
    expect(server.snapshot(id).Risks?.[1]).toEqual(['R0', 'New']);
  });

  it('counts requests by kind until reset, faulted ones included', async () => {
    server.injectFaults({ status: 503 });
    await failure(batchGet(['Risks']));
    await batchGet(['Risks']);
    await sheets.spreadsheets.get({ spreadsheetId: id }, once);
    expect([server.count('values.batchGet'), server.count('spreadsheets.get'), server.count()]).toEqual([2, 1, 3]);
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: `/v4/spreadsheets/${id}/values:batchGet`,
      query: { ranges: 'Risks' },
      status: 503,
      fault: 'status:503',
    });
    server.resetCounts();
    expect(server.count()).toBe(0);
  });

  it('records decoded paths for values.get, values.update and values.append', async () => {
    await sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Audit log'!A1:B2" }, once);
    await sheets.spreadsheets.values.update(
      { spreadsheetId: id, range: "'Audit log'!C1", valueInputOption: 'RAW', requestBody: { values: [['Note']] } },
      once,
    );
    await sheets.spreadsheets.values.append(
      { spreadsheetId: id, range: "'Audit log'!A1", valueInputOption: 'RAW', requestBody: { values: [['x']] } },
      once,
    );
    expect(server.requests.map((r) => [r.kind, r.method, r.path])).toEqual([
      ['values.get', 'GET', `/v4/spreadsheets/${id}/values/'Audit log'!A1:B2`],
      ['values.update', 'PUT', `/v4/spreadsheets/${id}/values/'Audit log'!C1`],
      ['values.append', 'POST', `/v4/spreadsheets/${id}/values/'Audit log'!A1:append`],
    ]);
  });

  it('without retry: false, googleapis retries a GET on 503 by itself but never a POST', async () => {
    server.injectFaults({ status: 503 }, { status: 503 });
    await sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Risks'] });
    expect(server.count('values.batchGet')).toBe(3);
    server.injectFaults({ status: 503 });
    expect(
      (
        await failure(
          sheets.spreadsheets.values.batchUpdate({
            spreadsheetId: id,
            requestBody: { valueInputOption: 'RAW', data: [] },
          }),
        )
      ).status,
    ).toBe(503);
    expect(server.count('values.batchUpdate')).toBe(1);
  });
});

describe('what the bot relies on for writes that land once and in the right place', () => {
  const token = (metadataId: number, metadataValue = 'first') => ({
    createDeveloperMetadata: {
      developerMetadata: {
        metadataId,
        metadataKey: 'risk-bot-write',
        metadataValue,
        location: { spreadsheet: true },
        visibility: 'PROJECT',
      },
    },
  });

  it('developer metadata IDs are unique: a second create with the same ID fails the whole batch, changing nothing', async () => {
    await batchUpdate([token(7777)]);
    const before = server.snapshot(id);
    const second = await failure(
      batchUpdate([
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 1, columnIndex: 1 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'Drought' } }] }],
            fields: 'userEnteredValue',
          },
        },
        token(7777, 'second'),
      ]),
    );
    expect(second.response?.status).toBe(400);
    expect(server.snapshot(id)).toEqual(before);
    expect(server.developerMetadata(id).map((m) => m.metadataValue)).toEqual(['first']);
  });

  it('developerMetadata.get finds an entry by ID (404 when there is none); search finds them by key; delete by a data filter', async () => {
    await batchUpdate([token(11), token(12, 'other')]);
    const found = await sheets.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: 11 }, once);
    expect(found.data).toMatchObject({
      metadataId: 11,
      metadataKey: 'risk-bot-write',
      metadataValue: 'first',
      location: { locationType: 'SPREADSHEET' },
    });
    expect(
      (await failure(sheets.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: 99 }, once))).response
        ?.status,
    ).toBe(404);
    const searched = await sheets.spreadsheets.developerMetadata.search(
      {
        spreadsheetId: id,
        requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'risk-bot-write' } }] },
      },
      once,
    );
    expect(searched.data.matchedDeveloperMetadata?.map((m) => m.developerMetadata?.metadataId)).toEqual([11, 12]);
    await batchUpdate([{ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: 11 } } } }]);
    expect(server.developerMetadata(id).map((m) => m.metadataId)).toEqual([12]);
  });

  it('a batch can return the sheet as it left it, for the ranges asked, with cells; copyPaste copies cells to another sheet', async () => {
    const response = await sheets.spreadsheets.batchUpdate(
      {
        spreadsheetId: id,
        requestBody: {
          requests: [
            { addSheet: { properties: { sheetId: 42, title: 'risk-bot scratch', hidden: true } } },
            {
              copyPaste: {
                source: { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 5 },
                destination: { sheetId: 42, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 5 },
                pasteType: 'PASTE_NORMAL',
              },
            },
            {
              updateCells: {
                start: { sheetId: 0, rowIndex: 1, columnIndex: 1 },
                rows: [{ values: [{ userEnteredValue: { stringValue: 'Drought' } }] }],
                fields: 'userEnteredValue',
              },
            },
          ],
          includeSpreadsheetInResponse: true,
          responseRanges: ["'risk-bot scratch'!A2:E2", 'Risks!A2:E2'],
          responseIncludeGridData: true,
        },
      },
      once,
    );
    const sheetsBack = response.data.updatedSpreadsheet?.sheets ?? [];
    const cells = (title: string) =>
      sheetsBack
        .find((s) => s.properties?.title === title)
        ?.data?.[0]?.rowData?.[0]?.values?.map((v) => v.userEnteredValue);
    expect(cells('risk-bot scratch')).toEqual([
      { stringValue: 'R1' },
      { stringValue: 'Flood' },
      undefined,
      { numberValue: 12 },
      { boolValue: true },
    ]);
    expect(cells('Risks')?.[1]).toEqual({ stringValue: 'Drought' });
    expect(sheetsBack.find((s) => s.properties?.title === 'risk-bot scratch')?.properties?.hidden).toBe(true);
  });

  it('a person edit queued with duringNextWrite lands just before the next write, not before reads', async () => {
    server.duringNextWrite(id, 'Risks', ([header = [], ...rows]) => [header, ['R0', 'Inserted'], ...rows]);
    expect((await batchGet(['Risks!A2:A2'])).data.valueRanges?.[0]?.values).toEqual([['R1']]);
    await batchUpdate([
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 1, columnIndex: 1 },
          rows: [{ values: [{ userEnteredValue: { stringValue: 'Drought' } }] }],
          fields: 'userEnteredValue',
        },
      },
    ]);
    expect(
      server
        .snapshot(id)
        .Risks!.slice(1, 3)
        .map((row) => row.slice(0, 2)),
    ).toEqual([
      ['R0', 'Drought'],
      ['R1', 'Flood'],
    ]);
  });

  it('applyLate drops the connection at once and applies the write afterwards', async () => {
    server.injectFaults({ kind: 'spreadsheets.batchUpdate', applyLate: { afterMs: 200 } });
    const dropped = await failure(batchUpdate([token(5)]));
    expect(dropped.response).toBeUndefined();
    expect(server.developerMetadata(id)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(server.developerMetadata(id).map((m) => m.metadataId)).toEqual([5]);
  });
});
