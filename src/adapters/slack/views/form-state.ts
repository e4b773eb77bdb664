import type { z } from 'zod';

type State = Record<
  string,
  Record<string, { value?: unknown; selected_date?: unknown; selected_option?: { value?: unknown } | null }>
>;

/** A text input's value, trimmed; '' when absent or, in a forged payload, not text. */
export function formText(state: unknown, block: string): string {
  const input = (state as State | undefined)?.[block]?.value;
  const value = input?.selected_option?.value ?? input?.value ?? input?.selected_date;
  return typeof value === 'string' ? value.trim() : '';
}

/** A form's private_metadata read with its schema; null when it is not what the app put there. */
export function formMetadata<T extends z.ZodType>(text: string | undefined, schema: T): z.infer<T> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text || '{}'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What to answer a form the app cannot read (not one it opened, or tampered with): on the form, not a time-out. */
export const UNREADABLE_FORM =
  'This form could not be read. Close it and open it again with the /risk or /action command.';
