import type { IncomingMessage } from 'node:http';

/** Arguments @slack/web-api sends as JSON strings inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'files', 'metadata']);

export interface MultipartPart {
  name: string;
  filename?: string;
  data: Buffer;
}

export function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Web API arguments from a query string, a form body or a JSON body. Form
 * fields that hold JSON (blocks, view, …) are parsed back into objects; a
 * field that fails to parse stays a string, so the method can reject it as
 * Slack does.
 */
export function parseArgs(
  raw: Buffer,
  contentType: string | undefined,
  query: URLSearchParams,
): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(query);
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0) return args;
  if (type === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(args, parsed);
    return args;
  }
  if (type === 'multipart/form-data') {
    for (const part of parseMultipart(raw, contentType ?? '')) {
      args[part.name] = part.filename === undefined ? part.data.toString('utf8') : part.data;
    }
    return withJsonFields(args);
  }
  Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  return withJsonFields(args);
}

function withJsonFields(args: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(args)) {
    if (!JSON_FIELDS.has(key) || typeof value !== 'string') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // left as text: the method answers invalid_blocks_format / invalid_arguments
    }
  }
  return args;
}

/** Splits a multipart/form-data body (as form-data, curl -F and browsers send it) into parts. */
export function parseMultipart(raw: Buffer, contentType: string): MultipartPart[] {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundaryText = match?.[1] ?? match?.[2];
  if (boundaryText === undefined) return [];
  const boundary = Buffer.from(`--${boundaryText}`);
  const parts: MultipartPart[] = [];
  let start = raw.indexOf(boundary);
  while (start !== -1) {
    const headerStart = start + boundary.length + 2; // skip CRLF after the boundary
    const next = raw.indexOf(boundary, headerStart);
    if (next === -1) break;
    const headerEnd = raw.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1 || headerEnd > next) break;
    const headers = raw.subarray(headerStart, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    const data = raw.subarray(headerEnd + 4, next - 2); // drop CRLF before the next boundary
    parts.push(filename === undefined ? { name, data } : { name, filename, data });
    start = next;
  }
  return parts;
}

/** The bearer token of a request, or a `token` argument (Slack accepts both). */
export function tokenOf(req: IncomingMessage, args: Record<string, unknown>): string | null {
  const header = req.headers.authorization;
  const bearer = header === undefined ? undefined : /^Bearer\s+(.+)$/i.exec(header)?.[1];
  if (bearer !== undefined && bearer !== '') return bearer;
  return typeof args.token === 'string' && args.token !== '' ? args.token : null;
}
