import { describe, expect, it } from 'vitest';
import { createSpotMeProvider } from '../../../../src/providers/spotme/provider.ts';

// Nothing here reaches the network: every case is refused before a request is built.
const credentials = { apiKey: 'unit-token', baseUrl: 'https://api.spotme.com/api/v2/workspace', workspaceId: 'ws-1' };

describe('SpotMe provider, before any request', () => {
  const provider = createSpotMeProvider({ credentials });

  it('declares the transcript only, no media, and its pacing', () => {
    expect(provider.name).toBe('spotme');
    expect(provider.produces).toEqual(['transcript']);
    expect(provider.accepts).toEqual({ mediaUrl: false, mediaFile: false });
    expect(provider.pacing).toEqual({ initialMs: 5000, maxMs: 30_000 });
  });

  it.each([
    [{ kind: 'media-url', url: 'https://example.com/talk.mp4' } as const, /A media link/],
    [{ kind: 'media-file', blob: new Blob(['x']), filename: 'talk.mp4' } as const, /An uploaded file/],
    [{ kind: 'existing', id: 'abc' } as const, /spotme:abc/],
    [{ kind: 'existing', id: 'PI-1', variant: 'public' } as const, /spotme:PI-1/],
  ])('refuses %j as unsupported, with a hint', async (input, message) => {
    const error = await provider.start(input, { want: ['summary'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unsupported', hint: expect.stringMatching(/session:<id> or breakout:<id>/) });
    expect((error as Error).message).toMatch(message);
  });

  it('names SPOTME_WORKSPACE_ID when the workspace id is missing', async () => {
    const bare = createSpotMeProvider({ credentials: { apiKey: 'unit-token', baseUrl: credentials.baseUrl } });
    const error = await bare.start({ kind: 'existing', id: 's1', variant: 'session' }, { want: ['summary'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not_configured', hint: expect.stringContaining('SPOTME_WORKSPACE_ID') });
    await expect(bare.client.listEnded('breakout')).rejects.toMatchObject({ code: 'not_configured' });
  });

  it('refuses a stored job without its session or breakout', async () => {
    await expect(provider.poll({ provider: 'spotme', id: 'job_1' }, { want: ['summary'] })).rejects.toMatchObject({ code: 'internal' });
  });
});
