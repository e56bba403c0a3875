import { describe, expect, it } from 'vitest';
import {
  isVisualTranscript,
  secondsToMs,
  speakerLabel,
  summaryText,
  toChapters,
  toSegmentInputs,
  toSpeechTranscript,
  toTopics,
  toVisualTranscript,
} from '../../../../src/providers/memories/map.ts';
import { summaryData, transcriptionData } from './fixtures.ts';

describe('memories speech segments → Transcript', () => {
  it('maps the seed example: seconds in strings → ms, text trimmed, duration from the last end', () => {
    const transcript = toSpeechTranscript(transcriptionData('audio-transcription'), { language: 'en' });
    expect(transcript).toMatchObject({ timed: true, language: 'en', durationMs: 35_000 });
    expect(transcript!.utterances).toHaveLength(6);
    expect(transcript!.utterances[0]).toEqual({ startMs: 0, endMs: 7000, text: "I'm going to get my emergency and report." });
    expect(transcript!.utterances[5]).toEqual({ startMs: 30_000, endMs: 35_000, text: "Mommy, you're going to go." });
    expect(isVisualTranscript(transcript!)).toBe(false);
  });

  it('reads the public example (no success/failed in the envelope)', () => {
    const transcript = toSpeechTranscript(transcriptionData('public-audio-transcription'));
    expect(transcript!.utterances.map((u) => [u.startMs, u.endMs])).toEqual([[0, 3000], [3000, 7000], [7000, 9000]]);
    expect(transcript!.language).toBeUndefined();
  });

  it('handles decimals, speakers, index order, table-style names, empty text and unreadable times', () => {
    const transcript = toSpeechTranscript(transcriptionData('transcription-decimals-speakers'), { durationMs: 60_000 });
    expect(transcript).toEqual({
      timed: true,
      durationMs: 60_000,
      utterances: [
        { startMs: 0, endMs: 1250, speaker: 'Dana', text: 'Good morning.' },
        { startMs: 4750, endMs: 6500, speaker: 'Speaker 2', text: 'We ship on Friday.' },
        { startMs: 6500, endMs: 9125, speaker: 'Speaker 1', text: 'Table-style field names, seconds as numbers.' },
        // No readable times: it follows the segment before instead of jumping back to 0.
        { startMs: 9125, endMs: 9125, text: 'No readable times here.' },
      ],
    });
  });

  it('data:null (no audio, or not parsed yet) is no transcript', () => {
    expect(transcriptionData('transcription-null')).toBeNull();
    expect(toSpeechTranscript(transcriptionData('transcription-null'))).toBeUndefined();
    expect(toSpeechTranscript({ segments: [], videoNo: undefined, status: undefined, cause: undefined })).toBeUndefined();
  });

  it('converts seconds and labels speakers', () => {
    expect(secondsToMs(7)).toBe(7000);
    expect(secondsToMs(0.0015)).toBe(2);
    expect(secondsToMs(undefined)).toBeUndefined();
    expect(secondsToMs(-1)).toBeUndefined();
    expect(speakerLabel(3)).toBe('Speaker 3');
    expect(speakerLabel(' ')).toBeUndefined();
  });
});

describe('memories video (visual) transcription → Transcript', () => {
  it('is a Transcript marked as describing the screen', () => {
    const visual = toVisualTranscript(transcriptionData('video-transcription'));
    expect(visual).toMatchObject({ timed: true, describes: 'screen', durationMs: 8000 });
    expect(visual!.utterances[0]!.text).toMatch(/^Under a rocky overhang/);
    expect(isVisualTranscript(visual!)).toBe(true);
    expect(toVisualTranscript(null)).toBeUndefined();
  });
});

describe('memories generate_summary → chapters and summary', () => {
  it('CHAPTER (seed example): each ends where the next starts; the last at the transcript end', () => {
    const summary = summaryData('summary-chapter');
    expect(summaryText(summary)).toMatch(/^The video seems to capture a family/);
    const chapters = toChapters(summary, 35_000);
    expect(chapters.map(({ startMs, endMs, title }) => ({ startMs, endMs, title }))).toEqual([
      { startMs: 0, endMs: 10_000, title: 'Arrival at the Car' },
      { startMs: 10_000, endMs: 30_000, title: 'Phone and Interaction on the Ground' },
      { startMs: 30_000, endMs: 35_000, title: 'Close-up of Objects on the Ground' },
    ]);
    expect(chapters[0]!.summary).toMatch(/^A woman, a boy/);
  });

  it('the last chapter has no end when the length is unknown', () => {
    const chapters = toChapters(summaryData('summary-chapter'));
    expect(chapters[2]).toMatchObject({ startMs: 30_000 });
    expect(chapters[2]!.endMs).toBeUndefined();
  });

  it('TOPIC items are sorted by start, titled from the description when untitled, untimed ones kept last', () => {
    const summary = summaryData('summary-topic');
    const topics = toTopics(summary, 35_000);
    expect(topics).toEqual([
      {
        startMs: 0,
        endMs: 30_000,
        // Untitled: the description's first sentence, clipped to 80 characters.
        title: 'A family walks to their car with shopping bags; a child repeats "Mommy, you\'re…',
        summary: 'A family walks to their car with shopping bags; a child repeats "Mommy, you\'re going to go."',
      },
      { startMs: 30_000, endMs: 35_000, title: 'Objects on the ground', summary: 'Objects on a concrete surface: planters, a pipe, a tool and a broom handle.' },
      { title: 'Untimed topic', summary: 'Mentioned throughout.' },
    ]);
  });

  it('reads the field table’s shape too: items under `summary`, with their own ends', () => {
    const summary = summaryData('summary-table-shape');
    expect(summaryText(summary)).toBeUndefined();
    expect(toChapters(summary, 35_000).map((c) => [c.startMs, c.endMs])).toEqual([
      [0, 9500],
      [10_000, 29_500],
    ]);
  });

  it('no summary, no chapters', () => {
    expect(toChapters(null)).toEqual([]);
    expect(summaryText(undefined)).toBeUndefined();
  });
});

describe('Transcript → update_video_transcription segments', () => {
  it('writes the read shape back, seconds as strings', () => {
    const transcript = toSpeechTranscript(transcriptionData('transcription-decimals-speakers'))!;
    expect(toSegmentInputs(transcript).slice(0, 2)).toEqual([
      { index: 0, content: 'Good morning.', startTime: '0', endTime: '1.25' },
      { index: 1, content: 'We ship on Friday.', startTime: '4.75', endTime: '6.5' },
    ]);
  });
});
