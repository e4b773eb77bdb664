import { createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, verify } from 'node:crypto';
import { ApiError } from './types.js';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

const UNAUTHENTICATED =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.';

export interface ServiceAccountKey {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  token_uri: string;
}

/** A service-account key file like the one Google hands out, from a fresh RSA pair, and its public key. */
export function makeServiceAccountKey(email = 'risk-bot@fake-project.iam.gserviceaccount.com'): {
  keyJson: ServiceAccountKey;
  publicKeyPem: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const keyJson: ServiceAccountKey = {
    type: 'service_account',
    project_id: email.split('@')[1]?.split('.')[0] ?? 'fake-project',
    private_key_id: randomBytes(20).toString('hex'),
    private_key: privateKey,
    client_email: email,
    client_id: String(100_000_000_000_000_000_000n + BigInt(randomBytes(6).readUIntBE(0, 6))),
    token_uri: 'https://oauth2.googleapis.com/token',
  };
  return { keyJson, publicKeyPem: publicKey };
}

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Checks `Authorization: Bearer <JWT>` as a self-signed service-account JWT
 * (google-auth-library's JWT with useJWTAccessWithScope): RS256 signed by the
 * registered key of `iss`, iss = sub, iat/exp current (60 s skew), and a
 * `scope` holding the spreadsheets scope. Throws 401 or 403 like Google.
 */
export function verifyBearer(header: string | undefined, keys: ReadonlyMap<string, KeyObject>, nowMs: number): string {
  const unauthenticated = (why: string) =>
    new ApiError(401, `${UNAUTHENTICATED} (fake Sheets server: ${why})`, {
      'www-authenticate': 'Bearer realm="https://accounts.google.com/"',
    });
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  if (!match) throw unauthenticated('no Bearer token');
  const parts = match[1]!.split('.');
  if (parts.length !== 3) throw unauthenticated('the token is not a JWT');
  const [h, p, s] = parts as [string, string, string];
  const head = decodePart(h);
  const claims = decodePart(p);
  if (!head || !claims) throw unauthenticated('the JWT does not decode');
  if (head.alg !== 'RS256') throw unauthenticated(`alg ${String(head.alg)} instead of RS256`);
  const key = typeof claims.iss === 'string' ? keys.get(claims.iss) : undefined;
  if (!key) throw unauthenticated(`no key registered for ${String(claims.iss)}`);
  if (!verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url')))
    throw unauthenticated('bad signature');
  if (claims.sub !== claims.iss) throw unauthenticated('sub differs from iss');
  const now = nowMs / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= now - 60) throw unauthenticated('the JWT has expired');
  if (typeof claims.iat !== 'number' || claims.iat > now + 60) throw unauthenticated('the JWT is issued in the future');
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.includes(SHEETS_SCOPE)) {
    throw new ApiError(
      403,
      `Request had insufficient authentication scopes. (fake Sheets server: scope ${JSON.stringify(claims.scope ?? null)}, aud ${JSON.stringify(claims.aud ?? null)})`,
    );
  }
  return claims.iss as string;
}

export const publicKeyOf = (pem: string): KeyObject => createPublicKey(pem);
