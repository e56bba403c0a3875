import { describe, expect, it } from 'vitest';
import { toTranscript } from '../../../../src/providers/spotme/map.ts';
import { fixtureText } from './fixtures.ts';

describe('SpotMe VTT/TXT → Transcript', () => {
  it('reads the VTT with integer-ms times and speakers', () => {
    const transcript = toTranscript(fixtureText('transcript.vtt'), 'vtt');
    expect(transcript.timed).toBe(true);
    expect(transcript.utterances).toEqual([
      { startMs: 0, endMs: 4500, speaker: 'Ana Ruiz', text: 'Welcome to the opening keynote.' },
      { startMs: 5000, endMs: 9250, speaker: 'Ana Ruiz', text: 'Today we review the roadmap and the budget.' },
      { startMs: 10_000, endMs: 14_000, speaker: 'Ben Okafor', text: 'Thanks everyone, see you next week.' },
    ]);
  });

  it('reads bytes as well as text', () => {
    const transcript = toTranscript(new TextEncoder().encode(fixtureText('transcript.vtt')), 'vtt');
    expect(transcript.utterances).toHaveLength(3);
  });

  it('reads the TXT as an untimed transcript', () => {
    const transcript = toTranscript(fixtureText('transcript.txt'), 'txt');
    expect(transcript.timed).toBe(false);
    expect(transcript.utterances.map((u) => u.text).join(' ')).toContain('roadmap and the budget');
    expect(transcript.utterances.every((u) => u.startMs === 0 && u.endMs === 0)).toBe(true);
  });

  it("takes SpotMe's language code (primary subtag) when the reader found none", () => {
    // The readers do not detect languages (they report none), so SpotMe's code is what fills it.
    expect(toTranscript(fixtureText('transcript.vtt'), 'vtt').language).toBeUndefined();
    expect(toTranscript(fixtureText('transcript.vtt'), 'vtt', 'fr-FR').language).toBe('fr');
    expect(toTranscript(fixtureText('transcript.vtt'), 'vtt', 'PT_br').language).toBe('pt');
  });

  it('throws bad_input for an empty file', () => {
    expect(() => toTranscript('', 'vtt')).toThrow(expect.objectContaining({ code: 'bad_input' }));
  });
});
