/**
 * Pure mapping from AssemblyAI's answers (already checked by `schemas.ts`) to Recap's types: sentences to a
 * {@link Transcript}, Key Phrases to {@link KeyPhrase}s, legacy Auto Chapters and Speech Understanding sections to
 * {@link Chapter}s and a summary, and word-search matches to search moments. AssemblyAI times are already integer
 * ms, except `audio_duration`, which is seconds.
 *
 * Vendor docs: https://www.assemblyai.com/docs/api-reference/transcripts/get,
 * https://www.assemblyai.com/docs/audio-intelligence/key-phrases, https://www.assemblyai.com/docs/audio-intelligence/auto-chapters
 */
import type { Chapter, KeyPhrase } from '../../domain/recap.ts';
import type { Transcript, Utterance } from '../../domain/transcript.ts';
import type { SearchMatch } from '../provider.ts';
import type { AaiHighlight, AaiSection, AaiSegment, AaiTranscript, AaiWordSearch } from './schemas.ts';

/** Search moments returned at most, like the local search (a chat reply with 200 lines helps nobody). */
export const MAX_SEARCH_MOMENTS = 20;

const toMs = (value: number): number => Math.max(0, Math.round(value));
const fold = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** `en_us` → `en`, `pt-BR` → `pt`: Recap keeps BCP 47 primary subtags only. */
export function primaryLanguage(code: string | null | undefined): string | undefined {
  const primary = code?.trim().toLowerCase().split(/[_-]/, 1)[0];
  return primary ? primary : undefined;
}

/** Key Phrases exists for English only; an unknown language is not assumed to be English. */
export function isEnglish(code: string | null | undefined): boolean {
  return primaryLanguage(code) === 'en';
}

/** `A` → "Speaker A" (AssemblyAI's own rendering); `null` → none. A label that reads like a name is kept. */
export function speakerLabel(speaker: string | null | undefined): string | undefined {
  const text = fold(speaker);
  if (text === '') return undefined;
  return text.length <= 2 || /^\d+$/.test(text) ? `Speaker ${text}` : text;
}

/** Sentences as utterances, blank ones dropped. */
export function toUtterances(sentences: readonly AaiSegment[]): Utterance[] {
  const utterances: Utterance[] = [];
  for (const sentence of sentences) {
    const text = fold(sentence.text);
    if (text === '') continue;
    const startMs = toMs(sentence.start);
    const speaker = speakerLabel(sentence.speaker);
    utterances.push({ startMs, endMs: Math.max(startMs, toMs(sentence.end)), ...(speaker ? { speaker } : {}), text });
  }
  return utterances;
}

/**
 * A completed transcript and its sentences as a Recap transcript. `durationMs` is `audio_duration` (seconds)
 * when reported, else the last sentence's end.
 */
export function toTranscript(transcript: Pick<AaiTranscript, 'language_code' | 'audio_duration'>, sentences: readonly AaiSegment[]): Transcript {
  const utterances = toUtterances(sentences);
  const language = primaryLanguage(transcript.language_code);
  const seconds = transcript.audio_duration;
  const lastEnd = utterances.reduce((max, u) => Math.max(max, u.endMs), 0);
  return {
    timed: true,
    ...(language ? { language } : {}),
    durationMs: typeof seconds === 'number' && seconds > 0 ? Math.round(seconds * 1000) : lastEnd,
    utterances,
  };
}

/** Key Phrases results, most salient first. Empty when the model did not run or failed. */
export function toKeyPhrases(result: AaiTranscript['auto_highlights_result']): KeyPhrase[] {
  if (!result || (result.status !== undefined && result.status !== 'success')) return [];
  return (result.results ?? [])
    .map((h: AaiHighlight) => ({
      text: fold(h.text),
      count: Math.max(1, Math.round(h.count)),
      rank: Math.min(1, Math.max(0, h.rank)),
      timestamps: h.timestamps.map((t) => ({ startMs: toMs(t.start), endMs: Math.max(toMs(t.start), toMs(t.end)) })),
    }))
    .filter((p) => p.text !== '')
    .sort((a, b) => b.rank - a.rank);
}

/** A chapter title is a short noun phrase: no closing full stop. */
function title(text: string): string {
  return text.replace(/[.。]+$/u, '').trim();
}

/** The Speech Understanding sections, wherever the answer put them. */
export function understandingSections(transcript: Pick<AaiTranscript, 'speech_understanding'>): AaiSection[] {
  const summarization = transcript.speech_understanding?.response?.summarization;
  if (!summarization) return [];
  if (Array.isArray(summarization.summary)) return summarization.summary;
  return summarization.sections ?? [];
}

/**
 * Chapters from legacy `chapters` (title from `gist`, the few-word one, else `headline`; summary from `summary`)
 * or, when absent, from Speech Understanding sections (title from `headline`, summary from `text`).
 */
export function toChapters(transcript: Pick<AaiTranscript, 'chapters' | 'speech_understanding'>): Chapter[] {
  const chapters: Chapter[] = [];
  for (const c of transcript.chapters ?? []) {
    const name = title(fold(c.gist) || fold(c.headline));
    const summary = fold(c.summary) || fold(c.headline);
    if (name === '' && summary === '') continue;
    const startMs = toMs(c.start);
    chapters.push({ startMs, endMs: Math.max(startMs, toMs(c.end)), title: name || title(summary), ...(summary ? { summary } : {}) });
  }
  if (chapters.length > 0) return chapters;
  for (const s of understandingSections(transcript)) {
    const summary = fold(s.text);
    const name = title(fold(s.headline)) || title(summary);
    if (name === '') continue;
    const times =
      typeof s.start === 'number' && typeof s.end === 'number'
        ? { startMs: toMs(s.start), endMs: Math.max(toMs(s.start), toMs(s.end)) }
        : {};
    chapters.push({ ...times, title: name, ...(summary ? { summary } : {}) });
  }
  return chapters;
}

/**
 * The whole-file summary: legacy Summarization's `summary` text when present; else a plain-text Speech
 * Understanding summary; else one bullet per chapter or section summary (what Recap gets when it asked for
 * chapters and summary together, since AssemblyAI runs only one of the two models per transcript).
 */
export function toSummary(transcript: Pick<AaiTranscript, 'summary' | 'chapters' | 'speech_understanding'>): string | undefined {
  const legacy = (transcript.summary ?? '').trim();
  if (legacy !== '') return legacy;
  const understood = transcript.speech_understanding?.response?.summarization?.summary;
  if (typeof understood === 'string' && understood.trim() !== '') return understood.trim();
  const bullets = toChapters(transcript)
    .map((c) => c.summary ?? c.title)
    .filter((text) => text !== '');
  return bullets.length > 0 ? bullets.map((text) => `- ${text}`).join('\n') : undefined;
}

/** The sentence being said at `ms`: the one that spans it, else the last one that started before it. */
function sentenceAt(sentences: readonly AaiSegment[], ms: number): number {
  let best = -1;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.start <= ms && ms <= s.end) return i;
    if (s.start <= ms) best = i;
  }
  return best;
}

/**
 * Word-search matches as moments: each place a term is said becomes the sentence around it (speaker and line),
 * one moment per sentence however many terms it holds, in time order. Places outside every sentence keep the
 * matched term as their text.
 */
export function toSearchMatches(search: AaiWordSearch, sentences: readonly AaiSegment[], limit = MAX_SEARCH_MOMENTS): SearchMatch[] {
  const moments = new Map<string, SearchMatch>();
  for (const match of search.matches) {
    for (const [start, end] of match.timestamps as [number, number][]) {
      const index = sentenceAt(sentences, start);
      const sentence = index >= 0 ? sentences[index] : undefined;
      const key = sentence ? `s${index}` : `t${start}`;
      if (moments.has(key)) continue;
      const speaker = speakerLabel(sentence?.speaker);
      const text = fold(sentence?.text) || fold(match.text);
      const startMs = toMs(sentence?.start ?? start);
      moments.set(key, { startMs, endMs: Math.max(startMs, toMs(sentence?.end ?? end)), ...(speaker ? { speaker } : {}), text });
    }
  }
  return [...moments.values()].sort((a, b) => a.startMs - b.startMs).slice(0, limit);
}
