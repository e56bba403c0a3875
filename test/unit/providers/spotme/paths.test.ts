import { describe, expect, it } from 'vitest';
import { DEFAULT_SPOTME_PATHS, expandPath, pathsFor } from '../../../../src/providers/spotme/paths.ts';

describe('SpotMe path templates', () => {
  it('defaults to the paths providers.md assumes', () => {
    expect(pathsFor(DEFAULT_SPOTME_PATHS, 'session')).toEqual({
      trigger: '/{workspaceId}/live-sessions/{sessionId}/recordings',
      recordings: '/{workspaceId}/live-sessions/{sessionId}/recordings',
      list: '/{workspaceId}/live-sessions?status=ended',
    });
    expect(pathsFor(DEFAULT_SPOTME_PATHS, 'breakout').trigger).toBe('/{workspaceId}/breakouts/{breakoutId}/recordings');
    expect(DEFAULT_SPOTME_PATHS.job).toBe('/{workspaceId}/jobs/{jobId}');
  });

  it('fills placeholders, percent-encoding values, and moves a fixed query string into parameters', () => {
    expect(expandPath('/{workspaceId}/live-sessions/{sessionId}/recordings', { workspaceId: 'ws 1', sessionId: 'a/b?c' })).toEqual({
      path: '/ws%201/live-sessions/a%2Fb%3Fc/recordings',
      query: {},
    });
    expect(expandPath('/{workspaceId}/breakouts?status=ended&kind=video', { workspaceId: 'ws' })).toEqual({
      path: '/ws/breakouts',
      query: { status: 'ended', kind: 'video' },
    });
  });

  it.each(['', '.', '..'])('refuses the id %j (a dot segment would climb to another endpoint)', (id) => {
    expect(() => expandPath('/{workspaceId}/jobs/{jobId}', { workspaceId: 'ws', jobId: id })).toThrow(
      expect.objectContaining({ code: 'bad_input' }),
    );
  });

  it('names a placeholder it has no value for', () => {
    expect(() => expandPath('/{workspaceId}/x/{eventId}', { workspaceId: 'ws' })).toThrow(/\{eventId\}/);
  });
});
