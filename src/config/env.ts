import { z } from 'zod';

const optionalText = z.string().trim().min(1).optional().catch(undefined);

/** Every environment variable the bot reads; `.env.example` lists the same, one comment each. */
export const envSchema = z.object({
  REGISTER_WORKBOOK: optionalText,
  REGISTER_SHEET_ID: optionalText,
  GOOGLE_APPLICATION_CREDENTIALS: optionalText,
  GOOGLE_SERVICE_ACCOUNT_JSON: optionalText,
  GOOGLE_SHEETS_API_URL: z.string().trim().url('a URL like "https://sheets.googleapis.com/"').optional(),
});
export type Env = z.infer<typeof envSchema>;

/** Reads the environment once, at the edge; nothing else touches process.env. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return envSchema.parse(source);
}
