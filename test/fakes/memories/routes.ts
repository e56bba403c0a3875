/**
 * The Memories.ai fake's endpoints (guards run before these: see `guards.ts`). Every answer is the envelope at
 * HTTP 200; see `../memories.ts` for the contract and the assumptions where Memories.ai documents nothing.
 */
import { Hono, type Context } from 'hono';
import { failure, success } from './guards.ts';
import { chapterSummary, meetingScreen, PUBLIC_VIDEO_NO, publicScreen, publicSpeech, topicSummary, type FakeSegment } from './meeting.ts';
import { boundaryOf, readMultipart, type ReceivedMultipart } from './multipart.ts';
import type { FakeVideo, MemoriesWorld } from './world.ts';

const API = '/serve/api/v1';

const isHttpUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\/\S+$/.test(value);

export function createMemoriesRoutes(world: MemoriesWorld, uploads: ReceivedMultipart[]): Hono {
  const app = new Hono();

  /** The video a read names, or the envelope error the fake answers instead. */
  const readable = (c: Context): FakeVideo | Response => {
    const video = world.find(c.req.query('video_no'), c.req.query('unique_id'));
    if (!video) return c.json(failure('0001', 'video not found'));
    if (world.statusOf(video) === 'PARSE_ERROR') return c.json(failure('0001', 'video parse failed: the media could not be decoded'));
    return video;
  };
  const transcription = (videoNo: string, segments: FakeSegment[] | null) => success(segments ? { videoNo, transcriptions: segments } : null);

  app.post(`${API}/upload_url`, async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (!isHttpUrl(form.url)) return c.json(failure('0001', 'parameter error: url must be a public http(s) link'));
    if (typeof form.unique_id !== 'string' || form.unique_id === '') return c.json(failure('0001', 'parameter error: unique_id is required'));
    const callback = typeof form.callback === 'string' ? form.callback : undefined;
    const video = world.create({ uniqueId: form.unique_id, url: form.url, ...(callback ? { callback } : {}) });
    return c.json(success({ videoNo: video.videoNo, videoName: video.url?.split('/').pop() ?? '', videoStatus: 'UNPARSE', uploadTime: String(video.createdAt) }));
  });

  app.post(`${API}/upload`, async (c) => {
    const boundary = boundaryOf(c.req.header('content-type'));
    if (!boundary) return c.json(failure('0001', 'parameter error: multipart/form-data expected'));
    let received: ReceivedMultipart;
    try {
      received = await readMultipart(c.req.raw.body, boundary);
    } catch (error) {
      return c.json(failure('0001', `parameter error: ${(error as Error).message}`));
    }
    uploads.push(received);
    const file = received.files.find((f) => f.field === 'file');
    if (!file || file.bytes === 0) return c.json(failure('0001', 'parameter error: file is required'));
    const uniqueId = received.fields.unique_id || 'default';
    const callback = received.fields.callback;
    const video = world.create({ uniqueId, filename: file.filename, ...(callback ? { callback } : {}) });
    return c.json(success({ videoNo: video.videoNo, videoName: file.filename, videoStatus: 'UNPARSE', uploadTime: String(video.createdAt) }));
  });

  app.get(`${API}/get_audio_transcription`, (c) => {
    const video = readable(c);
    if (video instanceof Response) return video;
    const ready = world.statusOf(video) === 'PARSE' && !video.silent;
    return c.json(transcription(video.videoNo, ready ? video.speech : null));
  });

  app.get(`${API}/get_video_transcription`, (c) => {
    const video = readable(c);
    if (video instanceof Response) return video;
    return c.json(transcription(video.videoNo, world.statusOf(video) === 'PARSE' ? meetingScreen() : null));
  });

  app.get(`${API}/generate_summary`, (c) => {
    const type = c.req.query('type');
    if (type !== 'CHAPTER' && type !== 'TOPIC') return c.json(failure('0001', 'parameter error: type must be CHAPTER or TOPIC'));
    const video = readable(c);
    if (video instanceof Response) return video;
    if (world.statusOf(video) !== 'PARSE') return c.json(success(null));
    return c.json(success(type === 'CHAPTER' ? chapterSummary() : topicSummary()));
  });

  app.get(`${API}/get_public_audio_transcription`, (c) => {
    const videoNo = c.req.query('video_no');
    if (videoNo !== PUBLIC_VIDEO_NO) return c.json(failure('0001', 'video not found'));
    return c.json(transcription(videoNo, publicSpeech()));
  });

  app.get(`${API}/get_public_video_transcription`, (c) => {
    const videoNo = c.req.query('video_no');
    if (videoNo !== PUBLIC_VIDEO_NO) return c.json(failure('0001', 'video not found'));
    return c.json(transcription(videoNo, publicScreen()));
  });

  app.post(`${API}/update_video_transcription`, async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const video = world.find(typeof body?.video_no === 'string' ? body.video_no : undefined, typeof body?.unique_id === 'string' ? body.unique_id : undefined);
    if (!video) return c.json(failure('0001', 'video not found'));
    const segments = body?.transcriptions;
    const valid =
      Array.isArray(segments) &&
      segments.every((s: Record<string, unknown>) => typeof s?.content === 'string' && typeof s.startTime === 'string' && typeof s.endTime === 'string');
    if (!valid) return c.json(failure('0001', 'parameter error: transcriptions must be [{index, content, startTime, endTime}]'));
    video.speech = (segments as FakeSegment[]).map((s, index) => ({ index, content: s.content, startTime: s.startTime, endTime: s.endTime }));
    return c.json(success(null));
  });

  return app;
}
