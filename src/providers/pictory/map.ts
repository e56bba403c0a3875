/**
 * Pure mapping from Pictory's job results to Recap's types: a completed transcription to a {@link Transcript}
 * (one utterance per sentence), a completed highlights job to {@link Highlight}s. Seconds become integer ms here,
 * at the provider boundary, and nowhere else.
 *
 * Vendor docs: https://docs.pictory.ai/api-reference/jobs/get-transcription-job-by-id
 */
import type { Highlight } from '../../domain/recap.ts';
import type { Transcript, Utterance } from '../../domain/transcript.ts';
import type { PictoryHighlight, PictoryJobData, PictorySentence, PictoryWord } from './schemas.ts';

/**
 * Two highlights closer than this are one moment for a listener: Pictory picks whole sentences, and the pause
 * between two consecutive chosen sentences is well under a second.
 */
export const ADJACENT_GAP_MS = 1000;

const toMs = (secondsValue: number): number => Math.max(0, Math.round(secondsValue * 1000));

/** Pause markers (`is_pause`, empty `word`) carry timing but no speech. */
function spoken(words: readonly PictoryWord[]): PictoryWord[] {
  return words.filter((w) => !w.is_pause && w.word.trim() !== '');
}

// Chinese and Japanese are written without spaces: Pictory's word tokens there must be joined as they are.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Joins word tokens with spaces, except between two tokens of a script written without them. */
export function joinWords(tokens: readonly string[]): string {
  let out = '';
  for (const raw of tokens) {
    const token = raw.trim();
    if (token === '') continue;
    const glue = out !== '' && !(UNSPACED.test(out.slice(-1)) && UNSPACED.test(token[0]!)) ? ' ' : '';
    out += glue + token;
  }
  return out;
}

/** `1` → "Speaker 1"; a label that already reads like a name is kept. */
export function speakerLabel(id: number | string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const text = String(id).trim();
  if (text === '') return undefined;
  return /^\d+$/.test(text) || text.length === 1 ? `Speaker ${text}` : text;
}

/** One sentence as an utterance, or undefined when it holds no spoken word. */
export function sentenceToUtterance(sentence: PictorySentence): Utterance | undefined {
  const words = spoken(sentence.words);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return undefined;
  const text = joinWords(words.map((w) => w.word)).replace(/\s+/g, ' ');
  const startMs = toMs(first.start_time);
  const speaker = speakerLabel(sentence.speakerId ?? first.speakerId);
  return {
    startMs,
    endMs: Math.max(startMs, toMs(last.end_time)),
    ...(speaker ? { speaker } : {}),
    text,
  };
}

/**
 * A completed transcription job's data as a Recap transcript. `durationMs` is Pictory's media duration when it
 * reports one, else the last sentence's end.
 */
export function toTranscript(data: Pick<PictoryJobData, 'transcript' | 'mediaInfo'>, language?: string): Transcript {
  const utterances = (data.transcript ?? []).map(sentenceToUtterance).filter((u): u is Utterance => u !== undefined);
  const reported = data.mediaInfo?.duration;
  const lastEnd = utterances.reduce((max, u) => Math.max(max, u.endMs), 0);
  return {
    timed: true,
    ...(language ? { language } : {}),
    durationMs: reported !== undefined && reported > 0 ? toMs(reported) : lastEnd,
    utterances,
  };
}

/** The words said between two times, for a highlight span that came without text. */
function textWithin(sentences: readonly PictorySentence[], startMs: number, endMs: number): string {
  const words = sentences
    .flatMap((s) => spoken(s.words))
    .filter((w) => toMs(w.start_time) >= startMs - 50 && toMs(w.end_time) <= endMs + 50)
    .map((w) => w.word);
  return joinWords(words);
}

/** Sorted, with overlapping or adjacent spans merged into one (texts joined in time order). */
export function mergeHighlights(spans: readonly Highlight[], gapMs = ADJACENT_GAP_MS): Highlight[] {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const merged: Highlight[] = [];
  for (const span of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && span.startMs - previous.endMs <= gapMs) {
      previous.endMs = Math.max(previous.endMs, span.endMs);
      previous.text = [previous.text, span.text].filter((t) => t !== '').join(' ');
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/**
 * A completed highlights job as Recap highlights. The result is undocumented, so both shapes are read:
 * `data.highlights` spans win when present (they are explicit), their missing texts filled from the transcript;
 * otherwise the sentences marked `highlight: true`. Empty when the job holds neither.
 */
export function toHighlights(data: Pick<PictoryJobData, 'transcript' | 'highlights'>): Highlight[] {
  const sentences = data.transcript ?? [];
  const spans: readonly PictoryHighlight[] = data.highlights ?? [];
  if (spans.length > 0) {
    const highlights = spans
      .map((h) => {
        const startMs = toMs(h.start);
        const endMs = Math.max(startMs, toMs(h.end));
        const text = (h.text ?? '').replace(/\s+/g, ' ').trim() || textWithin(sentences, startMs, endMs);
        return { startMs, endMs, text };
      })
      .filter((h) => h.endMs > h.startMs || h.text !== '');
    return mergeHighlights(highlights);
  }
  const marked = sentences
    .filter((s) => s.highlight === true)
    .map(sentenceToUtterance)
    .filter((u): u is Utterance => u !== undefined)
    .map((u) => ({ startMs: u.startMs, endMs: u.endMs, text: u.text }));
  return mergeHighlights(marked);
}

/** Total length of a list of highlights in ms (what `highlight_duration` bounds). */
export function totalHighlightMs(highlights: readonly Highlight[]): number {
  return highlights.reduce((sum, h) => sum + (h.endMs - h.startMs), 0);
}

/** Whether a completed job looks like a highlights result (used when a user hands Recap a highlights job id). */
export function hasHighlights(data: Pick<PictoryJobData, 'transcript' | 'highlights'>): boolean {
  return (data.highlights?.length ?? 0) > 0 || (data.transcript ?? []).some((s) => s.highlight === true);
}
