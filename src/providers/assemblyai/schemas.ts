/**
 * zod schemas for the AssemblyAI answers Recap reads: the transcript object, sentences and paragraphs, word
 * search, the transcript list, uploads and error bodies. Every object is loose (unknown fields pass) and nearly
 * every field optional or nullable: the transcript object grows a field with each new model, and AssemblyAI writes
 * `null` for features that were not asked for. Mapping to Recap's types happens in `map.ts`.
 *
 * Two result shapes are read for chapters and summaries: the legacy `chapters` / `summary` fields, and the newer
 * `speech_understanding.response.summarization` (sections with `headline`, `text`, `start`, `end`) that accounts
 * created after Auto Chapters was deprecated get instead.
 *
 * Vendor docs: https://www.assemblyai.com/docs/api-reference/transcripts/get
 */
import { z } from 'zod';

/** Milliseconds as AssemblyAI writes them: integers, but a float must not break a finished transcript. */
const ms = z.number().finite();

/** Text AssemblyAI may send as `null` when a feature was off. */
const nullableText = z.string().nullish();

/** One recognised word. `speaker` is `null` unless speaker labels were requested. */
export const wordSchema = z.looseObject({
  text: z.string(),
  start: ms,
  end: ms,
  confidence: z.number().nullish(),
  speaker: nullableText,
});
export type AaiWord = z.infer<typeof wordSchema>;

/** A sentence or paragraph of `/sentences` and `/paragraphs`; the same shape for both. */
export const segmentSchema = z.looseObject({
  text: z.string(),
  start: ms,
  end: ms,
  confidence: z.number().nullish(),
  speaker: nullableText,
  words: z.array(wordSchema).nullish(),
});
export type AaiSegment = z.infer<typeof segmentSchema>;

/** `GET /v2/transcript/{id}/sentences`. */
export const sentencesSchema = z.looseObject({
  id: z.string().optional(),
  confidence: z.number().nullish(),
  audio_duration: z.number().nullish(),
  sentences: z.array(segmentSchema),
});
export type AaiSentences = z.infer<typeof sentencesSchema>;

/** `GET /v2/transcript/{id}/paragraphs`. */
export const paragraphsSchema = z.looseObject({
  id: z.string().optional(),
  confidence: z.number().nullish(),
  audio_duration: z.number().nullish(),
  paragraphs: z.array(segmentSchema),
});
export type AaiParagraphs = z.infer<typeof paragraphsSchema>;

/** One Key Phrases result: timestamps are `{start, end}` objects in ms (unlike word search's pairs). */
export const highlightSchema = z.looseObject({
  text: z.string(),
  count: z.number().default(1),
  rank: z.number().default(0),
  timestamps: z.array(z.looseObject({ start: ms, end: ms })).default([]),
});
export type AaiHighlight = z.infer<typeof highlightSchema>;

/** `auto_highlights_result`: `status` is `success` when the model ran. */
export const autoHighlightsResultSchema = z.looseObject({
  status: z.string().optional(),
  results: z.array(highlightSchema).nullish(),
});

/** A legacy Auto Chapters chapter: `gist` is a few words, `headline` one sentence, `summary` a paragraph. */
export const chapterSchema = z.looseObject({
  gist: nullableText,
  headline: nullableText,
  summary: nullableText,
  start: ms,
  end: ms,
});
export type AaiChapter = z.infer<typeof chapterSchema>;

/** A section of the newer Speech Understanding summarization. */
export const sectionSchema = z.looseObject({
  headline: nullableText,
  text: nullableText,
  start: ms.nullish(),
  end: ms.nullish(),
});
export type AaiSection = z.infer<typeof sectionSchema>;

/**
 * `speech_understanding.response.summarization`. The docs show the sections under `summary`; `sections` is read
 * too, and a plain-text `summary` (a whole-file summary without sections) is kept as text.
 */
export const understandingSummarySchema = z.looseObject({
  status: z.string().optional(),
  summary: z.union([z.array(sectionSchema), z.string()]).nullish(),
  sections: z.array(sectionSchema).nullish(),
});
export type AaiUnderstandingSummary = z.infer<typeof understandingSummarySchema>;

export const speechUnderstandingSchema = z.looseObject({
  request: z.unknown().optional(),
  response: z.looseObject({ summarization: understandingSummarySchema.nullish() }).nullish(),
});

/**
 * The transcript object (create, get and delete all answer with it). Only `id` and `status` are required. The
 * analysis fields fall back to "absent" when malformed (`.catch`): a finished transcript is worth more than a
 * chapter list AssemblyAI reshaped, and the router fills an absent part with the local analyzer.
 */
export const transcriptSchema = z.looseObject({
  id: z.string().min(1),
  /** `queued`, `processing`, `completed` or `error`; kept as text so a new state is "still working", not a crash. */
  status: z.string(),
  error: nullableText,
  audio_url: nullableText,
  language_code: nullableText,
  language_detection: z.boolean().nullish(),
  language_confidence: z.number().nullish(),
  text: nullableText,
  words: z.array(wordSchema).nullish().catch(undefined),
  confidence: z.number().nullish(),
  /** Seconds, unlike every other time in the object. */
  audio_duration: z.number().nullish(),
  speaker_labels: z.boolean().nullish(),
  auto_highlights: z.boolean().nullish(),
  auto_highlights_result: autoHighlightsResultSchema.nullish().catch(undefined),
  auto_chapters: z.boolean().nullish(),
  chapters: z.array(chapterSchema).nullish().catch(undefined),
  summarization: z.boolean().nullish(),
  summary_type: nullableText,
  summary_model: nullableText,
  summary: nullableText.catch(undefined),
  speech_understanding: speechUnderstandingSchema.nullish().catch(undefined),
  webhook_url: nullableText,
  webhook_status_code: z.number().nullish(),
});
export type AaiTranscript = z.infer<typeof transcriptSchema>;

/** `GET /v2/transcript/{id}/word-search`: one match per search term, each place as a `[start, end]` pair in ms. */
export const wordSearchSchema = z.looseObject({
  id: z.string().optional(),
  total_count: z.number().optional(),
  matches: z.array(
    z.looseObject({
      text: z.string(),
      count: z.number().default(0),
      timestamps: z.array(z.array(ms).min(2)).default([]),
      indexes: z.array(z.number()).nullish(),
    }),
  ),
});
export type AaiWordSearch = z.infer<typeof wordSearchSchema>;

export const TRANSCRIPT_STATUSES = ['queued', 'processing', 'completed', 'error'] as const;
export type AaiTranscriptStatus = (typeof TRANSCRIPT_STATUSES)[number];

/** One row of `GET /v2/transcript`. */
export const listItemSchema = z.looseObject({
  id: z.string(),
  resource_url: nullableText,
  status: z.string(),
  created: nullableText,
  completed: nullableText,
  audio_url: nullableText,
  error: nullableText,
});

/** `GET /v2/transcript`: newest first; `prev_url` points to older transcripts. */
export const listSchema = z.looseObject({
  page_details: z
    .looseObject({
      limit: z.number().optional(),
      result_count: z.number().optional(),
      current_url: nullableText,
      prev_url: nullableText,
      next_url: nullableText,
    })
    .optional(),
  transcripts: z.array(listItemSchema),
});
export type AaiList = z.infer<typeof listSchema>;

/** `POST /v2/upload`. The URL is private to the API key's project: never hand it to users. */
export const uploadSchema = z.looseObject({ upload_url: z.string().url() });

/** Every AssemblyAI error body: `{"error": "…"}`. */
export const errorBodySchema = z.looseObject({ error: z.string() });
