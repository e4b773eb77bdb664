import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Env } from './env.js';
import { SettingsError } from './settings.js';

/** The parts of a Google service-account key file the bot uses. */
export const serviceAccountKeySchema = z.object({
  type: z.literal('service_account', {
    message: 'must be "service_account" (a key for a service account, not an OAuth client)',
  }),
  client_email: z.string().email(),
  private_key: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }),
  private_key_id: z.string().optional(),
});
export type ServiceAccountKey = z.infer<typeof serviceAccountKeySchema>;

function parseKey(text: string, source: string): ServiceAccountKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SettingsError(
      ['not valid JSON: it should be the key file Google gave you for the service account'],
      source,
    );
  }
  const parsed = serviceAccountKeySchema.safeParse(json);
  if (!parsed.success)
    throw new SettingsError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      source,
    );
  return parsed.data;
}

/**
 * The service-account key from GOOGLE_SERVICE_ACCOUNT_JSON (the key inline) or
 * GOOGLE_APPLICATION_CREDENTIALS (a key file path); undefined when neither is set.
 */
export function readServiceAccountKey(env: Env): ServiceAccountKey | undefined {
  if (env.GOOGLE_SERVICE_ACCOUNT_JSON !== undefined)
    return parseKey(env.GOOGLE_SERVICE_ACCOUNT_JSON, 'GOOGLE_SERVICE_ACCOUNT_JSON');
  const path = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsError(
      [`cannot read the key file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`],
      'GOOGLE_APPLICATION_CREDENTIALS',
    );
  }
  return parseKey(text, `GOOGLE_APPLICATION_CREDENTIALS (${path})`);
}
