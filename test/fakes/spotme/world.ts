/**
 * The SpotMe fake's world: live sessions and breakouts, generation jobs that move pending → processing →
 * completed (or failed) as time passes, the recordings they leave, and the signed, expiring file links handed out
 * for them. Pure state with an injectable clock; `routes.ts` puts HTTP in front of it.
 */
import { randomBytes } from 'node:crypto';

export type TargetKind = 'session' | 'breakout';

export interface FakeRecording {
  vtt?: string;
  txt: string;
  glossaryId?: string;
  languageCode?: string;
  generatedAt: number;
}

export interface FakeTarget {
  kind: TargetKind;
  id: string;
  title: string;
  /** The session or breakout is over (a listing with `status=ended` shows it). */
  ended: boolean;
  /** A recording can be generated: a session's VOD exists, a breakout has ended. */
  vod: boolean;
  /** Jobs for it fail. */
  broken: boolean;
  endedAt?: number;
  /** What is said, one cue per line. */
  lines: string[];
  recording?: FakeRecording;
}

export interface FakeJob {
  id: string;
  kind: TargetKind;
  targetId: string;
  createdAt: number;
  glossaryId?: string;
  languageCode?: string;
  applied: boolean;
}

export type JobStatus = 'pending' | 'processing' | 'completed' | 'failed';

export interface FakeFile {
  content: string | Uint8Array;
  contentType: string;
  expiresAt: number;
}

export interface IssuedLinks {
  vtt_url: string | null;
  txt_url: string;
  mp4_url: string;
  expires_at: string;
}

export const SIX_HOURS_MS = 6 * 60 * 60 * 1000;

export class SpotMeWorld {
  readonly targets = new Map<string, FakeTarget>();
  readonly jobs = new Map<string, FakeJob>();
  /** Signed files by signature. */
  readonly files = new Map<string, FakeFile>();
  linkTtlMs = SIX_HOURS_MS;
  /** How many of the next recordings reads hand out links that have already expired. */
  expiredReads = 0;
  private nextJob = 1;

  constructor(
    public stepMs: number,
    public now: () => number = Date.now,
  ) {}

  add(kind: TargetKind, id: string, options: { title?: string; ended?: boolean; vod?: boolean; broken?: boolean; lines?: string[] }): FakeTarget {
    const vod = options.vod ?? (kind === 'breakout' ? (options.ended ?? false) : false);
    const ended = options.ended ?? (kind === 'session' ? true : vod);
    const title = options.title ?? `${kind} ${id}`;
    const target: FakeTarget = {
      kind,
      id,
      title,
      ended,
      vod,
      broken: options.broken ?? false,
      ...(ended ? { endedAt: this.now() } : {}),
      lines: options.lines ?? [`Welcome to ${title}.`, 'Today we review the roadmap and the budget.', 'Thanks everyone, see you next week.'],
    };
    this.targets.set(id, target);
    return target;
  }

  find(kind: TargetKind, id: string): FakeTarget | undefined {
    const target = this.targets.get(id);
    return target?.kind === kind ? target : undefined;
  }

  /** Ends a session (and publishes its VOD) or a breakout. */
  finish(id: string): void {
    const target = this.require(id);
    target.ended = true;
    target.vod = true;
    target.endedAt ??= this.now();
  }

  require(id: string): FakeTarget {
    const target = this.targets.get(id);
    if (!target) throw new Error(`The SpotMe fake has no session or breakout ${id}`);
    return target;
  }

  createJob(target: FakeTarget, glossaryId?: string, languageCode?: string): FakeJob {
    const job: FakeJob = {
      id: `job_${String(this.nextJob++).padStart(4, '0')}`,
      kind: target.kind,
      targetId: target.id,
      createdAt: this.now(),
      applied: false,
      ...(glossaryId ? { glossaryId } : {}),
      ...(languageCode ? { languageCode } : {}),
    };
    this.jobs.set(job.id, job);
    return job;
  }

  /** Where a job stands now; completing it (once) replaces the target's recording, as SpotMe does. */
  status(job: FakeJob): JobStatus {
    const elapsed = this.now() - job.createdAt;
    if (elapsed < this.stepMs) return 'pending';
    if (elapsed < 2 * this.stepMs) return 'processing';
    const target = this.require(job.targetId);
    if (target.broken) return 'failed';
    if (!job.applied) {
      job.applied = true;
      target.recording = this.generate(target, job.glossaryId, job.languageCode);
    }
    return 'completed';
  }

  /** Moves every job forward, so recordings reads see what finished jobs left. */
  settle(): void {
    for (const job of this.jobs.values()) this.status(job);
  }

  generate(target: FakeTarget, glossaryId?: string, languageCode?: string): FakeRecording {
    const cues = target.lines.map((line, i) => `${i + 1}\n${clock(i * 5000)} --> ${clock(i * 5000 + 4500)}\n<v Host>${line}\n`);
    return {
      vtt: `WEBVTT\n\n${cues.join('\n')}`,
      txt: `${target.lines.join('\n')}\n`,
      generatedAt: this.now(),
      ...(glossaryId ? { glossaryId } : {}),
      ...(languageCode ? { languageCode } : {}),
    };
  }

  /** Fresh signed links to a recording's files on `origin` (the API's own, or a CDN's). */
  issueLinks(recording: FakeRecording, origin: string): IssuedLinks {
    const expired = this.expiredReads > 0;
    if (expired) this.expiredReads -= 1;
    const expiresAt = expired ? this.now() - 60_000 : this.now() + this.linkTtlMs;
    const link = (name: string, content: string | Uint8Array, contentType: string): string => {
      const sig = randomBytes(12).toString('hex');
      this.files.set(sig, { content, contentType, expiresAt });
      return `${origin}/files/${name}?expires=${Math.floor(expiresAt / 1000)}&sig=${sig}`;
    };
    return {
      vtt_url: recording.vtt === undefined ? null : link('transcript.vtt', recording.vtt, 'text/vtt; charset=utf-8'),
      txt_url: link('transcript.txt', recording.txt, 'text/plain; charset=utf-8'),
      mp4_url: link('recording.mp4', Buffer.from('\0\0\0\x18ftypmp42'), 'video/mp4'),
      expires_at: new Date(expiresAt).toISOString(),
    };
  }

  /** A signed file, or why not: unknown signature (403) or expired link (403 too, as CDNs answer). */
  file(sig: string | undefined): FakeFile | 'forbidden' | 'expired' {
    const file = sig ? this.files.get(sig) : undefined;
    if (!file) return 'forbidden';
    return file.expiresAt <= this.now() ? 'expired' : file;
  }
}

function clock(ms: number): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}
