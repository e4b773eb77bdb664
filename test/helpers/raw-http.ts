import { connect } from 'node:net';

export interface RawResponse {
  /** The status code, or null when the connection ended without a status line. */
  status: number | null;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  text: string;
}

/**
 * Sends bytes to a server exactly as given (a request line Node's client
 * would refuse, a broken escape, a lying Content-Length) and reads what comes
 * back until the server closes the connection or `timeoutMs` passes.
 */
export function rawRequest(
  base: string,
  head: string,
  body: Buffer | string = '',
  timeoutMs = 8000,
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString('latin1');
      const [headText = '', ...rest] = raw.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = headText.split('\r\n');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
        }),
      );
      resolve({ status: status ? Number(status[1]) : null, headers, text: rest.join('\r\n\r\n') });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', done);
    socket.write(head);
    if (body.length > 0) socket.write(body);
  });
}

/** A request head: the request line, the headers (Host and Connection: close added), and the blank line. */
export function requestHead(method: string, target: string, headers: Record<string, string> = {}): string {
  const lines = [
    `${method} ${target} HTTP/1.1`,
    'Host: bot.example.org',
    'Connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}
