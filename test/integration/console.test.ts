import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { WorkbookRegisterStore } from '../../src/adapters/workbook/workbook-store.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { readRegister } from '../../src/domain/register/read-register.js';
import { localMode } from '../helpers/risk-bot.js';
import { REPO_ROOT } from '../helpers/run-command.js';
import { sampleWorkbookCopy } from '../helpers/slack-app-fixture.js';

const settings = loadSettings();

async function registerAt(path: string) {
  return readRegister(await new WorkbookRegisterStore({ path, tabs: settings.tabs }).load(), settings, '2026-11-23');
}

/** Runs npm start's entry point inside a pseudo-terminal (util-linux `script`), typing each line once the prompt shows. */
function inTerminal(env: Record<string, string>, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const command = `${process.execPath} --import tsx src/main.ts`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb', ...env },
    });
    let screen = '';
    let prompts = 0;
    const pending = [...lines];
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      const seen = screen.split('> ').length - 1;
      while (prompts < seen && pending.length > 0) {
        prompts += 1;
        child.stdin.write(`${pending.shift()}\r`);
      }
      prompts = Math.max(prompts, seen);
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`console did not finish; screen so far:\n${screen}`));
    }, 30_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(screen);
    });
    child.on('error', reject);
  });
}

// One run in a real terminal (npm start's process, a pseudo-terminal); the rest in-process, the console given its input as a stream.
describe('the local console', () => {
  it('in a terminal, a typed update changes the workbook and its Audit log', async () => {
    const path = sampleWorkbookCopy('console-');
    const screen = await inTerminal({ REGISTER_WORKBOOK: path }, [
      '/action update a17 progress 95 note "PCT board on Thursday"',
      '/risk show R 3',
      "what's overdue for P. Absolon?",
      'quit',
    ]);
    expect(screen).toContain('Ask in plain words');
    expect(screen).toContain('Overdue items for P. Absolon');
    expect(screen).toContain('Updated A-17: progress 90 → 95');
    expect(screen).toContain('R - 3: concerns about accuracy of data and information');
    const register = await registerAt(path);
    expect(register.actions.find((a) => a.key === 'A-17')).toMatchObject({
      progress: 95,
      latestNote: 'PCT board on Thursday',
    });
    expect(register.audit.slice(-2)).toMatchObject([
      {
        item: 'A-17',
        field: 'progress',
        oldValue: '90',
        newValue: '95',
        via: 'console',
        note: 'PCT board on Thursday',
      },
      // The note replaced the latest note: the Audit log keeps the text it replaced.
      {
        item: 'A-17',
        field: 'latestNote',
        oldValue: 'The last two practices go live today',
        newValue: 'PCT board on Thursday',
      },
    ]);
  });

  it('given a script, it prints the digest and reminders, runs each line, and exits', async () => {
    const path = sampleWorkbookCopy('console-');
    const { code, stdout } = await localMode(
      { REGISTER_WORKBOOK: path },
      '/risk update R-3 impact 3\n/action done A-6\n/action show A-99\n',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('risk and action digest');
    expect(stdout).toContain('Reminders for');
    expect(stdout).toContain('[to the board channel] R - 3 is now High (6)');
    expect(stdout).toContain('Updated A-6: status In progress → Done');
    expect(stdout).toContain('There is no risk or action A-99 in the register');
    const register = await registerAt(path);
    expect(register.risks.find((r) => r.key === 'R-3')).toMatchObject({ impact: 3, rating: 6, trend: 'Increasing' });
    expect(register.actions.find((a) => a.key === 'A-6')).toMatchObject({ status: 'Done', progress: 100 });
  });

  it('with no input at all (npm start < /dev/null), it prints the digest and exits cleanly', async () => {
    const { code, stdout } = await localMode({ REGISTER_WORKBOOK: sampleWorkbookCopy('console-') });
    expect(code).toBe(0);
    expect(stdout).toContain('risk and action digest');
  });
});
