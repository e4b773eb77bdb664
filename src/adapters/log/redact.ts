/** What a redacted secret is replaced with. */
export const REDACTED = '[redacted]';

/**
 * Shapes of secrets that may turn up in any text the bot logs: Slack tokens,
 * Google access tokens, bearer credentials, PEM private keys, Slack request
 * signatures, passwords in URLs, and the values of credential-carrying
 * headers however they are printed (`Authorization: …`, `"cookie":"…"`, or
 * Node's rawHeaders list `'Cookie', '…'`).
 */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    `-----${REDACTED} PRIVATE KEY-----`,
  ],
  [/\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/gi, `$1-${REDACTED}`],
  [/\bya29\.[\w.~+/=-]+/g, `ya29.${REDACTED}`],
  // Capitalised Basic only: "basic training" in a note is not a credential.
  [/\b(Bearer|bearer|BEARER|Basic)(\s+)[\w.~+/=-]+/g, `$1$2${REDACTED}`],
  [/\bv0=[0-9a-f]{16,}/gi, `v0=${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)[^\s@/'"]+@/gi, `$1${REDACTED}@`],
  [
    /((?:proxy-)?authorization|set-cookie|cookie|x-slack-signature|x-api-key|private_key(?:_id)?|signing_?secret|client_secret|password)(['"]?\s*[:=,]\s*['"]?)[^'"\r\n]*/gi,
    `$1$2${REDACTED}`,
  ],
];

/** Shorter values are not treated as secrets: replacing every "abc" would wreck the log and protect nothing. */
const MIN_SECRET_LENGTH = 6;

/**
 * Removes secrets from text bound for a log: every occurrence of a known
 * secret value (the bot's own tokens, signing secret, key) and anything
 * shaped like one. Pure, so every log line can pass through it.
 */
export function redact(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
