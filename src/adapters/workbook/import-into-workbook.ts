import { access } from 'node:fs/promises';
import type { Settings } from '../../config/settings.js';
import { DomainError } from '../../domain/domain-error.js';
import type { RawRegister } from '../../domain/register/raw-register.js';
import { exportRegister } from './export-register.js';

/**
 * Copies a register read from anywhere (a CSV export, another workbook) into
 * a new .xlsx workbook the bot can keep: each tab under the title config
 * gives its role ("Plan.csv" becomes the Actions tab), cells as they were
 * read. Only into a file that does not exist yet: it never overwrites a
 * register, and says so rather than merging two. Returns what it wrote.
 */
export async function importIntoWorkbook(
  source: RawRegister,
  path: string,
  settings: Pick<Settings, 'tabs'>,
): Promise<string[]> {
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new DomainError(
      'item_exists',
      'That workbook already exists; import writes only a new workbook, so nothing was written. Give a new file name.',
      { path },
    );
  const tabs = Object.fromEntries(
    Object.entries(source.tabs).map(([key, tab]) => [key, { ...tab, title: settings.tabs[tab.key].title }]),
  ) as RawRegister['tabs'];
  return exportRegister({ ...source, tabs }, path, settings);
}
