/**
 * A fake Memories.ai API on the shared harness (`fake-provider-server.ts`), implementing the contract in
 * /work/shared/providers.md and, where Memories.ai is silent, the assumptions Recap's client makes:
 * - Bare `Authorization: <key>`; every answer is the envelope `{code, msg, data, success, failed}` at HTTP 200,
 *   errors included: `0401` wrong key, `0402` out of credits ({@link MemoriesFake.setCredits}), `0429` busy
 *   ({@link MemoriesFake.busyNext}) or over its own limit of 1 request/s per key (`rate`), `0001` bad parameters.
 * - `POST upload_url` (form) and `POST upload` (multipart, read as a stream: bytes counted, never held) create a
 *   video that is UNPARSE for `stepMs`, then PARSE — or PARSE_ERROR when the URL or file name contains "corrupt".
 *   "silent" in the URL or name makes a video without audio. When parsing ends, `{videoNo, status}` is POSTed to
 *   the upload's `callback`.
 * - Undocumented, assumed: a transcription of an UNPARSE video is `data: null`; of a PARSE_ERROR video, `0001`
 *   with the reason; of an unknown number (or another `unique_id`), `0001` "video not found".
 * - `get_audio_transcription`, `get_video_transcription`, `generate_summary?type=CHAPTER|TOPIC`, the two public
 *   reads for {@link PUBLIC_VIDEO_NO}, and `update_video_transcription` (JSON `{video_no, unique_id, transcriptions}`).
 *
 * Vendor docs: https://memories.ai/docs/API/Transcription/audio-transcription/
 */
import { Hono } from 'hono';
import { startFakeServer, type FakeServer } from './fake-provider-server.ts';
import { createGuards, type FakeRateLimit, type GuardState } from './memories/guards.ts';
import { createMemoriesRoutes } from './memories/routes.ts';
import { MemoriesWorld, type FakeVideo } from './memories/world.ts';
import { createSlowBody, type SlowBodyRule } from './spotme/slow-body.ts';
import type { ReceivedMultipart } from './memories/multipart.ts';

export type { FakeVideo } from './memories/world.ts';
export { PUBLIC_VIDEO_NO } from './memories/meeting.ts';

export const MEMORIES_FAKE_KEY = 'sk-memories-test-0123456789abcdef';

export interface MemoriesFakeOptions {
  apiKey?: string;
  /** How long a video stays UNPARSE. Default 30 ms. */
  stepMs?: number;
  port?: number;
  /** The fake's own limit per key; `false` turns it off. Default 1/s without burst, like the real account. */
  rate?: FakeRateLimit | false;
}

export interface MemoriesFake extends FakeServer {
  apiKey: string;
  /** What a client's `baseUrl` should be (the fake's origin: paths start with `/serve/api/v1`). */
  baseUrl: string;
  videos: Map<string, FakeVideo>;
  /** Every multipart upload as received. */
  uploads: ReceivedMultipart[];
  /** Callback deliveries, in order. */
  callbacks: { url: string; body: { videoNo: string; status: string } }[];
  /** Ends a video's parsing now (and sends its callback). */
  finish(videoNo: string): void;
  /** A video that already exists on the account (PARSE), as if uploaded earlier. */
  seed(options?: { uniqueId?: string; silent?: boolean }): FakeVideo;
  /** The next `count` requests are answered `0429` (busy) at HTTP 200. */
  busyNext(count: number): void;
  /** `false`: every request is answered `0402` (out of credits). */
  setCredits(available: boolean): void;
  /** Changes the fake's own rate limit (`false` turns it off). */
  setRate(rate: FakeRateLimit | false): void;
  /** Requests the fake's own rate limit refused with 0429. */
  readonly limited: number;
  /** Trickles the body of the next matching response(s). */
  slowBody(rule: SlowBodyRule): void;
}

/** Starts the fake on 127.0.0.1. Close it with `close()`. */
export async function startMemoriesFake(options: MemoriesFakeOptions = {}): Promise<MemoriesFake> {
  const guard: GuardState = {
    apiKey: options.apiKey ?? MEMORIES_FAKE_KEY,
    busyLeft: 0,
    credits: true,
    rate: options.rate ?? { perSecond: 1, burst: 1 },
    limited: 0,
  };
  const world = new MemoriesWorld(options.stepMs ?? 30);
  const uploads: ReceivedMultipart[] = [];
  const slow = createSlowBody();

  const app = new Hono();
  app.use('*', slow.middleware);
  app.use('/serve/api/v1/*', createGuards(guard));
  app.route('/', createMemoriesRoutes(world, uploads));
  const server = await startFakeServer(app, options.port === undefined ? {} : { port: options.port });

  return {
    ...server,
    apiKey: guard.apiKey,
    baseUrl: server.url,
    videos: world.videos,
    uploads,
    callbacks: world.callbacks,
    finish: (videoNo) => world.finish(videoNo),
    seed: (seedOptions = {}) => world.seed(seedOptions),
    busyNext: (count) => {
      guard.busyLeft = count;
    },
    setCredits: (available) => {
      guard.credits = available;
    },
    setRate: (rate) => {
      guard.rate = rate;
    },
    get limited() {
      return guard.limited;
    },
    slowBody: (rule) => slow.add(rule),
    close: async () => {
      world.stop();
      await server.close();
    },
  };
}
