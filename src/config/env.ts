import { existsSync } from 'node:fs';
import { z } from 'zod';

/** An unset or blank variable is absent: `.env.example` copied as is leaves them blank. */
const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankAsAbsent, z.string().trim().min(1).optional());
const optionalUrl = z.preprocess(
  blankAsAbsent,
  z.string().trim().url('a URL like "https://sheets.googleapis.com/"').optional(),
);

/** Every environment variable the bot reads; `.env.example` lists the same, one comment each. */
export const envSchema = z.object({
  REGISTER_WORKBOOK: optionalText,
  REGISTER_SHEET_ID: optionalText,
  GOOGLE_APPLICATION_CREDENTIALS: optionalText,
  GOOGLE_SERVICE_ACCOUNT_JSON: optionalText,
  GOOGLE_SHEETS_API_URL: optionalUrl,
  SLACK_BOT_TOKEN: z.preprocess(
    blankAsAbsent,
    z.string().trim().startsWith('xoxb-', 'a bot token starting "xoxb-"').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: z.preprocess(
    blankAsAbsent,
    z.string().trim().startsWith('xapp-', 'an app-level token starting "xapp-"').optional(),
  ),
  PORT: z.preprocess(blankAsAbsent, z.coerce.number().int().min(0).max(65535).default(3000)),
  SLACK_API_URL: optionalUrl,
  RISK_BOT_CONFIG: optionalText,
  /** Local console: the People name (or Slack user ID) the person at the console acts as, for "me" and "mine". */
  CONSOLE_AS: optionalText,
  REDIS_URL: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .trim()
      .regex(/^rediss?:\/\/\S+$/, 'a Redis URL like "redis://localhost:6379"')
      .optional(),
  ),
  DIGEST_CHANNEL: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .trim()
      .regex(/^[CG][A-Z0-9]{2,}$/, 'a channel ID like "C012ABCDEF" (in Slack: channel details, at the bottom)')
      .optional(),
  ),
});
export type Env = z.infer<typeof envSchema>;

/** Every problem with the environment, naming the variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`the environment has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/**
 * Reads the environment once, at the edge; nothing else touches process.env.
 * A `.env` file in the working folder is loaded first, without overriding
 * variables already set.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env, dotEnvPath = '.env'): Env {
  if (source === process.env && existsSync(dotEnvPath)) process.loadEnvFile(dotEnvPath);
  const parsed = envSchema.safeParse(source);
  if (!parsed.success)
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return parsed.data;
}

/**
 * The secret values the environment holds, for the log to redact wherever
 * they appear: the Slack tokens and signing secret, and Redis's password.
 * (A Google private key is redacted by its shape.)
 */
export function secretValues(env: Env): string[] {
  const secrets = [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN];
  if (env.REDIS_URL !== undefined) {
    try {
      const { password } = new URL(env.REDIS_URL);
      secrets.push(password, decodeURIComponent(password));
    } catch {
      // An unreadable URL is refused elsewhere; nothing to add here.
    }
  }
  return secrets.filter((secret): secret is string => secret !== undefined && secret !== '');
}
