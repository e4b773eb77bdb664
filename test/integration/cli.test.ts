import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../src/adapters/workbook/create-workbook.js';
import { localMode, riskBot } from '../helpers/risk-bot.js';
import { runTs } from '../helpers/run-command.js';

const SAMPLE = 'config/sample-register.xlsx';
const TODAY = '2026-11-23';
/** risk-bot in this process, through the entry function src/cli.ts calls; `the installed command` below runs the bin itself. */
const cli = (args: string[], env: Record<string, string> = {}) => riskBot(args, env);

describe('risk-bot check', () => {
  it('when run on the sample, then it finds the seeded faults with tab, row, column and text, and exits 1', async () => {
    const { code, stdout } = await cli(['check', '--workbook', SAMPLE, '--today', TODAY, '--format', 'json']);
    expect(code).toBe(1);
    const { problems } = JSON.parse(stdout);
    const found = problems.map((p: { tab: string; row: number; column: string; value: string; code: string }) => [
      p.tab,
      p.row,
      p.column,
      p.value,
      p.code,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['Risks', 2, 'Target resolution date', '31st Dec 20261', 'date_invalid'],
        ['Risks', 10, 'Date last updated', '19.9.27', 'date_in_future'],
        ['Risks', 14, 'Risk rating', 'Modium', 'band_mismatch'],
        ['Risks', 3, 'Risk owner', 'PCT Dir of ommissioning', 'owner_unknown'],
        ['Actions', 8, 'Lead', '', 'owner_missing'],
      ]),
    );
  });

  it('when run as text, then each problem reads as where, what was found and what is wrong', async () => {
    const { stdout } = await cli(['check', '--workbook', SAMPLE, '--today', TODAY]);
    expect(stdout).toContain('3 errors and 5 warnings');
    expect(stdout).toContain(
      'ERROR Risks, row 2, column "Target resolution date": "31st Dec 20261" is not a valid date: the year 20261 has five digits',
    );
  });

  describe('when a workbook has malformed rows', () => {
    let path = '';
    beforeAll(async () => {
      path = join(mkdtempSync(join(tmpdir(), 'risk-bot-cli-')), 'broken.xlsx');
      await createWorkbook(path, [
        {
          title: 'Risks',
          headers: ['Risk No.', 'Risk Owner', 'Impact (I)', 'Probability (P)', 'Target Resolution Date'],
          rows: [
            ['R-1', 'Lead Commissioner', 'three', 2, '31/03/2027'],
            ['', 'Lead Commissioner', 2, 2, '31/03/2027'],
            ['R-3', 'Lead Commissioner', 2, 2, '31/02/2027'],
            ['R-4', 'Lead Commissioner', 3, 3, 'Dec 26'],
          ],
        },
        {
          title: 'Actions',
          headers: ['Action ID', 'Action', 'Lead', 'Timescale'],
          rows: [['A-1', 'Roll out IAPT', 'Lead Commissioner', '2026/27']],
        },
        { title: 'People', headers: ['Name', 'Slack user'], rows: [['Lead Commissioner', 'U0LEAD']] },
      ]);
    });

    it('then each is reported and the rest is read', async () => {
      const { code, stdout } = await cli(['check', '--workbook', path, '--today', TODAY, '--format', 'json']);
      expect(code).toBe(1);
      const report = JSON.parse(stdout);
      const found = report.problems.map((p: { row: number; column: string; value: string; code: string }) => [
        p.row,
        p.column,
        p.value,
        p.code,
      ]);
      expect(found).toEqual(
        expect.arrayContaining([
          [2, 'Impact (I)', 'three', 'level_invalid'],
          [3, 'Risk No.', '', 'id_missing'],
          [4, 'Target Resolution Date', '31/02/2027', 'date_invalid'],
        ]),
      );
      expect(report.risks.map((r: { id: string }) => r.id)).toEqual(['R-1', 'R-3', 'R-4']);
      expect(report.risks[2]).toMatchObject({ rating: 9, band: 'High', targetDate: '2026-12-31' });
      expect(report.actions[0]).toMatchObject({ id: 'A-1', targetDate: '2027-03-31', milestones: ['2027-03-31'] });
    });
  });
});

describe('risk-bot digest and nudges', () => {
  it('when the digest is asked for as JSON, then it carries the documented fields', async () => {
    const { code, stdout } = await cli(['digest', '--workbook', SAMPLE, '--today', TODAY, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['risks', 'actions', 'overdue', 'dueSoon', 'reviewsDue', 'problems', 'digest']),
    );
    expect(json.risks).toHaveLength(13);
    expect(Object.keys(json.risks[0])).toEqual(
      expect.arrayContaining(['id', 'owner', 'impact', 'probability', 'rating', 'band', 'dueForReview']),
    );
    expect(Object.keys(json.actions[0])).toEqual(
      expect.arrayContaining(['id', 'lead', 'status', 'timescale', 'targetDate', 'milestones']),
    );
    expect(json.actions.find((a: { id: string }) => a.id === 'A-17').targetDate).toBe('2026-11-23');
    expect(json.overdue.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining(['A-7', 'A-13', 'A-18', 'A-22', 'A-25']),
    );
    expect(json.reviewsDue.map((r: { id: string }) => r.id)).toEqual(['R - 1', 'R - 3']);
    expect(json.digest.slippedRepeatedly.map((a: { id: string }) => a.id)).toEqual(['A-10', 'A-25']);
  });

  it('when the digest is printed, then bands are named in words with counts', async () => {
    const { stdout } = await cli(['digest', '--workbook', SAMPLE, '--today', TODAY]);
    expect(stdout).toContain('12 open risks: High 4, Medium 7, Low 1');
    expect(stdout).toContain('Overdue (7)');
    expect(stdout).toContain('Owners the bot cannot reach (2)');
  });

  it('when nudges are previewed, then each owner gets one message and the countdown stages fall today', async () => {
    const { code, stdout } = await cli(['nudges', '--workbook', SAMPLE, '--today', TODAY, '--format', 'json']);
    expect(code).toBe(0);
    const stages = JSON.parse(stdout).nudges.flatMap((g: { nudges: Array<{ id: string; stage: string }> }) =>
      g.nudges.map((n) => `${n.id}:${n.stage}`),
    );
    expect(stages).toEqual(expect.arrayContaining(['A-21:due-14', 'A-15:due-7', 'A-6:due-1', 'A-17:due-0']));
    const kavanagh = JSON.parse(stdout).nudges.filter((g: { owner: string }) => g.owner.toLowerCase() === 'l.kavanagh');
    expect(kavanagh).toHaveLength(1);
  });
});

describe('the installed command, as a process of its own', () => {
  it.concurrent('scripts/risk-bot.js (what npx risk-bot runs) answers like the npm script', async () => {
    const { code, stdout } = await runTs('scripts/risk-bot.js', ['check', '--workbook', SAMPLE, '--today', TODAY]);
    expect(code).toBe(1);
    expect(stdout).toContain('3 errors and 5 warnings');
  });

  it.concurrent('a mistake exits 2 with the message on its standard error, nothing on standard output', async () => {
    const { code, stdout, stderr } = await runTs('scripts/risk-bot.js', ['check', '--today', '2026-02-30']);
    expect(code).toBe(2);
    expect(stderr).toContain('--today must be a date as YYYY-MM-DD');
    expect(stdout).toBe('');
  });
});

describe('mistakes on the command line', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['check', '--today', '2026-02-30'], '--today must be a date as YYYY-MM-DD'],
    [['digest', '--format', 'yaml'], '--format must be text or json'],
    [['check', '--workbook', 'no/such/file.xlsx'], 'no/such/file.xlsx'],
  ])('when run with %j, then it exits 2 saying what is wrong', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('when the config file has a bad setting, then it exits 2 naming the setting', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'risk-bot-cli-')), 'board.json');
    writeFileSync(path, JSON.stringify({ scale: '7x7', reminders: { overdueEveryDays: 0 } }));
    const { code, stderr } = await cli(['check', '--workbook', SAMPLE, '--config', path]);
    expect(code).toBe(2);
    expect(stderr).toContain('scale: "7x7" is not a scale preset; allowed: 3x3, 5x5-nhs');
    expect(stderr).toContain('reminders.overdueEveryDays');
  });
});

describe('local mode (npm start)', () => {
  it('with no credentials and a workbook chosen by REGISTER_WORKBOOK, it prints the digest and the reminders and exits', async () => {
    const { code, stdout } = await localMode({ REGISTER_WORKBOOK: SAMPLE });
    expect(code).toBe(0);
    expect(stdout).toContain('risk-bot local mode');
    expect(stdout).toContain('risk and action digest');
    expect(stdout).toContain('Reminders for');
  });
});
