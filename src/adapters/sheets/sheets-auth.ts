import { JWT } from 'google-auth-library';
import type { ServiceAccountKey } from '../../config/google-credentials.js';

/** Only the spreadsheets scope: the bot needs no Drive or other access. */
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/**
 * Service-account credentials that sign their own JWT bearer per request
 * (useJWTAccessWithScope), so there is no token exchange: Google's APIs
 * accept such tokens, and a local test server or a proxy sees one hop only.
 */
export function serviceAccountAuth(key: ServiceAccountKey): JWT {
  const jwt = new JWT({
    email: key.client_email,
    key: key.private_key,
    keyId: key.private_key_id,
    scopes: [SHEETS_SCOPE],
  });
  jwt.useJWTAccessWithScope = true;
  return jwt;
}
