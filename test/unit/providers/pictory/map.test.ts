import { describe, expect, it } from 'vitest';
import { joinWords, mergeHighlights, speakerLabel, toHighlights, toTranscript, totalHighlightMs } from '../../../../src/providers/pictory/map.ts';
import { pictoryJobSchema } from '../../../../src/providers/pictory/schemas.ts';
import { fixture } from './fixtures.ts';

const data = (name: string) => pictoryJobSchema.parse(fixture(name)).data;

describe('pictory transcription → Transcript', () => {
  it('makes one utterance per sentence, in ms, with speakers and without pause markers', () => {
    const transcript = toTranscript(data('transcription-completed'), 'en');
    expect(transcript).toEqual({
      timed: true,
      language: 'en',
      durationMs: 7040,
      utterances: [
        { startMs: 0, endMs: 1900, speaker: 'Speaker 1', text: 'Once again, welcome back.' },
        { startMs: 2300, endMs: 3500, speaker: 'Speaker 2', text: 'We ship on Friday.' },
        { startMs: 5100, endMs: 6250, speaker: 'Speaker 1', text: 'Great, thanks.' },
      ],
    });
  });

  it('falls back to the last end without mediaInfo, and skips sentences without spoken words', () => {
    const transcript = toTranscript({
      transcript: [
        { speakerId: 3, words: [{ word: '', start_time: 0, end_time: 0.4, is_pause: true }] },
        { words: [{ word: 'Hi', start_time: '1.25' as unknown as number, end_time: 1.5, speakerId: 4 }] },
      ],
    });
    expect(transcript.durationMs).toBe(1500);
    expect(transcript.language).toBeUndefined();
    expect(transcript.utterances).toEqual([{ startMs: 1250, endMs: 1500, speaker: 'Speaker 4', text: 'Hi' }]);
  });

  it('joins Japanese and Chinese tokens without spaces, others with', () => {
    expect(joinWords(['今日は', '会議', 'です。'])).toBe('今日は会議です。');
    expect(joinWords(['Ship', ' it', '', 'now.'])).toBe('Ship it now.');
    expect(joinWords(['Demo', '版'])).toBe('Demo 版');
  });

  it('labels speakers', () => {
    expect(speakerLabel(1)).toBe('Speaker 1');
    expect(speakerLabel('2')).toBe('Speaker 2');
    expect(speakerLabel('B')).toBe('Speaker B');
    expect(speakerLabel('Dana')).toBe('Dana');
    expect(speakerLabel(undefined)).toBeUndefined();
  });
});

describe('pictory highlights job → Highlight[]', () => {
  it('reads sentences marked highlight:true, merging adjacent ones', () => {
    // Sentences 0 and 1 are 400 ms apart: one moment.
    expect(toHighlights(data('highlights-completed-flags'))).toEqual([
      { startMs: 0, endMs: 3500, text: 'Once again, welcome back. We ship on Friday.' },
    ]);
  });

  it('reads a highlights array in seconds, sorted', () => {
    expect(toHighlights(data('highlights-completed-spans'))).toEqual([
      { startMs: 0, endMs: 1900, text: 'Once again, welcome back.' },
      { startMs: 5100, endMs: 6250, text: 'Great, thanks.' },
    ]);
  });

  it('prefers the array when both are present, filling missing texts from the transcript', () => {
    const highlights = toHighlights(data('highlights-completed-both'));
    expect(highlights).toEqual([{ startMs: 0, endMs: 3500, text: 'Once again, welcome back. We ship on Friday.' }]);
    expect(totalHighlightMs(highlights)).toBe(3500);
  });

  it('gives nothing for a job without either shape', () => {
    expect(toHighlights({})).toEqual([]);
    expect(toHighlights({ transcript: [], highlights: [] })).toEqual([]);
  });

  it('merges overlaps and keeps spans further apart than the gap', () => {
    expect(
      mergeHighlights([
        { startMs: 5000, endMs: 6000, text: 'c' },
        { startMs: 0, endMs: 1000, text: 'a' },
        { startMs: 500, endMs: 1500, text: 'b' },
        { startMs: 2600, endMs: 3000, text: 'd' },
      ]),
    ).toEqual([
      { startMs: 0, endMs: 1500, text: 'a b' },
      { startMs: 2600, endMs: 3000, text: 'd' },
      { startMs: 5000, endMs: 6000, text: 'c' },
    ]);
  });
});
