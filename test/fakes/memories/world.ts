/**
 * The Memories.ai fake's videos: each is UNPARSE for `stepMs` after upload, then PARSE (or PARSE_ERROR), and its
 * callback, if any, is POSTed once when parsing ends — by time or by {@link MemoriesWorld.finish}.
 */
import { meetingSpeech, type FakeSegment } from './meeting.ts';

export type FakeVideoStatus = 'UNPARSE' | 'PARSE' | 'PARSE_ERROR';

export interface FakeVideo {
  videoNo: string;
  /** The namespace it was uploaded into; reads must name the same one (absent means `default`). */
  uniqueId: string;
  createdAt: number;
  url?: string;
  filename?: string;
  callback?: string;
  /** Ends in PARSE_ERROR ("corrupt" in its URL or file name). */
  broken: boolean;
  /** Has no audio track ("silent" in its URL or file name): the audio transcription stays null. */
  silent: boolean;
  /** Speech as replaced by `update_video_transcription`. */
  speech: FakeSegment[];
}

let counter = 0;
/** `VI` + 18 digits, unique within the process. */
function newVideoNo(): string {
  counter += 1;
  return `VI6060416948${String(counter).padStart(8, '0')}`;
}

export class MemoriesWorld {
  readonly videos = new Map<string, FakeVideo>();
  readonly callbacks: { url: string; body: { videoNo: string; status: string } }[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly stepMs: number) {}

  statusOf(video: FakeVideo): FakeVideoStatus {
    if (Date.now() - video.createdAt < this.stepMs) return 'UNPARSE';
    return video.broken ? 'PARSE_ERROR' : 'PARSE';
  }

  create(input: { uniqueId: string; url?: string; filename?: string; callback?: string }): FakeVideo {
    const name = `${input.url ?? ''} ${input.filename ?? ''}`;
    const video: FakeVideo = {
      videoNo: newVideoNo(),
      uniqueId: input.uniqueId,
      createdAt: Date.now(),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.filename !== undefined ? { filename: input.filename } : {}),
      ...(input.callback ? { callback: input.callback } : {}),
      broken: name.includes('corrupt'),
      silent: name.includes('silent'),
      speech: meetingSpeech(),
    };
    this.videos.set(video.videoNo, video);
    if (video.callback) this.timers.set(video.videoNo, setTimeout(() => this.deliver(video), this.stepMs + 5));
    return video;
  }

  seed(options: { uniqueId?: string; silent?: boolean }): FakeVideo {
    const video = this.create({ uniqueId: options.uniqueId ?? 'default', ...(options.silent ? { filename: 'silent.mp4' } : {}) });
    video.createdAt -= this.stepMs;
    return video;
  }

  /** The video, when it exists in that namespace. */
  find(videoNo: string | undefined, uniqueId: string | undefined): FakeVideo | undefined {
    const video = videoNo ? this.videos.get(videoNo) : undefined;
    return video && video.uniqueId === (uniqueId || 'default') ? video : undefined;
  }

  finish(videoNo: string): void {
    const video = this.videos.get(videoNo);
    if (!video) throw new Error(`The Memories.ai fake has no video ${videoNo}.`);
    video.createdAt = Math.min(video.createdAt, Date.now() - this.stepMs);
    this.deliver(video);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private deliver(video: FakeVideo): void {
    const timer = this.timers.get(video.videoNo);
    if (!timer || !video.callback) return;
    clearTimeout(timer);
    this.timers.delete(video.videoNo);
    const body = { videoNo: video.videoNo, status: this.statusOf(video) };
    this.callbacks.push({ url: video.callback, body });
    fetch(video.callback, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);
  }
}
