/**
 * Pure mapping from Memories.ai's answers to Recap's types. Memories.ai gives times as seconds in strings
 * (`"7"`, sometimes `"7.5"`); Recap keeps integer milliseconds, so the conversion happens here and nowhere else.
 *
 * Two transcripts come out of Memories.ai and they are not the same thing: the audio transcription is speech; the
 * video transcription describes what is on screen. Both map to a {@link Transcript}, but the visual one is made
 * by its own function and carries a marker, so nobody downstream mistakes a scene description for words spoken.
 *
 * Vendor docs: https://memories.ai/docs/API/Transcription/audio-transcription/,
 * https://memories.ai/docs/API/Transcription/video-transcription/, https://memories.ai/docs/API/Transcription/summary/
 */
import type { Chapter } from '../../domain/recap.ts';
import type { Transcript, Utterance } from '../../domain/transcript.ts';
import type { MemoriesSegment, MemoriesSummary, MemoriesSummaryItem, MemoriesTranscription } from './schemas.ts';

export interface MapOptions {
  /** The language the user named; Memories.ai does not report one. */
  language?: string;
  /** Media length when known; otherwise the last segment's end. */
  durationMs?: number;
}

/** A transcript made from the video (visual) transcription: each utterance describes the screen, not speech. */
export type VisualTranscript = Transcript & { readonly describes: 'screen' };

/** Seconds (possibly fractional) → integer ms; undefined stays undefined. */
export function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined || !Number.isFinite(seconds) || seconds < 0 ? undefined : Math.round(seconds * 1000);
}

/** `1` and `"1"` become `Speaker 1`; a name is kept as given. */
export function speakerLabel(speaker: string | number | undefined): string | undefined {
  if (speaker === undefined) return undefined;
  const text = String(speaker).trim();
  if (text === '') return undefined;
  return /^\d+$/.test(text) ? `Speaker ${text}` : text;
}

function utterancesOf(segments: readonly MemoriesSegment[]): Utterance[] {
  // The segments come in `index` order in every example; sorting keeps a shuffled answer readable anyway.
  const ordered = segments
    .map((segment, position) => ({ segment, position }))
    .sort((a, b) => (a.segment.index ?? a.position) - (b.segment.index ?? b.position) || a.position - b.position);
  const utterances: Utterance[] = [];
  let previousEnd = 0;
  for (const { segment } of ordered) {
    const text = segment.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    // A segment without a readable start follows the one before it rather than jumping back to 0.
    const startMs = secondsToMs(segment.startSeconds) ?? previousEnd;
    const endMs = Math.max(startMs, secondsToMs(segment.endSeconds) ?? startMs);
    const speaker = speakerLabel(segment.speaker);
    utterances.push({ startMs, endMs, ...(speaker ? { speaker } : {}), text });
    previousEnd = endMs;
  }
  return utterances;
}

function transcriptOf(data: MemoriesTranscription | null | undefined, options: MapOptions): Transcript | undefined {
  if (!data) return undefined;
  const utterances = utterancesOf(data.segments);
  if (utterances.length === 0) return undefined;
  const lastEnd = Math.max(...utterances.map((u) => u.endMs));
  return {
    timed: true,
    ...(options.language ? { language: options.language } : {}),
    durationMs: options.durationMs ?? lastEnd,
    utterances,
  };
}

/**
 * The audio transcription (speech) as a Transcript. `undefined` when Memories.ai sent `data: null` or no segment
 * with words: the video has no audio track, or it is not parsed yet; the caller decides which.
 * Shape: https://memories.ai/docs/API/Transcription/audio-transcription/
 */
export function toSpeechTranscript(data: MemoriesTranscription | null | undefined, options: MapOptions = {}): Transcript | undefined {
  return transcriptOf(data, options);
}

/**
 * The video (visual) transcription as a Transcript marked `describes: 'screen'`, so the router can label it ("what
 * is on screen") instead of presenting it as what was said. `undefined` when there is nothing.
 * Shape: https://memories.ai/docs/API/Transcription/video-transcription/
 */
export function toVisualTranscript(data: MemoriesTranscription | null | undefined, options: MapOptions = {}): VisualTranscript | undefined {
  const transcript = transcriptOf(data, options);
  return transcript ? { ...transcript, describes: 'screen' } : undefined;
}

/** Whether a transcript came from {@link toVisualTranscript}. */
export function isVisualTranscript(transcript: Transcript): transcript is VisualTranscript {
  return (transcript as Partial<VisualTranscript>).describes === 'screen';
}

function titleOf(item: MemoriesSummaryItem): string | undefined {
  const title = item.title?.replace(/\s+/g, ' ').trim();
  if (title) return title;
  // No title: the description's first sentence, clipped, is a fair heading.
  const first = item.description?.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0];
  if (!first) return undefined;
  return first.length > 80 ? `${first.slice(0, 79).trimEnd()}…` : first;
}

/**
 * `generate_summary` items (CHAPTER or TOPIC) → chapters. Items carry only a start: a chapter ends where the next
 * one starts, and the last ends at `endMs` (the transcript's end or the media's duration) when known. An `end`
 * the field table mentions is used when present. Items without a start keep their order but get no times.
 * Shape: https://memories.ai/docs/API/Transcription/summary/
 */
export function toChapters(summary: MemoriesSummary | null | undefined, endMs?: number): Chapter[] {
  if (!summary) return [];
  const items = summary.items
    .map((item, position) => ({ item, position, title: titleOf(item), startMs: secondsToMs(item.start) }))
    .filter((entry): entry is typeof entry & { title: string } => entry.title !== undefined);
  const timed = items.filter((e) => e.startMs !== undefined).sort((a, b) => a.startMs! - b.startMs! || a.position - b.position);
  const untimed = items.filter((e) => e.startMs === undefined);
  const chapters: Chapter[] = timed.map((entry, i) => {
    const startMs = entry.startMs!;
    const ownEnd = secondsToMs(entry.item.end);
    const nextStart = timed.slice(i + 1).find((next) => next.startMs! > startMs)?.startMs;
    const end = ownEnd !== undefined && ownEnd > startMs ? ownEnd : (nextStart ?? (endMs !== undefined ? Math.max(startMs, endMs) : undefined));
    const description = entry.item.description?.replace(/\s+/g, ' ').trim();
    return { startMs, ...(end !== undefined ? { endMs: end } : {}), title: entry.title, ...(description ? { summary: description } : {}) };
  });
  for (const entry of untimed) {
    const description = entry.item.description?.replace(/\s+/g, ' ').trim();
    chapters.push({ title: entry.title, ...(description ? { summary: description } : {}) });
  }
  return chapters;
}

/** TOPIC summaries group by subject rather than by time; they map exactly like chapters (see {@link toChapters}). */
export const toTopics = toChapters;

/** The summary paragraph, when the answer has one. */
export function summaryText(summary: MemoriesSummary | null | undefined): string | undefined {
  return summary?.text;
}

/** One segment as `update_video_transcription` takes it: the read shape, seconds as strings. */
export interface MemoriesSegmentInput {
  index: number;
  content: string;
  startTime: string;
  endTime: string;
}

/** A Recap transcript → segments for `update_video_transcription` (ms → seconds, up to three decimals). */
export function toSegmentInputs(transcript: Transcript): MemoriesSegmentInput[] {
  const seconds = (ms: number) => String(Math.round(Math.max(0, ms)) / 1000);
  return transcript.utterances.map((u, index) => ({ index, content: u.text, startTime: seconds(u.startMs), endTime: seconds(u.endMs) }));
}
