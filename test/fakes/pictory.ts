/**
 * A fake Pictory API on the shared harness (`fake-provider-server.ts`), implementing the contract in
 * /work/shared/providers.md and, where Pictory is silent, the assumptions written there:
 * - `Authorization: <key>` (bare); a wrong key gets the API gateway's 401 `{message:"Unauthorized"}`.
 * - `POST /pictoryapis/v2/transcription` → a job that is `in-progress` for `stepMs`, then `completed` with the
 *   built-in meeting (or `failed` when the fileUrl contains "corrupt").
 * - `POST /pictoryapis/v2/transcription/{jobId}/highlights` → 4004 while the transcription is in progress; then a
 *   new job, `in-progress` for `stepMs`, then `completed` with `highlight: true` sentences fitting
 *   `highlight_duration` AND a `highlights: [{start, end, text}]` array (seconds).
 * - `GET /pictoryapis/v1/jobs/{jobId}`; `cleaned` after {@link PictoryFake.clean}.
 * - On completion, POSTs `{jobId, status}` to the job's `webhook` (the real body is undocumented).
 * - Errors: `{success:false, data:{error_code, error_message}}`. Faults come from the harness's `inject`.
 *
 * Vendor docs: https://docs.pictory.ai/api-reference/transcription/generate-highlights-from-job
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { startFakeServer, type FakeServer } from './fake-provider-server.ts';
import { chooseHighlights, meetingTranscript, renderings, sentenceEnd, sentenceStart, sentenceText, type FakeSentence } from './pictory/meeting.ts';

export interface PictoryFakeJob {
  id: string;
  kind: 'transcription' | 'highlights';
  createdAt: number;
  /** The request body as received. */
  request: Record<string, unknown>;
  /** For highlights jobs: the transcription they were made from. */
  transcriptionJobId?: string;
  cleaned: boolean;
}

export interface PictoryFake extends FakeServer {
  apiKey: string;
  /** `url` + `/pictoryapis`: what a client takes as its base URL. */
  baseUrl: string;
  jobs: Map<string, PictoryFakeJob>;
  /** Webhook deliveries, in order. */
  webhooks: { url: string; body: { jobId: string; status: string } }[];
  /** Marks a job's result as expired: it reads `cleaned` from now on. */
  clean(jobId: string): void;
  /** Ends a job's processing now (and sends its webhook). */
  finish(jobId: string): void;
  /** A fresh copy of the built-in meeting, for assertions. */
  meeting(): FakeSentence[];
}

export interface PictoryFakeOptions {
  apiKey?: string;
  /** How long a job stays in progress. Default 30 ms. */
  stepMs?: number;
  port?: number;
}

export const PICTORY_FAKE_KEY = 'pictai_test_0123456789abcdef';

const errorBody = (code: string, message: string) => ({ success: false, data: { error_code: code, error_message: message } });

export async function startPictoryFake(options: PictoryFakeOptions = {}): Promise<PictoryFake> {
  const apiKey = options.apiKey ?? PICTORY_FAKE_KEY;
  const stepMs = options.stepMs ?? 30;
  const jobs = new Map<string, PictoryFakeJob>();
  const webhooks: PictoryFake['webhooks'] = [];

  const statusOf = (job: PictoryFakeJob): 'in-progress' | 'completed' | 'failed' | 'cleaned' => {
    if (job.cleaned) return 'cleaned';
    if (Date.now() - job.createdAt < stepMs) return 'in-progress';
    return job.kind === 'transcription' && String(job.request.fileUrl).includes('corrupt') ? 'failed' : 'completed';
  };

  /** Job id → its pending webhook timer; delivery happens once, when the job ends (by time or by finish()). */
  const pendingHooks = new Map<string, NodeJS.Timeout>();
  const deliver = (job: PictoryFakeJob) => {
    const timer = pendingHooks.get(job.id);
    if (!timer) return;
    clearTimeout(timer);
    pendingHooks.delete(job.id);
    const url = String(job.request.webhook);
    const body = { jobId: job.id, status: statusOf(job) };
    webhooks.push({ url, body });
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);
  };

  const create = (kind: PictoryFakeJob['kind'], request: Record<string, unknown>, transcriptionJobId?: string) => {
    const job: PictoryFakeJob = { id: randomUUID(), kind, createdAt: Date.now(), request, cleaned: false, ...(transcriptionJobId ? { transcriptionJobId } : {}) };
    jobs.set(job.id, job);
    if (typeof request.webhook === 'string' && request.webhook !== '') {
      pendingHooks.set(job.id, setTimeout(() => deliver(job), stepMs + 5));
    }
    return job;
  };

  const readBody = async (c: Context): Promise<Record<string, unknown> | undefined> => {
    try {
      const body: unknown = await c.req.json();
      return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };

  const app = new Hono();
  app.use('/pictoryapis/*', async (c, next) => {
    if (c.req.header('authorization') !== apiKey) return c.json({ message: 'Unauthorized' }, 401);
    return next();
  });

  app.post('/pictoryapis/v2/transcription', async (c) => {
    const body = await readBody(c);
    if (!body) return c.json(errorBody('4000', 'The request body must be JSON.'), 400);
    if (typeof body.fileUrl !== 'string' || !/^https?:\/\//.test(body.fileUrl)) {
      return c.json(errorBody('4001', 'fileUrl must be a public http(s) link.'), 400);
    }
    if (body.mediaType !== undefined && body.mediaType !== 'video' && body.mediaType !== 'audio') {
      return c.json(errorBody('4001', 'mediaType must be video or audio.'), 400);
    }
    return c.json({ success: true, data: { jobId: create('transcription', body).id } });
  });

  app.post('/pictoryapis/v2/transcription/:jobId/highlights', async (c) => {
    const source = jobs.get(c.req.param('jobId'));
    if (!source || source.kind !== 'transcription') return c.json(errorBody('4040', 'Transcription job not found.'), 404);
    const body = await readBody(c);
    const duration = body?.highlight_duration;
    if (!body || typeof duration !== 'number' || !Number.isInteger(duration) || duration <= 0) {
      return c.json(errorBody('4001', 'highlight_duration must be a whole number of seconds.'), 400);
    }
    const status = statusOf(source);
    if (status === 'in-progress') return c.json(errorBody('4004', 'The transcription job is still processing. Retry later.'), 400);
    if (status !== 'completed') return c.json(errorBody('4002', `The transcription job is ${status}.`), 400);
    return c.json({ success: true, data: { jobId: create('highlights', body, source.id).id } });
  });

  app.get('/pictoryapis/v1/jobs/:jobId', (c) => {
    const job = jobs.get(c.req.param('jobId'));
    if (!job) return c.json(errorBody('4040', 'Job not found.'), 404);
    const status = statusOf(job);
    const head = { job_id: job.id, success: true };
    if (status === 'in-progress' || status === 'cleaned') return c.json({ ...head, data: { status } });
    if (status === 'failed') {
      return c.json({ ...head, data: { status, error_code: '5001', error_message: 'The media could not be decoded.' } });
    }
    const sentences = meetingTranscript();
    const duration = sentenceEnd(sentences[sentences.length - 1]!) + 0.6;
    if (job.kind === 'transcription') {
      return c.json({ ...head, data: { status, transcript: sentences, ...renderings(sentences), mediaInfo: { duration } } });
    }
    const chosen = chooseHighlights(sentences, Number(job.request.highlight_duration));
    const marked = sentences.map((s, i) => ({ ...s, highlight: chosen.has(i) }));
    const highlights = sentences
      .filter((_, i) => chosen.has(i))
      .map((s) => ({ start: sentenceStart(s), end: sentenceEnd(s), text: sentenceText(s) }));
    return c.json({ ...head, data: { status, transcript: marked, highlights } });
  });

  const server = await startFakeServer(app, options.port !== undefined ? { port: options.port } : {});
  const require = (jobId: string) => {
    const job = jobs.get(jobId);
    if (!job) throw new Error(`The Pictory fake has no job ${jobId}.`);
    return job;
  };
  return {
    ...server,
    apiKey,
    baseUrl: `${server.url}/pictoryapis`,
    jobs,
    webhooks,
    clean: (jobId) => {
      require(jobId).cleaned = true;
    },
    finish: (jobId) => {
      const job = require(jobId);
      job.createdAt = Math.min(job.createdAt, Date.now() - stepMs);
      deliver(job);
    },
    meeting: meetingTranscript,
    close: async () => {
      for (const timer of pendingHooks.values()) clearTimeout(timer);
      pendingHooks.clear();
      await server.close();
    },
  };
}
