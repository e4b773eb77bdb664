import type { Settings } from '../../config/settings.js';
import type { Scale } from '../../domain/items/scale.js';
import { TAB_KEYS } from '../../domain/register/raw-register.js';
import { findSheet } from './sheet-tabs.js';
import { planSetup } from './sheet-template.js';
import { type SheetsApi, SheetsCallError } from './sheets-api.js';
import { sheetsFailureError } from './sheets-error.js';
import { SheetsRegisterStore } from './sheets-store.js';

/**
 * Makes the spreadsheet a register: tabs, headers, drop-downs, band colours,
 * date formats. Safe to run again; it never deletes or moves anything. The
 * changes go in one batchUpdate, which Sheets applies all or nothing; if its
 * answer is lost the whole setup is worked out again from the sheet as it is.
 */
export async function setupSheet(api: SheetsApi, settings: Pick<Settings, 'tabs'>, scale: Scale): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    const layout = await api.layout();
    const raw = await new SheetsRegisterStore({ api, tabs: settings.tabs, readCacheMs: 0 }).load();
    const states = TAB_KEYS.map((key) => {
      const info = findSheet(layout, settings.tabs[key].title) ?? null;
      return { key, info, tab: raw.tabs[key], formattedColumns: info?.formattedColumns ?? new Set<number>() };
    });
    const plan = planSetup(states, settings, scale, Math.max(0, ...layout.map((info) => info.sheetId)) + 1);
    try {
      await api.batchUpdate(plan.requests);
      return plan.changes;
    } catch (error) {
      if (!(error instanceof SheetsCallError)) throw error;
      if (error.failure.kind === 'permanent' || attempt + 1 >= api.maxAttempts)
        throw sheetsFailureError(error.failure, 'setting up the sheet', error);
      await api.backoff(attempt, error.failure);
    }
  }
}
