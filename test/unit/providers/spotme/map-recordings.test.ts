import { describe, expect, it } from 'vitest';
import { LINK_REFRESH_MARGIN_MS, linksAreStale, toEpochMs, toRecordings } from '../../../../src/providers/spotme/map.ts';
import { recordingsSchema } from '../../../../src/providers/spotme/schemas.ts';
import { fixtureJson } from './fixtures.ts';

const read = (name: string) => toRecordings(recordingsSchema.parse(fixtureJson(name)));

describe('SpotMe recordings → links', () => {
  it('maps links, glossary and times (ISO) to epoch ms', () => {
    const recordings = read('recordings.json');
    expect(recordings).toEqual({
      vttUrl: expect.stringMatching(/^https:\/\/cdn\.spotme\.example\/.+transcript\.vtt\?Expires=/),
      txtUrl: expect.stringMatching(/transcript\.txt\?/),
      mp4Url: expect.stringMatching(/recording\.mp4\?/),
      expiresAtMs: Date.parse('2026-06-04T18:00:00Z'),
      glossaryId: 'gl-product-names',
      generatedAtMs: Date.parse('2026-06-04T12:00:00Z'),
    });
  });

  it('reads epoch seconds and milliseconds, nulls and empty links as absent, and the undocumented language', () => {
    const recordings = read('recordings-epoch.json');
    expect(recordings).toEqual({
      txtUrl: 'https://cdn.spotme.example/b/77/transcript.txt?sig=zz',
      expiresAtMs: 1_780_596_000_000,
      generatedAtMs: 1_780_574_400_000,
      languageCode: 'fr-FR',
    });
  });

  it('drops links that are not http(s) and treats an unreadable expiry as already stale', () => {
    const recordings = read('recordings-bad-links.json');
    expect(recordings).toEqual({ expiresAtMs: 0, glossaryId: '42' });
    expect(linksAreStale(recordings, Date.parse('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('refuses a body without an expiry (the schema is strict only where Recap needs the value)', () => {
    expect(recordingsSchema.safeParse({ vtt_url: 'https://x.example/a.vtt' }).success).toBe(false);
  });

  it('calls links stale when past or within 5 minutes of expiry', () => {
    const expiresAtMs = Date.parse('2026-06-04T18:00:00Z');
    const recordings = { expiresAtMs };
    expect(LINK_REFRESH_MARGIN_MS).toBe(300_000);
    expect(linksAreStale(recordings, expiresAtMs - 6 * 60_000)).toBe(false);
    expect(linksAreStale(recordings, expiresAtMs - 5 * 60_000)).toBe(true);
    expect(linksAreStale(recordings, expiresAtMs - 60_000)).toBe(true);
    expect(linksAreStale(recordings, expiresAtMs + 1)).toBe(true);
  });

  it.each([
    ['2026-06-04T18:00:00Z', Date.parse('2026-06-04T18:00:00Z')],
    ['2026-06-04T20:00:00+02:00', Date.parse('2026-06-04T18:00:00Z')],
    [1_780_596_000, 1_780_596_000_000],
    [1_780_596_000_000, 1_780_596_000_000],
    ['1780596000', 1_780_596_000_000],
    ['next tuesday', undefined],
    [null, undefined],
  ])('toEpochMs(%j) = %j', (input, expected) => {
    expect(toEpochMs(input)).toBe(expected);
  });
});
