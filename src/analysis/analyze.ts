/**
 * The local analyzer: summary, chapters, key phrases and highlights of a transcript, computed in-process without
 * any model, deterministically (same transcript and options, same result) and in linear time.
 */
import { DEFAULT_HIGHLIGHTS_SECONDS, type Analysis, type Part } from '../domain/recap.ts';
import type { Transcript } from '../domain/transcript.ts';
import { buildChapters, type ChapterSpan } from './chapters.ts';
import { buildDocument } from './document.ts';
import { selectHighlights } from './highlights.ts';
import { extractKeyPhrases } from './key-phrases.ts';
import { collectCandidates } from './phrase-candidates.ts';
import { summarize } from './summary.ts';
import { detectLanguage } from './text/language.ts';

export interface AnalyzeOptions {
  /** Parts to produce; 'captions' and 'transcript' are not analysis and are ignored here. */
  want: readonly Part[];
  /** Total highlight length in seconds (default {@link DEFAULT_HIGHLIGHTS_SECONDS}). */
  highlightsSeconds?: number;
  /** Language to analyze in (BCP 47); detected from the text when absent and the transcript does not say. */
  lang?: string;
}

/** Samples the opening of the transcript for language detection; a few thousand characters are plenty. */
function sampleText(transcript: Transcript): string {
  let text = '';
  for (const u of transcript.utterances) {
    if (text.length > 6000) break;
    text += u.text + '\n';
  }
  return text;
}

/** The primary language subtag, lowercased: "en-GB" → "en". */
function primary(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? 'en';
}

/**
 * Analyzes `transcript` and returns the parts named in `options.want`, plus the language used. Untimed transcripts
 * get no times: chapters without `startMs`/`endMs`, key phrases with empty `timestamps`, and no highlights.
 */
export function analyzeTranscript(transcript: Transcript, options: AnalyzeOptions): Analysis & { language: string } {
  const given = options.lang ?? transcript.language;
  const language = given ? primary(given) : detectLanguage(sampleText(transcript));
  const want = new Set(options.want);
  const result: Analysis & { language: string } = { language };
  const needChapters = want.has('chapters') || want.has('highlights');
  if (!want.has('summary') && !needChapters && !want.has('phrases')) return result;

  const doc = buildDocument(transcript, language);
  const candidates = want.has('phrases') || want.has('chapters') ? collectCandidates(doc) : undefined;
  if (want.has('summary')) result.summary = { text: summarize(doc) };
  let chapters: ChapterSpan[] = [];
  if (needChapters) chapters = buildChapters(doc, candidates);
  if (want.has('chapters')) {
    result.chapters = chapters.map(({ firstUtterance: _f, endUtterance: _e, ...chapter }) => chapter);
  }
  if (want.has('phrases')) result.keyPhrases = extractKeyPhrases(doc, undefined, candidates);
  if (want.has('highlights')) {
    const seconds = options.highlightsSeconds ?? DEFAULT_HIGHLIGHTS_SECONDS;
    result.highlights = selectHighlights(doc, chapters, Math.max(0, seconds) * 1000);
  }
  return result;
}
