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
    const server = serve({ fetch: app.fetch, port, ...(hostname ? { hostname } : {}) }) as Server;
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    server.keepAliveTimeout = 5_000;
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
