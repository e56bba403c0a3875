/**
 * What the AssemblyAI contract tests share: a provider wired to a fake with tiny retry delays, a wait for a job
 * through the router's own poller, counts of the requests a flow cost, and a webhook receiver.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpClientOptions } from '../../../src/http/http-client-types.ts';
import { createAssemblyAiProvider, type AssemblyAiProviderOptions } from '../../../src/providers/assemblyai/provider.ts';
import type { ProviderJob, ProviderRequest, ProviderResult } from '../../../src/providers/provider.ts';
import { waitForJob } from '../../../src/providers/wait-for-job.ts';
import type { AssemblyAiFake } from '../assemblyai.ts';

/** Retries in milliseconds, a short deadline, and a breaker that never opens during a fault-heavy suite. */
export const FAST_CLIENT: Partial<HttpClientOptions> = {
  retry: { baseDelayMs: 5, maxDelayMs: 50 },
  timeoutMs: 2000,
  breaker: { failureThreshold: 1000, cooldownMs: 10 },
};

export function fakeProvider(fake: AssemblyAiFake, extra: Partial<AssemblyAiProviderOptions> & { apiKey?: string } = {}) {
  const { apiKey, client, ...rest } = extra;
  return createAssemblyAiProvider({
    credentials: { apiKey: apiKey ?? fake.apiKey, baseUrl: fake.url },
    client: { ...FAST_CLIENT, ...client },
    pacing: { initialMs: 20, maxMs: 60 },
    ...rest,
  });
}

/** Polls like the router does until the job is done (or failed: then it throws). */
export function waitDone(provider: ReturnType<typeof fakeProvider>, job: ProviderJob, request: ProviderRequest): Promise<ProviderResult> {
  return waitForJob(provider, job, request, { deadlineAt: Date.now() + 10_000 });
}

/** The requests a flow cost, by kind. */
export function costOf(fake: AssemblyAiFake) {
  const count = (method: string, path: RegExp) => fake.calls(method, path).length;
  return {
    uploads: count('POST', /^\/v2\/upload$/),
    creates: count('POST', /^\/v2\/transcript$/),
    polls: count('GET', /^\/v2\/transcript\/[^/]+$/),
    sentences: count('GET', /\/sentences$/),
    total: fake.requests.length,
  };
}

export interface ReceivedHook {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A webhook receiver on 127.0.0.1 answering `status` (200 by default). */
export async function startHookReceiver(status = 200) {
  const received: ReceivedHook[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(text || 'null') as unknown });
      res.writeHead(status).end();
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** Resolves once `n` notifications arrived. */
    async waitFor(n: number, timeoutMs = 5000): Promise<ReceivedHook[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`only ${received.length} of ${n} webhooks arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
