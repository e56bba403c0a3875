/** What the fake Slack remembers: messages per channel, ephemerals, files, channels, users, response_urls, codes. */
import { randomBytes } from 'node:crypto';

export interface FakeMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown;
  attachments?: unknown;
  user: string;
  bot_id: string;
  unfurl_links?: unknown;
  unfurl_media?: unknown;
  link_names?: unknown;
  reply_broadcast?: unknown;
  /** Set by chat.update. */
  edited?: { user: string; ts: string };
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks?: unknown;
  thread_ts?: string;
  message_ts: string;
}

export interface FakeUpload {
  id: string;
  filename: string;
  title: string;
  /** The bytes as UTF-8 text. */
  content: string;
  bytes: Buffer;
  /** Where files.completeUploadExternal shared it (absent: uploaded but kept private). */
  channel?: string;
  threadTs?: string;
  initialComment?: string;
}

export interface PendingFile {
  id: string;
  filename: string;
  length: number;
  bytes?: Buffer;
  completed?: FakeUpload;
}

export interface FakeChannel {
  id: string;
  name: string;
  exists: boolean;
  isMember: boolean;
  isArchived: boolean;
  isPrivate: boolean;
  isIm: boolean;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  is_bot: boolean;
  tz: string;
  /** Workspace admins and owners (users.info shows them; Recap lets them change subscriptions). */
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface ResponseUrlState {
  id: string;
  channel?: string;
  uses: number;
  maxUses: number;
  expired: boolean;
  posts: unknown[];
}

export interface ServedFile {
  key: string;
  name: string;
  content: Buffer;
  contentType: string;
  public: boolean;
}

export interface OAuthCode {
  code: string;
  teamId: string;
  token: string;
  used: boolean;
}

export interface PostRate {
  perSecond: number;
  burst?: number;
}

const MIME: Record<string, string> = {
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

export function contentTypeFor(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}

export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;
}

export class SlackWorld {
  readonly messages: FakeMessage[] = [];
  readonly ephemerals: FakeEphemeral[] = [];
  readonly uploads: FakeUpload[] = [];
  readonly pending = new Map<string, PendingFile>();
  readonly channels = new Map<string, FakeChannel>();
  readonly users = new Map<string, FakeUser>();
  readonly responseUrls = new Map<string, ResponseUrlState>();
  readonly files = new Map<string, ServedFile>();
  readonly codes = new Map<string, OAuthCode>();
  /** Answers still to drop after committing, per method (SO-7). */
  readonly drops = new Map<string, number>();
  revoked = false;
  rate: PostRate | false;
  /** chat.postMessage calls refused by the fake's own per-channel limit. */
  limited = 0;
  private lastMicros = 0;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly now: () => number,
    rate: PostRate | false,
  ) {
    this.rate = rate;
  }

  /** A message ts like Slack's (`1700000000.000100`): from the clock, unique and increasing. */
  nextTs(): string {
    const micros = Math.max(this.lastMicros + 100, Math.floor(this.now()) * 1000);
    this.lastMicros = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  channel(id: string): FakeChannel {
    let channel = this.channels.get(id);
    if (!channel) {
      channel = { id, name: id.toLowerCase(), exists: true, isMember: true, isArchived: false, isPrivate: id.startsWith('G'), isIm: id.startsWith('D') };
      this.channels.set(id, channel);
    }
    return channel;
  }

  /** Why a post to this channel is refused, if it is. */
  postError(id: unknown): string | undefined {
    if (typeof id !== 'string' || id === '') return 'channel_not_found';
    const channel = this.channel(id);
    if (!channel.exists) return 'channel_not_found';
    if (channel.isArchived) return 'is_archived';
    if (!channel.isMember && !channel.isIm) return 'not_in_channel';
    return undefined;
  }

  user(id: string): FakeUser | undefined {
    const known = this.users.get(id);
    if (known) return known;
    if (!/^[UW][A-Z0-9]+$/.test(id)) return undefined;
    return { id, name: id.toLowerCase(), real_name: `User ${id}`, is_bot: false, tz: 'Europe/Paris' };
  }

  /**
   * The fake's own limit on chat.postMessage per channel: a token bucket of `burst` posts refilled at `perSecond`.
   * Returns the Retry-After in seconds when the post is refused.
   */
  takePostSlot(channel: string): number | undefined {
    if (!this.rate) return undefined;
    const { perSecond } = this.rate;
    const burst = this.rate.burst ?? 1;
    const now = this.now();
    const bucket = this.buckets.get(channel) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(channel, bucket);
    if (bucket.tokens >= 1 - 1e-9) {
      bucket.tokens -= 1;
      return undefined;
    }
    this.limited += 1;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }

  takeDrop(method: string): boolean {
    const left = this.drops.get(method) ?? 0;
    if (left <= 0) return false;
    if (left === 1) this.drops.delete(method);
    else this.drops.set(method, left - 1);
    return true;
  }

  findMessage(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }
}
