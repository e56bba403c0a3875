import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a {@link TestServer} received. */
export interface RecordedRequest {
  method: string;
  /** Request target as sent: a path, or an absolute URL when the client talks to it as a proxy. */
  target: string;
  headers: IncomingHttpHeaders;
}

/** A throwaway `node:http` server on a loopback address and a random port. */
export interface TestServer {
  /** "http://127.0.0.1:PORT", no trailing slash. */
  origin: string;
  host: string;
  port: number;
  /** Every request received so far, in order. */
  requests: RecordedRequest[];
  /** Resolves when the first response this server wrote is closed (finished or cut off by the client). */
  firstResponseClosed: Promise<void>;
  close(): Promise<void>;
}

export type TestHandler = (req: IncomingMessage, res: ServerResponse, server: TestServer) => void;

/**
 * Starts a server for one test. `close()` cuts open connections first, so slow and infinite handlers never
 * keep the test run alive. Bind to 127.0.0.2 to stand in for a "private" host the fetcher must never reach;
 * pass a `port` to put it on the same port as a 127.0.0.1 server (the same URL, rebound).
 */
export async function startTestServer(handler: TestHandler, host = '127.0.0.1', port = 0): Promise<TestServer> {
  let markFirstClosed: () => void = () => {};
  const firstResponseClosed = new Promise<void>((resolve) => {
    markFirstClosed = resolve;
  });
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers });
    if (requests.length === 1) res.once('close', markFirstClosed);
    handler(req, res, self);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const self: TestServer = {
    origin: `http://${host}:${bound}`,
    host,
    port: bound,
    requests,
    firstResponseClosed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return self;
}

/**
 * Writes `chunk` until the client goes away, honouring back-pressure; the "infinite stream" of the tests.
 * Returns nothing: the loop ends by itself when the response closes.
 */
export function writeForever(res: ServerResponse, chunk: Buffer): void {
  let closed = false;
  res.once('close', () => {
    closed = true;
  });
  const pump = (): void => {
    while (!closed && res.write(chunk)) {
      // keep filling the socket buffer until write() asks us to wait
    }
    if (!closed) res.once('drain', pump);
  };
  pump();
}

/** Writes `byte` every `intervalMs` until the client goes away: a server that trickles its body. */
export function trickle(res: ServerResponse, intervalMs: number, byte = 'x'): void {
  const timer = setInterval(() => res.write(byte), intervalMs);
  res.once('close', () => clearInterval(timer));
}
