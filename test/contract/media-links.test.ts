/**
 * Media links shared by replicas: two Recaps on one store (each with its own SpotMe client, as two processes have)
 * hand out the URL one of them read, so a link clicked on both costs one SpotMe read. A Recap that lost its SpotMe
 * credentials says so instead of pretending the recording is gone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaLinks } from '../../src/captions/media-links.ts';
import { memoryStore } from '../../src/store.ts';
import { startSpotMeFake, type SpotMeFake } from '../fakes/spotme.ts';
import { freshToken, providerFor } from '../fakes/spotme/test-clients.ts';

describe('media links across replicas', () => {
  let fake: SpotMeFake;
  beforeEach(async () => {
    fake = await startSpotMeFake({ token: freshToken(), stepMs: 20 });
    fake.addSession('sess-1', { vod: true });
    fake.seedRecording('sess-1');
  });
  afterEach(() => fake.close());
  const reads = () => fake.calls('GET', '/live-sessions/sess-1/recordings').length;
  const handle = { provider: 'spotme' as const, id: 'sess-1', variant: 'session' as const };

  it('a URL one replica read is handed out by the other without asking SpotMe again', async () => {
    const { store } = memoryStore();
    const base = () => 'https://recap.example.com';
    const a = new MediaLinks({ store, base, providers: { spotme: providerFor(fake) } });
    const b = new MediaLinks({ store, base, providers: { spotme: providerFor(fake) } });
    const link = await a.publish(handle);
    expect(link).toMatch(/^https:\/\/recap\.example\.com\/media\/[A-Za-z0-9_-]{24}$/);
    const token = link!.split('/').pop()!;
    const first = await a.resolve(token);
    expect(first.kind).toBe('redirect');
    expect(await b.resolve(token)).toEqual(first);
    expect(reads()).toBe(1);
  });

  it('gives no link for a provider without media URLs, and says when SpotMe is no longer configured', async () => {
    const { store } = memoryStore();
    const base = () => 'https://recap.example.com';
    const withSpotMe = new MediaLinks({ store, base, providers: { spotme: providerFor(fake) } });
    expect(await withSpotMe.publish({ provider: 'assemblyai', id: 'abc' })).toBeUndefined();
    const token = (await withSpotMe.publish(handle))!.split('/').pop()!;
    const without = new MediaLinks({ store, base, providers: {} });
    expect(await without.resolve(token)).toEqual({ kind: 'unconfigured', provider: 'spotme' });
  });
});
