/**
 * zod schemas for SpotMe's answers. The shapes come from providers.md, whose paths and fields SpotMe does not
 * publish, so the schemas are deliberately tolerant where a guess could be off by a detail (ids as numbers, times
 * as ISO text or epoch numbers, `null` for "none", unknown status words) and strict only where Recap cannot work
 * without the value. Mapping to Recap's types happens in `map.ts`.
 */
import { z } from 'zod';

/** An id SpotMe may send as text or as a number; Recap keeps ids as text. */
const id = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

/** A time as ISO 8601 text or an epoch number (seconds or milliseconds: `map.ts` tells them apart). */
const time = z.union([z.string().min(1), z.number().finite()]);

/** Optional text that SpotMe may send as `null` or an empty string. */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === null || value === undefined || value.trim() === '' ? undefined : value));

/**
 * A job's status. Read as any text (lower-cased) rather than an enum: an unexpected word must not make a finished
 * job unreadable; `map.ts` decides what unknown words mean.
 */
const jobStatus = z.string().min(1).transform((value) => value.trim().toLowerCase());

/** A failed job's reason: text, or an object with a message and code, depending on how SpotMe words it. */
const jobError = z
  .union([
    z.string(),
    z.object({ message: z.string().nullish(), code: z.union([z.string(), z.number()]).nullish() }),
  ])
  .nullish();

/** `POST …/recordings` (trigger) and `GET /jobs/{jobId}`. */
export const jobSchema = z.object({
  job_id: id,
  status: jobStatus,
  error: jobError,
});
export type SpotMeJobBody = z.infer<typeof jobSchema>;

/** `GET …/recordings`: the generated files (links valid 6 h) and what was applied. */
export const recordingsSchema = z.object({
  vtt_url: optionalText,
  txt_url: optionalText,
  mp4_url: optionalText,
  expires_at: time,
  glossary_id: z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined || v === '' ? undefined : String(v))),
  generated_at: time.nullish(),
  /** Not in providers.md: read when present so a `--lang` request can be compared with what was generated. */
  language_code: optionalText,
});
export type SpotMeRecordingsBody = z.infer<typeof recordingsSchema>;

/** One ended live session or breakout, as our assumed listing returns it (see `paths.ts`). */
export const listItemSchema = z.object({
  id,
  title: optionalText,
  ended_at: time.nullish(),
  vod_available: z.boolean().nullish(),
});

/** The assumed listing page: `{items, next_cursor?}`. */
export const listSchema = z.object({
  items: z.array(listItemSchema),
  next_cursor: optionalText,
});
export type SpotMeListBody = z.infer<typeof listSchema>;
