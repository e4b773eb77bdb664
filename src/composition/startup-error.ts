import { EnvError } from '../config/env.js';
import { SettingsError } from '../config/settings.js';
import { isDomainError } from '../domain/domain-error.js';

/** The message for a failure a person can fix (settings, environment, register); null for a bug. */
export function explainStartupError(error: unknown): string | null {
  if (error instanceof SettingsError || error instanceof EnvError || isDomainError(error)) return error.message;
  return null;
}
