import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpLimits } from './http-limits.js';

export interface RunningHttpServer {
  port: number;
  /** Connections open now (for the benches and the shutdown's log). */
  connections(): Promise<number>;
  /**
   * Stops accepting connections and closes idle ones; requests in progress
   * may finish until `graceMs`, after which every connection is cut.
   */
  close(graceMs: number): Promise<void>;
}

/**
 * An HTTP server with every bound set on purpose: how long headers, a whole
 * request and an idle kept-alive connection may take, how many headers and
 * connections it takes. Node's defaults leave several of these open, and
 * check the request time-out only every 30 seconds.
 */
export async function startHttpServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
  host: string,
  limits: HttpLimits,
): Promise<RunningHttpServer> {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: 1000,
      maxHeaderSize: 16 * 1024,
    },
    handler,
  );
  server.maxHeadersCount = limits.maxHeadersCount;
  server.maxConnections = limits.maxConnections;
  // Node answers a malformed request itself (400, 431, 408) when no listener is set; a listener would have to do the same.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (error as { code?: string }).code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => new Promise((resolve) => server.getConnections((_error, count) => resolve(count ?? 0))),
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
