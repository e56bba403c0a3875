/** Recap replies for the chat renderers' tests: a small everyday one and a huge one that overflows every limit. */
import type { RecapReply } from '../../src/domain/reply.ts';
import type { Transcript } from '../../src/domain/transcript.ts';

/** A timed two-speaker transcript of at least `chars` characters. */
export function bigTranscript(chars: number): Transcript {
  const utterances: Transcript['utterances'] = [];
  let total = 0;
  for (let i = 0; total < chars; i++) {
    const text = `Line ${i}: we went through the numbers for the quarter and agreed to follow up next week on item ${i}.`;
    utterances.push({ startMs: i * 4000, endMs: i * 4000 + 3500, speaker: i % 2 ? 'Ben' : 'Ann', text });
    total += text.length;
  }
  return { timed: true, language: 'en', durationMs: utterances.length * 4000, utterances };
}

export interface HugeRecapShape {
  /** The summary: this sentence repeated to `summaryChars` (cut there when `cutSummary`). */
  sentence: string;
  summaryChars: number;
  cutSummary?: boolean;
  chapters: number;
  chapterSummary(i: number): string;
  phrases: number;
  highlightText(i: number): string;
}

/** A three-hour all-hands with everything: long summary, many chapters, phrases, highlights, captions, notes, transcript. */
export function hugeRecap(shape: HugeRecapShape): RecapReply {
  const repeated = shape.sentence.repeat(Math.ceil(shape.summaryChars / shape.sentence.length));
  const chapterMs = (3 * 3600_000) / shape.chapters;
  return {
    kind: 'recap',
    source: 'all-hands.mp4',
    mediaUrl: 'https://media.example/all-hands.mp4',
    language: 'en',
    durationMs: 3 * 3600_000,
    speakers: 7,
    recap: {
      summary: { text: (shape.cutSummary ? repeated.slice(0, shape.summaryChars) : repeated).trim() },
      chapters: Array.from({ length: shape.chapters }, (_, i) => ({
        startMs: i * chapterMs,
        endMs: (i + 1) * chapterMs,
        title: `Topic number ${i} of the all-hands`,
        summary: shape.chapterSummary(i),
      })),
      keyPhrases: Array.from({ length: shape.phrases }, (_, i) => ({
        text: `key phrase ${i}`,
        count: shape.phrases + 20 - i,
        rank: 1 - i / shape.phrases,
        timestamps: [{ startMs: i * 1000, endMs: i * 1000 + 500 }],
      })),
      highlights: Array.from({ length: 12 }, (_, i) => ({ startMs: i * 600_000, endMs: i * 600_000 + 5000, text: shape.highlightText(i) })),
      captions: [
        { format: 'vtt', url: 'https://recap.example/captions/abc.vtt' },
        { format: 'srt', url: 'https://recap.example/captions/abc.srt' },
        { format: 'txt', url: 'https://recap.example/captions/abc.txt' },
      ],
    },
    transcript: bigTranscript(50_000),
    notes: ['Chapters were found by the local analyzer.'],
  };
}

/** A fifteen-minute standup: two chapters, two phrases, three caption links. */
export function smallRecap(overrides: Partial<RecapReply> = {}): RecapReply {
  return {
    kind: 'recap',
    source: 'standup.mp4',
    language: 'en',
    durationMs: 15 * 60_000,
    speakers: 3,
    recap: {
      summary: { text: 'The team agreed to ship on Friday.' },
      chapters: [
        { startMs: 0, endMs: 754_000, title: 'Status', summary: 'Everyone gave an update.' },
        { startMs: 754_000, endMs: 900_000, title: 'Release', summary: 'Ship on Friday.' },
      ],
      keyPhrases: [
        { text: 'release', count: 4, rank: 1, timestamps: [{ startMs: 760_000, endMs: 761_000 }] },
        { text: 'status update', count: 2, rank: 0.5, timestamps: [] },
      ],
      captions: [
        { format: 'vtt', url: 'https://recap.example/c/1.vtt' },
        { format: 'srt', url: 'https://recap.example/c/1.srt' },
        { format: 'txt', url: 'https://recap.example/c/1.txt' },
      ],
    },
    ...overrides,
  };
}
