import type { Settings } from '../config/settings.js';
import type { IsoDate } from '../domain/cell.js';
import { isDomainError } from '../domain/domain-error.js';
import { type NewItemFields, planNewItem } from '../domain/items/new-item.js';
import { type Actor, permissionToAdd, requirePermission } from '../domain/items/permissions.js';
import type { AuditRecord } from '../domain/register/raw-register.js';
import type { RegisterStore } from '../ports/register-store.js';
import { levelWords, loadRegister } from './load-register.js';
import { mayAddOnWrite } from './permission-on-write.js';

export interface CreateItemInput {
  fields: NewItemFields;
  actor: Actor;
  via: AuditRecord['via'];
  today: IsoDate;
  now: string;
  /** Names the request (a Slack delivery), so a retry or replay of it is not applied twice. */
  changeId?: string | undefined;
}

/**
 * Adds a risk or action with the next free ID. Two people adding at once
 * may pick the same ID; the store refuses the second, which then takes the
 * next one.
 */
/** How many next IDs to try when others keep taking them: a burst of people adding at once. */
const ID_TRIES = 6;

export async function createItem(
  deps: { store: RegisterStore; settings: Pick<Settings, 'tabs' | 'scale'> },
  input: CreateItemInput,
): Promise<{ id: string }> {
  for (let attempt = 0; ; attempt++) {
    const register = await loadRegister(deps.store, deps.settings, input.today);
    requirePermission(permissionToAdd(input.actor, register.people));
    const item = planNewItem(
      register,
      input.fields,
      deps.settings.scale,
      input.today,
      input.now,
      input.actor.id,
      input.via,
    );
    try {
      const written = await deps.store.write({
        updates: [],
        inserts: [
          {
            tab: input.fields.kind === 'risk' ? 'risks' : 'actions',
            values: item.values,
            // What the person gave must land: a column missing for it refuses the item, naming the column.
            required:
              input.fields.kind === 'risk'
                ? ['description', 'owner', 'impact', 'probability', 'targetResolution']
                : ['action', 'lead', ['timescale', 'targetDate']],
          },
        ],
        audit: item.audit,
        levelWords: levelWords(deps.settings.scale),
        changeId: input.changeId,
        precondition: mayAddOnWrite(input.actor),
      });
      return { id: written.renamed?.[item.id] ?? item.id };
    } catch (error) {
      if (!isDomainError(error, 'item_exists') || attempt + 1 >= ID_TRIES) throw error;
    }
  }
}
