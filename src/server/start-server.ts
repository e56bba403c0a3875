/**
 * Serves the Hono app on Node's HTTP server with short header and request timeouts (slow clients are cut off
 * without slowing others), and closes it gracefully.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { RecapError } from '../errors.ts';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function startServer(app: Hono, port: number, hostname?: string): Promise<RunningServer> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({
      fetch: app.fetch,
      port,
      ...(hostname ? { hostname } : {}),
      serverOptions: {
        // S-23: Node only enforces headersTimeout/requestTimeout when it sweeps its connections, every 30 s by
        // default, so a slowloris client held a socket for up to timeout + 30 s (measured: 18-30 s for a 5 s
        // timeout). Sweeping every second cuts it off within about a second of the timeout.
        connectionsCheckingInterval: 1_000,
        // Slack (3 s budget) and provider callbacks send their whole request at once: 5 s for the headers and 15 s
        // for headers plus body (at most 1 MiB) are plenty. Neither counts the time Recap takes to answer.
        headersTimeout: 5_000,
        requestTimeout: 15_000,
        keepAliveTimeout: 5_000,
      },
    }) as Server;
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new RecapError('bad_input', `Port ${port} is already in use.`, { hint: 'Stop the other program or set PORT to a free port.' }));
      } else reject(error);
    });
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      resolvePromise({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
