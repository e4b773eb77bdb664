import { describe, expect, it } from 'vitest';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { localMode } from '../helpers/risk-bot.js';
import { sampleWorkbookCopy } from '../helpers/slack-app-fixture.js';

const settings = loadSettings();

async function registerAt(path: string) {
  return readRegister(await new WorkbookRegisterStore({ path, tabs: settings.tabs }).load(), settings, '2026-11-23');
}

describe('adding an item at the local console, acting as a person of the register', () => {
  it('when /risk new is answered line by line, with a wrong level and a date that does not exist on the way, then the risk is added once, owned by "me"', async () => {
    const path = sampleWorkbookCopy('console-form-');
    const { code, stdout } = await localMode(
      { REGISTER_WORKBOOK: path, CONSOLE_AS: 'lead commissioner' },
      [
        '/risk new',
        'Supplier of the case system fails',
        'me',
        '5',
        'High',
        '2',
        '31/02/2027',
        'Mar 2027',
        '', // no note
        'what is overdue for me?',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Acting as Lead Commissioner (U0SAMPLE03): "me" and "mine" are theirs.');
    expect(stdout).toContain('"me" for Lead Commissioner');
    expect(stdout).toContain('impact must be a whole number from 1 to 3');
    expect(stdout).toContain('"31/02/2027" is not a valid date');
    expect(stdout).toMatch(/Added R-14: Supplier of the case system fails \(Lead Commissioner\)\./);
    // "me" in a question is the person acted as.
    expect(stdout).toContain('Overdue items of yours');
    const register = await registerAt(path);
    const added = register.risks.filter((risk) => risk.description === 'Supplier of the case system fails');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      key: 'R-14',
      owner: 'Lead Commissioner',
      impact: 3,
      probability: 2,
      rating: 6,
      target: { targetDate: '2027-03-31' },
    });
    expect(register.audit.filter((line) => line.item === 'R-14')).toMatchObject([
      { who: 'U0SAMPLE03', via: 'console' },
    ]);
  });

  it('when the form is cancelled, then nothing is added, and the next line is a command again', async () => {
    const path = sampleWorkbookCopy('console-form-');
    const before = (await registerAt(path)).actions.length;
    const { stdout } = await localMode(
      { REGISTER_WORKBOOK: path },
      ['/action add', 'Write the plan', 'cancel', '/action show A-1'].join('\n'),
    );
    expect(stdout).toContain('Adding an action');
    expect(stdout).toContain('Cancelled: nothing was added.');
    expect(stdout).toMatch(/A-1: /);
    expect((await registerAt(path)).actions).toHaveLength(before);
  });

  it('when the input ends before the form is finished, then it says nothing was added', async () => {
    const path = sampleWorkbookCopy('console-form-');
    const before = (await registerAt(path)).actions.length;
    const { code, stdout } = await localMode({ REGISTER_WORKBOOK: path }, '/action new\nWrite the plan\n');
    expect(code).toBe(0);
    expect(stdout).toContain('The form was not finished: nothing was added.');
    expect((await registerAt(path)).actions).toHaveLength(before);
  });

  it('when CONSOLE_AS names nobody in People, then the console says so and an owner "me" is that name', async () => {
    const { stdout } = await localMode(
      { REGISTER_WORKBOOK: sampleWorkbookCopy('console-form-'), CONSOLE_AS: 'Programme Manager' },
      `${['/action new', 'Write the plan', 'me', '', ''].join('\n')}\n`,
    );
    expect(stdout).toContain('CONSOLE_AS "Programme Manager" is not in the People tab');
    expect(stdout).toMatch(/Added A-\d+: Write the plan \(Programme Manager\)\./);
  });
});
