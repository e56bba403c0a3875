/**
 * zod schemas for the Memories.ai answers Recap reads. Every answer is wrapped in the envelope
 * `{code, msg, data, success, failed}`; the shared client's `bodyError` hook (see `envelope.ts`) has already turned
 * an error code into a ProviderError before these run, so the schemas only read `data`.
 *
 * Read tolerantly: the vendor pages document these bodies by example, and their own field tables disagree with the
 * examples (`transcription`/`start`/`end`/`text` floats in the tables, `transcriptions`/`startTime`/`endTime`/
 * `content` strings in the examples). Both spellings are accepted, numbers may be strings, unknown fields pass.
 *
 * Vendor docs: https://memories.ai/docs/API/Transcription/audio-transcription/,
 * https://memories.ai/docs/API/Transcription/summary/, https://memories.ai/docs/API/Upload/Upload-from-url/
 */
import { z, type ZodType } from 'zod';

/** Seconds as Memories.ai writes them: `"7"`, `"7.5"`, or now and then a number. Anything else is undefined. */
const seconds = z.union([z.number(), z.string(), z.null()]).optional().transform((value): number | undefined => {
  if (value === null || value === undefined) return undefined;
  const n = typeof value === 'number' ? value : /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
});

/** `index` is a number in every example; a numeric string costs nothing to accept. */
const index = z.union([z.number(), z.string()]).optional().transform((value) => (value === undefined ? undefined : Number(value)));

const optionalText = z.union([z.string(), z.null()]).optional().transform((value) => value ?? undefined);

/**
 * One segment, of speech (audio transcription) or of what is on screen (video transcription). The page says
 * speakers are recognised, but no example shows a speaker field: `speaker`, `speakerId` and `speaker_id` are read.
 */
export const memoriesSegmentSchema = z
  .looseObject({
    index,
    content: optionalText,
    text: optionalText,
    startTime: seconds,
    endTime: seconds,
    start: seconds,
    end: seconds,
    speaker: z.union([z.string(), z.number(), z.null()]).optional(),
    speakerId: z.union([z.string(), z.number(), z.null()]).optional(),
    speaker_id: z.union([z.string(), z.number(), z.null()]).optional(),
  })
  .transform((s) => ({
    index: s.index !== undefined && Number.isFinite(s.index) ? s.index : undefined,
    text: s.content ?? s.text ?? '',
    startSeconds: s.startTime ?? s.start,
    endSeconds: s.endTime ?? s.end,
    speaker: s.speaker ?? s.speakerId ?? s.speaker_id ?? undefined,
  }));
export type MemoriesSegment = z.output<typeof memoriesSegmentSchema>;

/**
 * `data` of the four transcription reads. `null` means "no audio, or not parsed yet" (providers.md). A `status` or
 * `videoStatus` is not documented here but is read when present, so a status-bearing answer is not thrown away.
 */
export const memoriesTranscriptionSchema = z
  .looseObject({
    videoNo: optionalText,
    transcriptions: z.array(memoriesSegmentSchema).nullish(),
    transcription: z.array(memoriesSegmentSchema).nullish(),
    status: optionalText,
    videoStatus: optionalText,
    cause: optionalText,
  })
  .transform((d) => ({
    videoNo: d.videoNo,
    segments: d.transcriptions ?? d.transcription ?? [],
    status: d.videoStatus ?? d.status,
    cause: d.cause,
  }))
  .nullable();
export type MemoriesTranscription = NonNullable<z.output<typeof memoriesTranscriptionSchema>>;

/** One chapter (CHAPTER) or topic (TOPIC) of a summary. Only the table mentions `end`; it is read when given. */
export const memoriesSummaryItemSchema = z.looseObject({
  title: optionalText,
  description: optionalText,
  start: seconds,
  end: seconds,
});
export type MemoriesSummaryItem = z.output<typeof memoriesSummaryItemSchema>;

/**
 * `data` of `generate_summary`. The example has `summary` (text) plus `items`; the table calls the list `summary`.
 * Both are read: a list under `summary` becomes the items and there is no summary text.
 */
export const memoriesSummarySchema = z
  .looseObject({
    videoNo: optionalText,
    summary_type: optionalText,
    summary: z.union([z.string(), z.array(memoriesSummaryItemSchema), z.null()]).optional(),
    items: z.array(memoriesSummaryItemSchema).nullish(),
  })
  .transform((d) => ({
    text: typeof d.summary === 'string' && d.summary.trim() !== '' ? d.summary.trim() : undefined,
    items: d.items ?? (Array.isArray(d.summary) ? d.summary : []),
    type: d.summary_type,
  }))
  .nullable();
export type MemoriesSummary = NonNullable<z.output<typeof memoriesSummarySchema>>;

/** `data` of both uploads: `{videoNo, videoName, videoStatus, uploadTime}`; only `videoNo` is required. */
export const memoriesUploadSchema = z
  .looseObject({ videoNo: z.string().min(1), videoStatus: optionalText, videoName: optionalText })
  .transform((d) => ({ videoNo: d.videoNo, videoStatus: d.videoStatus ?? 'UNPARSE' }));
export type MemoriesUpload = z.output<typeof memoriesUploadSchema>;

/**
 * The envelope around `data`, returning `data` alone. `code` may be a number (the rate-limit page shows `429`).
 * A missing `data` reads as `null`, which is what Memories.ai sends for "nothing (yet)".
 */
export function envelopeOf<T extends ZodType>(data: T) {
  return z
    .looseObject({
      code: z.union([z.string(), z.number()]).optional(),
      msg: z.string().nullish(),
      data: z.preprocess((value) => value ?? null, data),
      success: z.boolean().nullish(),
      failed: z.boolean().nullish(),
    })
    .transform((body) => body.data as z.output<T>);
}
