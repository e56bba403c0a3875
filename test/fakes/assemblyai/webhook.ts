/**
 * Webhook delivery as AssemblyAI does it: a POST of `{transcript_id, status}` only, with the custom auth header
 * when the transcript was created with one; a 2xx ends it, any 4xx stops retries, anything else (5xx, no answer
 * within 10 s, a dropped connection) is tried again, up to 10 times in all.
 */

export interface WebhookDelivery {
  url: string;
  transcriptId: string;
  status: string;
  attempt: number;
  headers: Record<string, string>;
  /** The receiver's HTTP status; undefined when the request failed outright. */
  responseStatus?: number;
}

export interface DeliveryOptions {
  url: string;
  transcriptId: string;
  status: string;
  authHeader?: { name: string; value: string };
  /** Every attempt is recorded here, as it happens. */
  log: WebhookDelivery[];
  attempts?: number;
  retryDelayMs: number;
  isClosed: () => boolean;
}

/** Delivers one notification; resolves with the last HTTP status seen (undefined when none answered). */
export async function deliverWebhook(options: DeliveryOptions): Promise<number | undefined> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.authHeader) headers[options.authHeader.name] = options.authHeader.value;
  const body = JSON.stringify({ transcript_id: options.transcriptId, status: options.status });
  const attempts = options.attempts ?? 10;
  let last: number | undefined;
  for (let attempt = 1; attempt <= attempts && !options.isClosed(); attempt++) {
    const entry: WebhookDelivery = { url: options.url, transcriptId: options.transcriptId, status: options.status, attempt, headers };
    options.log.push(entry);
    try {
      const response = await fetch(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      await response.body?.cancel();
      entry.responseStatus = response.status;
      last = response.status;
      if (response.status < 500) return last;
    } catch {
      // No answer: tried again below.
    }
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
  }
  return last;
}
