/**
 * Pure mapping from SpotMe's answers (already checked by `schemas.ts`) to Recap's types: recordings metadata to
 * links with an expiry in epoch ms, job statuses to poll steps, downloaded VTT/TXT to a {@link Transcript}, and
 * listing pages to plain items. No I/O, no clock: callers pass `nowMs`.
 */
import { readTranscript } from '../../analysis/formats/index.ts';
import type { Transcript } from '../../domain/transcript.ts';
import type { SpotMeJobBody, SpotMeListBody, SpotMeRecordingsBody } from './schemas.ts';

/** Links are refreshed this long before they expire, so a download never starts on a link about to die. */
export const LINK_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** A recording's files and metadata in Recap's terms. The URLs are signed: never log their query strings. */
export interface SpotMeRecordings {
  vttUrl?: string;
  txtUrl?: string;
  /** Expires with the others: never hand it out as a lasting media link. */
  mp4Url?: string;
  /** When the links stop working, epoch ms. 0 when SpotMe's value could not be read (treated as stale). */
  expiresAtMs: number;
  glossaryId?: string;
  generatedAtMs?: number;
  languageCode?: string;
}

/** A job status as the poller needs it. */
export type SpotMeJobStep =
  | { kind: 'pending'; stage: 'queued' | 'transcribing' }
  | { kind: 'completed' }
  | { kind: 'failed'; reason: string };

export interface SpotMeJob {
  id: string;
  /** SpotMe's own word, lower-cased. */
  status: string;
  step: SpotMeJobStep;
}

export interface SpotMeListItem {
  id: string;
  title?: string;
  endedAtMs?: number;
  /** Whether a recording can be generated now; undefined when SpotMe did not say. */
  vodAvailable?: boolean;
}

export interface SpotMeListPage {
  items: SpotMeListItem[];
  nextCursor?: string;
}

// Epoch numbers below this are seconds (1e11 s is the year 5138; 1e11 ms is 1973).
const SECONDS_LIMIT = 1e11;

/** Reads ISO 8601 text or epoch seconds/milliseconds (as a number or digits) as epoch ms; undefined if unreadable. */
export function toEpochMs(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const numeric = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
  if (numeric !== undefined) return Number.isFinite(numeric) ? Math.round(numeric < SECONDS_LIMIT ? numeric * 1000 : numeric) : undefined;
  const parsed = Date.parse(value as string);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Keeps http(s) links only: anything else in a link field is a bug upstream, not something to fetch. */
function httpLink(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Recordings metadata → links and their expiry. */
export function toRecordings(body: SpotMeRecordingsBody): SpotMeRecordings {
  const result: SpotMeRecordings = { expiresAtMs: toEpochMs(body.expires_at) ?? 0 };
  const vtt = httpLink(body.vtt_url);
  const txt = httpLink(body.txt_url);
  const mp4 = httpLink(body.mp4_url);
  const generated = toEpochMs(body.generated_at);
  if (vtt) result.vttUrl = vtt;
  if (txt) result.txtUrl = txt;
  if (mp4) result.mp4Url = mp4;
  if (body.glossary_id) result.glossaryId = body.glossary_id;
  if (generated !== undefined) result.generatedAtMs = generated;
  if (body.language_code) result.languageCode = body.language_code;
  return result;
}

/** True when the links are past their expiry or within `marginMs` of it: read the recordings again. */
export function linksAreStale(recordings: SpotMeRecordings, nowMs: number, marginMs = LINK_REFRESH_MARGIN_MS): boolean {
  return recordings.expiresAtMs - nowMs <= marginMs;
}

const QUEUED = new Set(['pending', 'queued', 'created', 'scheduled', 'waiting']);
const RUNNING = new Set(['processing', 'in_progress', 'in-progress', 'running', 'started', 'generating']);
const DONE = new Set(['completed', 'complete', 'succeeded', 'success', 'done', 'finished', 'ready']);
const FAILED = new Set(['failed', 'failure', 'error', 'errored', 'cancelled', 'canceled', 'aborted']);

/**
 * A job body → the poller's step. An unknown status word counts as still processing: giving up on a job that may
 * well finish would be worse, and every wait is bounded by the router's deadline anyway.
 */
export function toJob(body: SpotMeJobBody): SpotMeJob {
  const status = body.status;
  let step: SpotMeJobStep;
  if (QUEUED.has(status)) step = { kind: 'pending', stage: 'queued' };
  else if (RUNNING.has(status)) step = { kind: 'pending', stage: 'transcribing' };
  else if (DONE.has(status)) step = { kind: 'completed' };
  else if (FAILED.has(status)) step = { kind: 'failed', reason: summariseJobError(body.error) };
  else step = { kind: 'pending', stage: 'transcribing' };
  return { id: body.job_id, status, step };
}

const MAX_REASON_CHARS = 200;

/** A failed job's error as one short line for users (SpotMe's text can be long or technical). */
export function summariseJobError(error: SpotMeJobBody['error']): string {
  const raw = typeof error === 'string' ? error : [error?.message, error?.code].filter((v) => v !== null && v !== undefined && v !== '').join(' ');
  const line = raw.replace(/\s+/g, ' ').trim();
  if (line === '') return 'SpotMe gave no reason';
  return line.length > MAX_REASON_CHARS ? `${line.slice(0, MAX_REASON_CHARS - 1)}…` : line;
}

/**
 * A downloaded VTT or TXT file → a Transcript (via the shared readers). SpotMe's language code, when known, fills
 * in a language the reader could not detect.
 *
 * @throws RecapError `bad_input` from the readers when the file holds no usable text.
 */
export function toTranscript(content: string | Uint8Array, format: 'vtt' | 'txt', languageCode?: string): Transcript {
  const transcript = readTranscript(content, { filename: `transcript.${format}` });
  const language = languageCode?.split(/[-_]/)[0]?.toLowerCase();
  return transcript.language === undefined && language ? { ...transcript, language } : transcript;
}

/** A listing page → plain items. */
export function toListPage(body: SpotMeListBody): SpotMeListPage {
  const items = body.items.map((item) => {
    const result: SpotMeListItem = { id: item.id };
    const endedAtMs = toEpochMs(item.ended_at);
    if (item.title) result.title = item.title;
    if (endedAtMs !== undefined) result.endedAtMs = endedAtMs;
    if (typeof item.vod_available === 'boolean') result.vodAvailable = item.vod_available;
    return result;
  });
  return body.next_cursor ? { items, nextCursor: body.next_cursor } : { items };
}
