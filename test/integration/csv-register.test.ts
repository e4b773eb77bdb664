import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvRegisterStore } from '../../src/adapters/csv/csv-store.js';
import type { RunningSlackApp } from '../../src/adapters/slack/slack-app.js';
import { loadSettings } from '../../src/config/load-settings.js';
import type { Settings } from '../../src/config/settings.js';
import { fakeSlackPerFile } from '../helpers/fake-slack-per-file.js';
import { localMode, riskBot } from '../helpers/risk-bot.js';
import { startTestSlackApp, TEST_SIGNING_SECRET } from '../helpers/slack-app-fixture.js';
import { sendToApp, slashCommandBody } from '../helpers/slack-signing.js';

const TODAY = '2026-11-23';
const base = loadSettings();

// An implementation plan as Google Sheets downloads it (File > Download > CSV): commas, CRLF, the
// tab's name in the file's, multi-line cells quoted, day-first dates as the sheet showed them.
const PLAN = [
  'Action ID,Action,Lead / accountable manager,Co-dependencies,Success criteria,Timescale,Status,Progress %',
  '1.1,"Agree the crisis line specification, with the ICB",Change Manager,,"Specification signed off\r\nBudget agreed",31/12/2026,In progress,40%',
  '1.2,Recruit two band 6 practitioners,Team Lead,HR,"Both in post, ""fully"" inducted",15/11/2026,Not started,',
  '2.1,Review the lone-working policy,Programme Office,,Policy approved,TBC,In progress,50%',
  '2.10,Publish the new referral pathway,Head of Commissioning,1.1,Pathway on the website,Mar - June 27,Not started,',
].join('\r\n');

// A risk log saved from a European Excel as "CSV UTF-8": a byte-order mark, semicolons, CRLF.
const RISK_LOG = `\uFEFF${[
  'Risk No;Date Raised;Risk Owner;Description of Risk;Impact (I);Probability (P);Mitigating Actions;Target Resolution Date;Date Last Updated;Status',
  'RISK-001;01/09/2026;Change Manager;"Supplier cannot staff the line; recruitment slow";3;3;"Weekly calls;\nback-up rota";31/03/2027;01/10/2026;Open',
  'RISK-002;01/09/2026;Team Lead;Estates work on the ward overruns;2;2;Monthly site meeting;30/11/2026;02/11/2026;Open',
  'RISK-003;15/09/2026;Programme Office;"Data returns late; ""unvalidated"" figures";1;2;;31/12/2026;20/11/2026;Open',
].join('\r\n')}\r\n`;

// A log exported from a US project tool: month-first dates, which the file shows by 11/20/2026.
const US_LOG = [
  'ID,Risk,Owner,Impact,Likelihood,Target date,Last updated,Status',
  'RSK-1,Vendor contract not signed,Change Manager,3,2,03/31/2027,11/05/2026,Open',
  'RSK-2,Go-live slips past winter,Team Lead,3,3,11/20/2026,11/20/2026,Open',
].join('\n');

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'csv-register-'));
}

function write(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const json = async (args: string[], env: Record<string, string> = {}) => {
  const { code, stdout, stderr } = await riskBot([...args, '--today', TODAY, '--format', 'json'], env);
  return { code, stderr, out: stdout === '' ? {} : JSON.parse(stdout) };
};

describe('a CSV register read by check, digest and nudges', () => {
  it('an action plan exported from Google Sheets is read as the plan: quoted commas, quotes and line breaks, day-first dates', async () => {
    const plan = write(folder(), 'Implementation plan - Action plan.csv', PLAN);
    const { out } = await json(['check', '--workbook', plan]);
    expect(out.source).toBe(plan);
    const actions = out.actions.map((a: Record<string, unknown>) => [a.id, a.row, a.lead, a.targetDate, a.progress]);
    expect(actions).toEqual([
      ['1.1', 2, 'Change Manager', '2026-12-31', 40],
      ['1.2', 3, 'Team Lead', '2026-11-15', null],
      ['2.1', 4, 'Programme Office', null, 50],
      ['2.10', 5, 'Head of Commissioning', '2027-06-30', null],
    ]);
    const planProblems = out.problems.filter((p: { tab: string }) => p.tab === 'Implementation plan - Action plan');
    expect(planProblems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
  });

  it('a risk log with semicolons and a byte-order mark is read with its ratings and dates', async () => {
    const log = write(folder(), 'Risk log.csv', RISK_LOG);
    const { out } = await json(['digest', '--workbook', log]);
    const risks = out.risks.map((r: Record<string, unknown>) => [r.id, r.owner, r.rating, r.band, r.targetDate]);
    expect(risks).toEqual([
      ['RISK-001', 'Change Manager', 9, 'High', '2027-03-31'],
      ['RISK-002', 'Team Lead', 4, 'Medium', '2026-11-30'],
      ['RISK-003', 'Programme Office', 2, 'Low', '2026-12-31'],
    ]);
    const { stdout } = await riskBot(['digest', '--workbook', log, '--today', TODAY]);
    expect(stdout).toContain('RISK-001 High (9): Supplier cannot staff the line; recruitment slow');
    expect(stdout).toContain('Register: Risk log.csv (CSV, read only)');
  });

  it('a file whose dates are month first is read month first', async () => {
    const log = write(folder(), 'risks-export.csv', US_LOG);
    const { out } = await json(['check', '--workbook', log]);
    expect(out.risks.map((r: Record<string, unknown>) => [r.id, r.targetDate, r.dateLastUpdated])).toEqual([
      ['RSK-1', '2027-03-31', '2026-11-05'],
      ['RSK-2', '2026-11-20', '2026-11-20'],
    ]);
    expect(out.problems.filter((p: { code: string }) => p.code === 'date_invalid')).toEqual([]);
  });

  it('a folder of CSVs, one per tab as a spreadsheet exports them, is the whole register: nudges reach People', async () => {
    const dir = folder();
    write(dir, 'Risks.csv', RISK_LOG);
    write(dir, 'Actions.csv', PLAN);
    write(dir, 'People.csv', 'Name,Slack user\nTeam Lead,U0TEAM\nChange Manager,U0CHANGE\n');
    const { out } = await json(['nudges', '--workbook', dir]);
    expect(out.source).toBe(join(dir, '*.csv'));
    const team = out.nudges.find((n: { owner: string }) => n.owner === 'Team Lead');
    expect(team.slackUsers).toEqual(['U0TEAM']);
    expect(team.nudges.map((n: { id: string }) => n.id).sort()).toEqual(['1.2', 'RISK-002']);
  });

  it('REGISTER_WORKBOOK may name a CSV', async () => {
    const log = write(folder(), 'Risk log.csv', RISK_LOG);
    const { code, out } = await json(['check'], { REGISTER_WORKBOOK: log });
    expect(code).not.toBe(2);
    expect(out.risks).toHaveLength(3);
  });

  it('a file saved by Excel as plain "CSV" (Windows-1252) keeps its pound signs and dashes', async () => {
    const text =
      'Action ID,Action,Lead,Resources,Timescale\n1.1,Crisis line \u2013 phase 1,Team Lead,\u00a340k,31/12/2026\n';
    const bytes = Buffer.from([...text].map((c) => (c === '\u2013' ? 0x96 : c.charCodeAt(0))));
    const plan = write(folder(), 'Plan.csv', bytes);
    const { stdout } = await riskBot(['nudges', '--workbook', plan, '--today', '2026-12-31']);
    expect(stdout).toContain('Crisis line \u2013 phase 1');
  });

  it('a missing CSV is reported by name, not with a zip library message', async () => {
    const { code, stderr } = await riskBot(['check', '--workbook', join(folder(), 'nowhere.csv')]);
    expect(code).toBe(2);
    expect(stderr).toContain('The register CSV file was not found');
  });
});

describe('writing to a CSV register', () => {
  it('is refused, saying how to import it, and the file is untouched', async () => {
    const log = write(folder(), 'Risk log.csv', RISK_LOG);
    const store = new CsvRegisterStore({ path: log, tabs: base.tabs });
    await expect(
      store.write({ updates: [{ tab: 'risks', id: 'RISK-001', changes: [] }], inserts: [], audit: [] }),
    ).rejects.toMatchObject({
      code: 'read_only',
      message: expect.stringContaining('risk-bot import Risk log.csv --workbook register.xlsx (or --sheet SHEET_ID)'),
    });
  });

  it('at the console (npm start on a CSV), a command that writes is refused and questions are answered', async () => {
    const log = write(folder(), 'Risk log.csv', RISK_LOG);
    const { stdout, stderr } = await localMode({ REGISTER_WORKBOOK: log }, '/risk close RISK-002\nshow me RISK-002\n');
    expect(stderr).toBe('');
    expect(stdout).toContain('CSV register');
    expect(stdout).toContain('which the bot reads but never changes, so nothing was written');
    expect(stdout).toContain('risk-bot import Risk log.csv --workbook register.xlsx');
    expect(stdout).toContain('RISK-002: Estates work on the ward overruns');
  });

  it('import copies it into a new workbook the bot can keep, each tab under its role', async () => {
    const dir = folder();
    const plan = write(dir, 'Implementation plan - Action plan.csv', PLAN);
    const workbook = join(dir, 'register.xlsx');
    const imported = await riskBot(['import', plan, '--workbook', workbook]);
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining('"Actions": 4 row(s)') });
    const { out } = await json(['check', '--workbook', workbook]);
    expect(out.actions.map((a: { id: string; targetDate: string | null }) => [a.id, a.targetDate])).toEqual([
      ['1.1', '2026-12-31'],
      ['1.2', '2026-11-15'],
      ['2.1', null],
      ['2.10', '2027-06-30'],
    ]);
    const again = await riskBot(['import', plan, '--workbook', workbook]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('That workbook already exists');
  });
});

describe('the Slack bot on a CSV register', () => {
  const settings: Settings = { ...base, programmeOffice: { users: ['U0PMO'], userGroup: null } };
  const slack = fakeSlackPerFile();
  let app: RunningSlackApp;

  beforeEach(async () => {
    const dir = folder();
    mkdirSync(join(dir, 'export'));
    write(dir, 'export/Risks.csv', RISK_LOG);
    const store = new CsvRegisterStore({ path: join(dir, 'export'), tabs: settings.tabs });
    app = await startTestSlackApp(slack, { store, settings, today: () => TODAY, log: () => {} });
  });
  afterEach(async () => {
    await app.stop();
  });

  it('answers /risk show, and refuses /risk close with how to import the file', async () => {
    const send = (text: string) =>
      sendToApp(
        app.url!,
        slashCommandBody({ command: '/risk', text, userId: 'U0PMO', responseUrl: slack.responseUrl() }),
        { secret: TEST_SIGNING_SECRET },
      );
    await send('show RISK-003');
    const [shown] = await slack.waitFor('response_url', 1, 8000);
    expect(JSON.stringify(shown!.args)).toContain('Data returns late');
    await send('close RISK-003');
    const [, refused] = await slack.waitFor('response_url', 2, 8000);
    expect(JSON.stringify(refused!.args)).toContain('which the bot reads but never changes');
    expect(JSON.stringify(refused!.args)).toContain('risk-bot import export --workbook register.xlsx');
  });
});
