/**
 * zod schemas for the Pictory answers Recap reads: job creation, job status, a completed transcription and a
 * completed highlights job. Everything is read tolerantly (unknown fields pass, numbers may come as strings),
 * because Pictory documents these bodies by example only and the highlights result not at all.
 *
 * Vendor docs: https://docs.pictory.ai/api-reference/jobs/get-job-by-id
 * and https://docs.pictory.ai/api-reference/transcription/generate-highlights-from-job
 */
import { z } from 'zod';

/** Seconds as Pictory writes them: a number, or now and then a numeric string. */
const seconds = z.union([
  z.number().finite(),
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*$/)
    .transform(Number),
]);

/** Speaker ids are numbers in every example (`1`), but a label string costs nothing to accept. */
const speakerId = z.union([z.number(), z.string()]);

/** One word of a transcription. Pause markers are words too: `is_pause: true` and an empty `word`. */
export const pictoryWordSchema = z.looseObject({
  word: z.string().default(''),
  start_time: seconds,
  end_time: seconds,
  speakerId: speakerId.optional(),
  is_pause: z.boolean().optional(),
});
export type PictoryWord = z.infer<typeof pictoryWordSchema>;

/** One sentence; a highlights job marks the chosen ones with `highlight: true` (the fake's assumption). */
export const pictorySentenceSchema = z.looseObject({
  uid: z.string().optional(),
  speakerId: speakerId.optional(),
  words: z.array(pictoryWordSchema).default([]),
  highlight: z.boolean().optional(),
});
export type PictorySentence = z.infer<typeof pictorySentenceSchema>;

/** A highlight span of a highlights job, in seconds. `start_time`/`end_time` spellings are accepted too. */
export const pictoryHighlightSchema = z
  .looseObject({
    start: seconds.optional(),
    end: seconds.optional(),
    start_time: seconds.optional(),
    end_time: seconds.optional(),
    text: z.string().optional(),
  })
  .transform((h) => ({ start: h.start ?? h.start_time, end: h.end ?? h.end_time, text: h.text }))
  .refine((h): h is { start: number; end: number; text: string | undefined } => h.start !== undefined && h.end !== undefined, {
    message: 'a highlight needs a start and an end',
  });
export type PictoryHighlight = z.infer<typeof pictoryHighlightSchema>;

export const PICTORY_JOB_STATUSES = ['in-progress', 'completed', 'failed', 'cleaned'] as const;
export type PictoryJobStatus = (typeof PICTORY_JOB_STATUSES)[number];

/**
 * `GET /v1/jobs/{jobId}`. `status` is kept as any string: an undocumented intermediate state must not turn a
 * healthy job into a schema error (the poller treats unknown states as still working).
 */
export const pictoryJobSchema = z.looseObject({
  job_id: z.string().optional(),
  success: z.boolean().optional(),
  data: z.looseObject({
    status: z.string(),
    transcript: z.array(pictorySentenceSchema).optional(),
    highlights: z.array(pictoryHighlightSchema).optional(),
    txt: z.string().optional(),
    srt: z.string().optional(),
    vtt: z.string().optional(),
    mediaInfo: z.looseObject({ duration: seconds.optional() }).optional(),
    error_code: z.union([z.string(), z.number()]).optional(),
    error_message: z.string().optional(),
  }),
});
export type PictoryJob = z.infer<typeof pictoryJobSchema>;
export type PictoryJobData = PictoryJob['data'];

/**
 * `{success, data:{jobId}}`, the answer of both POSTs. Older endpoints spell it `job_id` or put it at the top
 * level; all four spellings are read, so a quiet rename on Pictory's side does not lose a job that was created.
 */
export const pictoryCreatedSchema = z
  .looseObject({
    success: z.boolean().optional(),
    jobId: z.string().optional(),
    job_id: z.string().optional(),
    data: z.looseObject({ jobId: z.string().optional(), job_id: z.string().optional() }).optional(),
  })
  .transform((body) => ({ jobId: body.data?.jobId ?? body.data?.job_id ?? body.jobId ?? body.job_id }))
  .refine((body): body is { jobId: string } => typeof body.jobId === 'string' && body.jobId.length > 0, {
    message: 'the answer holds no jobId',
  });

/**
 * Pictory's error bodies. The seed names error 4004 without showing a body, so every shape seen from Pictory
 * or its API gateway is read: `{success:false, data:{error_code, error_message}}` (how failed jobs report,
 * and what the fake sends), `{success:false, error:{code, message}}`, `{error:"…"}`, `{code, message}` and the
 * gateway's `{message:"Unauthorized"}`.
 */
export const pictoryErrorSchema = z.looseObject({
  success: z.boolean().optional(),
  code: z.union([z.string(), z.number()]).optional(),
  message: z.string().optional(),
  error: z
    .union([z.string(), z.looseObject({ code: z.union([z.string(), z.number()]).optional(), message: z.string().optional() })])
    .optional(),
  data: z
    .looseObject({
      error_code: z.union([z.string(), z.number()]).optional(),
      error_message: z.string().optional(),
      message: z.string().optional(),
    })
    .nullish(),
});
export type PictoryErrorBody = z.infer<typeof pictoryErrorSchema>;
