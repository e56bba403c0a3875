/**
 * P-15 for AssemblyAI: a run that died between `POST /v2/transcript` and saving the transcript id left a transcript
 * nobody waits for. Recap's callback URL names its own job, so the newest transcripts created since the interrupted
 * start are read and the one whose `webhook_url` is this job's is taken instead of paying for a second one.
 * https://www.assemblyai.com/docs/api-reference/transcripts/list
 */
import type { AssemblyAiClient } from './client.ts';

/** Transcripts read from the newest: a crashed start is seconds old, and a busy key makes a few a minute. */
const NEWEST = 20;
/** Clock skew allowed between Recap and AssemblyAI's `created`. */
const SKEW_MS = 5 * 60 * 1000;

/** AssemblyAI's `created` is UTC without a zone (`2024-05-01T10:00:00.123456`). */
function createdAt(created: string | null | undefined): number | undefined {
  if (!created) return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(created) ? created : `${created}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The id of the transcript this job's interrupted start created, if AssemblyAI has one. */
export async function findInterruptedTranscript(client: AssemblyAiClient, since: number, webhookUrl: string | undefined, signal?: AbortSignal): Promise<string | undefined> {
  // Without a callback URL nothing ties a transcript to this job; another job's could be taken.
  if (!webhookUrl) return undefined;
  const { transcripts } = await client.list({ limit: NEWEST }, signal);
  for (const row of transcripts) {
    const created = createdAt(row.created);
    if (created !== undefined && created < since - SKEW_MS) break;
    const transcript = await client.getTranscript(row.id, signal);
    if (transcript.webhook_url === webhookUrl) return row.id;
  }
  return undefined;
}
