import { describe, expect, it } from 'vitest';
import { noRecordingYet, parseSpotMeError } from '../../../../src/providers/spotme/spotme-errors.ts';

describe('SpotMe error bodies', () => {
  it.each([
    [{ error: 'vod_not_available', message: 'The VOD is not available yet' }, { code: 'vod_not_available', message: 'The VOD is not available yet' }],
    [{ error: { code: 'NOT_FOUND', message: 'No such session' } }, { code: 'NOT_FOUND', message: 'No such session' }],
    [{ code: 401, message: 'Unauthorized' }, { code: '401', message: 'Unauthorized' }],
    [{ errors: [{ code: 'E1', message: 'bad glossary' }] }, { code: 'E1', message: 'bad glossary' }],
    [{ error: 'Something broke' }, { message: 'Something broke' }],
    ['Bad Gateway', { message: 'Bad Gateway' }],
    [null, {}],
    [[1, 2], {}],
  ])('reads %j', (body, expected) => {
    expect(parseSpotMeError(body)).toEqual(expected);
  });
});

describe('no recording yet', () => {
  it('says why for a session, with a hint', () => {
    const error = noRecordingYet('session', 'sess-42');
    expect(error.code).toBe('not_found');
    expect(error.message).toBe("SpotMe has no recording for session sess-42 yet: its VOD isn't available.");
    expect(error.hint).toMatch(/VOD/);
  });

  it('says why for a breakout', () => {
    expect(noRecordingYet('breakout', 'b-7').message).toBe("SpotMe has no recording for breakout b-7 yet: the video breakout hasn't ended.");
  });
});
