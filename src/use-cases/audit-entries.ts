import type { AuditRecord } from '../domain/register/raw-register.js';
import type { AuditEntry } from '../domain/register/register.js';

/** Audit lines just written, as the register would read them back (their row is not known yet). */
export const asAuditEntries = (records: readonly AuditRecord[]): AuditEntry[] =>
  records.map((record) => ({ ...record, row: 0 }));
