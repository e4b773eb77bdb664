import { resolve } from 'node:path';
import { WorkbookRegisterStore } from '../adapters/workbook/workbook-store.js';
import type { Env } from '../config/env.js';
import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import type { RegisterStore } from '../ports/register-store.js';
import { ensureLocalRegister, LOCAL_REGISTER_PATH } from './local-register.js';

export interface StoreChoice {
  workbook?: string | undefined;
}

export interface OpenedStore {
  store: RegisterStore;
  /** What the register is, for messages: "workbook .local/register.xlsx". */
  description: string;
}

/**
 * The register the bot works on: `--workbook FILE`, else REGISTER_WORKBOOK,
 * else the local working copy of the sample register (made on first use,
 * with its dates placed around today).
 */
export async function openStore(choice: StoreChoice, env: Env, settings: Settings, today: IsoDate): Promise<OpenedStore> {
  const chosen = choice.workbook ?? env.REGISTER_WORKBOOK;
  const path = chosen === undefined ? await ensureLocalRegister(LOCAL_REGISTER_PATH, settings, today) : resolve(chosen);
  return { store: new WorkbookRegisterStore({ path, tabs: settings.tabs }), description: `workbook ${path}` };
}
