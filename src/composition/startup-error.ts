import { EnvError } from '../config/env.js';
import { SettingsError } from '../config/settings.js';
import { isDomainError } from '../domain/domain-error.js';

/** The message for a failure a person can fix (settings, environment, register); null for a bug. */
export function explainStartupError(error: unknown): string | null {
  // A store's message is written for Slack and names no file; at the terminal, the file is what the operator needs.
  if (isDomainError(error) && typeof error.details.path === 'string')
    return `${error.message}\nFile: ${error.details.path}`;
  if (error instanceof SettingsError || error instanceof EnvError || isDomainError(error)) return error.message;
  return null;
}
