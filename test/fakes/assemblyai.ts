/**
 * A fake AssemblyAI on the shared harness (`fake-provider-server.ts`, which adds the request log and injected
 * faults). It implements the contract in providers.md: key auth, streamed uploads, transcript creation with the
 * real API's validation, jobs that move `queued` → `processing` → `completed` (or `error` for an audio_url
 * containing "corrupt") every `stepMs`, webhooks, sentences, paragraphs, SRT/VTT, word search, list and delete.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { startFakeServer, type FakeServer } from './fake-provider-server.ts';
import { captionsOf, completedFields, listRow, paragraphsOf, sentencesOf, wordSearchOf, type Json } from './assemblyai/results.ts';
import { createSender, type SlowBodyRule } from './assemblyai/slow-body.ts';
import { createError } from './assemblyai/validate.ts';
import { deliverWebhook, type WebhookDelivery } from './assemblyai/webhook.ts';

export type { WebhookDelivery } from './assemblyai/webhook.ts';

export interface FakeTranscript {
  id: string;
  /** The transcript object as `GET /v2/transcript/{id}` answers it. */
  object: Json;
  /** The create body as received; undefined for seeded transcripts. */
  request?: Json;
  createdAt: string;
  /** Set by `DELETE /v2/transcript/{id}`: the record stays, its words are gone. */
  deleted?: boolean;
}

export interface FakeUpload {
  bytes: number;
  /** How many pieces the body arrived in: more than one shows it was streamed. */
  chunks: number;
  contentType?: string;
}

export interface AssemblyAiFake extends FakeServer {
  apiKey: string;
  transcripts: Map<string, FakeTranscript>;
  uploads: Map<string, FakeUpload>;
  webhooks: WebhookDelivery[];
  /** Adds a completed transcript (all models on, legacy shapes) with `overrides` applied to its object. */
  seed(overrides?: Json): FakeTranscript;
  /** The parsed bodies of every `POST /v2/transcript` received, valid or not. */
  createBodies(): Json[];
  /** The next matching answers trickle out in pieces, `chunkDelayMs` apart (after their headers). */
  slowBody(rule: SlowBodyRule): void;
}

export interface AssemblyAiFakeOptions {
  apiKey?: string;
  /** Time per job step (queued → processing → done). Default 100 ms. */
  stepMs?: number;
  port?: number;
  /** Fraction (0–1) of `/v2` requests answered at random with a 500, 502 or 503 before anything else (soak tests). */
  errorRate?: number;
}

const AUTH_ERROR = { error: 'Authentication error, API token missing/invalid' };
const LOOKUP_ERROR = { error: 'Transcript lookup error, transcript id not found' };
const FAILED_AUDIO = 'Transcoding failed. File does not appear to contain audio. File type is application/octet-stream (data).';
const MAX_SEARCH_WORDS = 5;

export async function startAssemblyAiFake(options: AssemblyAiFakeOptions = {}): Promise<AssemblyAiFake> {
  const apiKey = options.apiKey ?? 'test-assemblyai-key';
  const stepMs = options.stepMs ?? 100;
  const transcripts = new Map<string, FakeTranscript>();
  const uploads = new Map<string, FakeUpload>();
  const webhooks: WebhookDelivery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const { send, slowBody } = createSender();
  let closed = false;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const find = (c: Context) => transcripts.get(c.req.param('id') ?? '');
  const notCompleted = (c: Context, t: FakeTranscript) =>
    send(c, { error: `Transcript is not completed (status: ${String(t.object.status)}).` }, 400);

  function finish(t: FakeTranscript): void {
    const request = t.request ?? {};
    if (String(request.audio_url).includes('corrupt')) Object.assign(t.object, { status: 'error', error: FAILED_AUDIO });
    else Object.assign(t.object, completedFields(request));
    const url = request.webhook_url;
    if (typeof url !== 'string') return;
    const name = request.webhook_auth_header_name;
    const value = request.webhook_auth_header_value;
    void deliverWebhook({
      url,
      transcriptId: t.id,
      status: String(t.object.status),
      ...(typeof name === 'string' && typeof value === 'string' ? { authHeader: { name, value } } : {}),
      log: webhooks,
      retryDelayMs: stepMs,
      isClosed: () => closed,
    }).then((code) => {
      t.object.webhook_status_code = code ?? null;
    });
  }

  const app = new Hono();
  app.use('/v2/*', async (c, next) => {
    const errorRate = options.errorRate ?? 0;
    if (errorRate > 0 && Math.random() < errorRate) return c.json({ error: 'Internal server error' }, ([500, 502, 503] as const)[Math.floor(Math.random() * 3)]!);
    if (c.req.header('authorization') !== apiKey) return c.json(AUTH_ERROR, 401);
    return next();
  });

  app.post('/v2/upload', async (c) => {
    // Counted as it arrives, never held: the fake must show the client streams, so it does not buffer either.
    const upload: FakeUpload = { bytes: 0, chunks: 0, ...(c.req.header('content-type') ? { contentType: c.req.header('content-type')! } : {}) };
    for await (const chunk of (c.req.raw.body ?? []) as AsyncIterable<Uint8Array>) {
      upload.bytes += chunk.byteLength;
      upload.chunks += 1;
    }
    if (upload.bytes === 0) return send(c, { error: 'Upload failed: the request body is empty.' }, 400);
    const id = randomUUID();
    uploads.set(id, upload);
    const logged = [...fake.requests].reverse().find((r) => r.method === 'POST' && r.path === '/v2/upload' && r.bytes === undefined);
    if (logged) logged.bytes = upload.bytes;
    return send(c, { upload_url: `${new URL(c.req.url).origin}/upload/${id}` });
  });

  app.post('/v2/transcript', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return send(c, { error: 'Invalid JSON in request body.' }, 400);
    }
    const problem = createError(body);
    if (problem) return send(c, { error: problem }, 400);
    const request = body as Json;
    const id = randomUUID();
    const { webhook_auth_header_value: _secret, speech_understanding: _su, ...echo } = request;
    const object: Json = {
      id,
      status: 'queued',
      error: null,
      text: null,
      words: null,
      language_code: request.language_code ?? null,
      audio_duration: null,
      ...echo,
      webhook_auth: typeof request.webhook_auth_header_name === 'string',
    };
    const t: FakeTranscript = { id, object, request, createdAt: new Date().toISOString() };
    transcripts.set(id, t);
    later(stepMs, () => Object.assign(object, { status: 'processing' }));
    later(2 * stepMs, () => finish(t));
    return send(c, object);
  });

  app.get('/v2/transcript', (c) => {
    const limit = Number(c.req.query('limit') ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) return send(c, { error: 'limit must be between 1 and 200.' }, 400);
    const status = c.req.query('status');
    let rows = [...transcripts.values()].reverse().filter((t) => !status || t.object.status === status);
    const before = c.req.query('before_id');
    if (before) rows = rows.slice(rows.findIndex((t) => t.id === before) + 1);
    const page = rows.slice(0, limit);
    const origin = new URL(c.req.url).origin;
    const last = page[page.length - 1];
    return send(c, {
      page_details: {
        limit,
        result_count: page.length,
        current_url: c.req.url,
        prev_url: rows.length > limit && last ? `${origin}/v2/transcript?limit=${limit}&before_id=${last.id}` : null,
        next_url: null,
      },
      transcripts: page.map((t) => listRow(t.object, t.createdAt, origin)),
    });
  });

  app.get('/v2/transcript/:id', (c) => {
    const t = find(c);
    return t ? send(c, t.object) : send(c, LOOKUP_ERROR, 404);
  });

  app.delete('/v2/transcript/:id', (c) => {
    const t = find(c);
    if (!t) return send(c, LOOKUP_ERROR, 404);
    // What AssemblyAI keeps after a delete: the id, the status and the duration (for billing).
    Object.assign(t.object, { text: 'Deleted by user.', words: [], utterances: [], audio_url: 'http://deleted_by_user', chapters: null, summary: null, auto_highlights_result: null });
    t.deleted = true;
    return send(c, t.object);
  });

  for (const view of ['sentences', 'paragraphs'] as const) {
    app.get(`/v2/transcript/:id/${view}`, (c) => {
      const t = find(c);
      if (!t) return send(c, LOOKUP_ERROR, 404);
      if (t.object.status !== 'completed') return notCompleted(c, t);
      const labels = t.request ? t.request.speaker_labels === true : true;
      return send(c, view === 'sentences' ? sentencesOf(t.id, labels) : paragraphsOf(t.id, labels));
    });
  }

  for (const format of ['srt', 'vtt'] as const) {
    app.get(`/v2/transcript/:id/${format}`, (c) => {
      const t = find(c);
      if (!t) return send(c, LOOKUP_ERROR, 404);
      if (t.object.status !== 'completed') return notCompleted(c, t);
      const raw = c.req.query('chars_per_caption');
      const chars = raw === undefined ? undefined : Number(raw);
      if (chars !== undefined && (!Number.isInteger(chars) || chars < 1)) return send(c, { error: 'chars_per_caption must be a positive integer.' }, 400);
      // The vendor reference says subtitles come as text/html; the fake does the same, so the client copes. A deleted
      // transcript has no words left, so (our assumption: the API reference does not say) its subtitles have no cue.
      const body = t.deleted ? (format === 'vtt' ? 'WEBVTT\n' : '') : captionsOf(format, chars);
      return c.body(body, 200, { 'content-type': 'text/html; charset=utf-8' });
    });
  }

  app.get('/v2/transcript/:id/word-search', (c) => {
    const t = find(c);
    if (!t) return send(c, LOOKUP_ERROR, 404);
    if (t.object.status !== 'completed') return notCompleted(c, t);
    const terms = (c.req.query('words') ?? '').split(',').map((w) => w.trim()).filter(Boolean);
    if (terms.length === 0) return send(c, { error: 'words is required.' }, 400);
    if (terms.some((w) => w.split(/\s+/).length > MAX_SEARCH_WORDS)) return send(c, { error: 'Phrases can have at most 5 words.' }, 400);
    return send(c, wordSearchOf(t.id, terms));
  });

  const server = await startFakeServer(app, options.port !== undefined ? { port: options.port } : {});
  const fake: AssemblyAiFake = {
    ...server,
    apiKey,
    transcripts,
    uploads,
    webhooks,
    seed(overrides = {}) {
      const id = randomUUID();
      const request: Json = { audio_url: 'https://media.example.com/standup.mp3', speaker_labels: true, auto_highlights: true, auto_chapters: true, language_code: 'en_us' };
      const object: Json = { id, audio_url: request.audio_url, ...request, ...completedFields(request), ...overrides };
      const t: FakeTranscript = { id, object, createdAt: new Date().toISOString() };
      transcripts.set(id, t);
      return t;
    },
    createBodies: () => server.calls('POST', /^\/v2\/transcript$/).map((r) => JSON.parse(r.body ?? 'null') as Json),
    slowBody,
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await server.close();
    },
  };
  return fake;
}
