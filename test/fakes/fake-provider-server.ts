/**
 * The shared harness of the provider fakes: a Hono app served on 127.0.0.1 with a request log and a queue of
 * injected faults (status codes with bodies and Retry-After, HTTP 200 with an error body, truncated JSON, slow or
 * hanging answers, dropped connections). Each fake (`assemblyai.ts`, `memories.ts`, …) builds its routes on top.
 */
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Text bodies only (JSON, form); uploads record their byte count instead. */
  body?: string;
  bytes?: number;
  /** The status the fake answered with (set once it has answered). */
  status?: number;
}

export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** HTTP 200 whose body carries an error (Memories.ai's `code`, Pictory's `success:false`). */
  | { kind: 'body'; body: unknown; status?: number }
  /** A JSON body cut in the middle. */
  | { kind: 'truncated' }
  /** Waits before answering normally. */
  | { kind: 'delay'; ms: number }
  /** Never answers (the client's timeout must fire). */
  | { kind: 'hang' }
  /** Destroys the socket without an answer (ECONNRESET). */
  | { kind: 'reset' };

export interface FaultRule {
  method?: string;
  /** Matches when the request path contains this string, or matches this RegExp. */
  path?: string | RegExp;
  fault: Fault;
  /** How many requests it applies to; default 1. */
  times?: number;
}

export interface FakeServer {
  url: string;
  port: number;
  requests: LoggedRequest[];
  /** Queues a fault for the next matching request(s). */
  inject(rule: FaultRule): void;
  /** Requests matching method and path, for assertions. */
  calls(method: string, path: string | RegExp): LoggedRequest[];
  close(): Promise<void>;
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}

/**
 * Serves `app` on 127.0.0.1:0 behind the logger and fault injector. Upload routes should read the body themselves;
 * the logger records text bodies of JSON and form requests only, so a 1 GB upload is never buffered.
 */
export async function startFakeServer(app: Hono, options: { port?: number } = {}): Promise<FakeServer> {
  const requests: LoggedRequest[] = [];
  const rules: (FaultRule & { left: number })[] = [];
  const sockets = new Set<Socket>();
  const outer = new Hono();

  outer.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const type = c.req.header('content-type') ?? '';
    const entry: LoggedRequest = {
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(c.req.header()).map(([k, v]) => [k.toLowerCase(), v])),
    };
    if (/json|x-www-form-urlencoded/.test(type)) entry.body = await c.req.raw.clone().text();
    requests.push(entry);
    const index = rules.findIndex((r) => r.left > 0 && matches(r, c.req.method, url.pathname));
    if (index !== -1) {
      const rule = rules[index]!;
      rule.left -= 1;
      if (rule.left === 0) rules.splice(index, 1);
      const answer = await applyFault(c, rule.fault);
      if (answer) {
        entry.status = answer.status;
        return answer;
      }
    }
    await next();
    entry.status = c.res.status;
  });
  outer.route('/', app);

  const server = serve({ fetch: outer.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }) as Server;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    inject: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }),
    calls: (method, path) =>
      requests.filter((r) => r.method === method.toUpperCase() && (typeof path === 'string' ? r.path.includes(path) : path.test(r.path))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function applyFault(c: Context, fault: Fault): Promise<Response | undefined> {
  switch (fault.kind) {
    case 'status':
      return new Response(fault.body === undefined ? null : JSON.stringify(fault.body), {
        status: fault.status,
        headers: { 'content-type': 'application/json', ...fault.headers },
      });
    case 'body':
      return c.json(fault.body as object, (fault.status ?? 200) as 200);
    case 'truncated':
      return new Response('{"status": "completed", "text": "half', { status: 200, headers: { 'content-type': 'application/json' } });
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      return undefined;
    case 'hang':
      await new Promise(() => undefined);
      return undefined;
    case 'reset': {
      const incoming = (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming;
      incoming?.socket?.destroy();
      await new Promise(() => undefined);
      return undefined;
    }
  }
}
