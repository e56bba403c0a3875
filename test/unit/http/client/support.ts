/**
 * Shared set-up for the provider client tests: a fake provider on 127.0.0.1 (the shared fault-injecting harness)
 * with a few plain routes, and injectable time so retries and pacing are asserted without real waiting.
 */
import { Hono } from 'hono';
import { afterEach, expect } from 'vitest';
import { startFakeServer, type FakeServer } from '../../../fakes/fake-provider-server.ts';
import { ProviderError } from '../../../../src/http/provider-error.ts';

/** A fake provider plus how many times each route's own handler ran (faults answer before the handler). */
export interface Provider {
  fake: FakeServer;
  /** Handler runs per route name: a count of answers the provider really produced. */
  served: Record<string, number>;
}

const started: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

/** Starts a fresh fake provider for one test; it is closed after the test. */
export async function startProvider(extra?: (app: Hono) => void): Promise<Provider> {
  const served: Record<string, number> = {};
  const count = (name: string): void => {
    served[name] = (served[name] ?? 0) + 1;
  };
  const app = new Hono();
  app.get('/v2/items/:id', (c) => {
    count('item');
    return c.json({ id: c.req.param('id'), status: 'completed' });
  });
  app.post('/v2/items', (c) => {
    count('create');
    return c.json({ id: 'new', status: 'queued' });
  });
  app.patch('/v2/items/:id', (c) => {
    count('patch');
    return c.json({ id: c.req.param('id'), status: 'updated' });
  });
  app.get('/v2/text', (c) => {
    count('text');
    return c.text('plain words');
  });
  extra?.(app);
  const fake = await startFakeServer(app);
  started.push(fake);
  return { fake, served };
}

/** Awaits a rejection and checks it is a ProviderError. */
export async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** A sleep that returns at once and records what it was asked to wait. */
export function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** A small seeded PRNG (mulberry32), so statistical tests are repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every string an error carries, its causes included: what could end up in a log or a chat reply. */
export function everythingSaid(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    parts.push(current.message, current.stack ?? '');
    for (const value of Object.values(current)) if (typeof value === 'string') parts.push(value);
    if (current instanceof ProviderError) parts.push(current.describe());
    current = current.cause;
  }
  return parts.join('\n');
}
