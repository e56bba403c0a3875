/**
 * The router: sends each reference to whoever can serve it. Transcripts go to the local analyzer; provider ids
 * to their provider; audio and video (links and local files) to `--provider` or the first configured speech
 * provider. It waits for the provider job and returns the transcript and the provider's own parts; the recap
 * command fills the rest locally.
 */
import { openAsBlob } from 'node:fs';
import type { Config } from '../config.ts';
import type { MediaRef, ProviderName } from '../domain/media-ref.ts';
import type { Part } from '../domain/recap.ts';
import { RecapError } from '../errors.ts';
import type { SafeFetchOptions } from '../http/safe-fetch.ts';
import { checkUserUrl } from '../http/url-check.ts';
import { downloadToFile } from '../sources/download-to-file.ts';
import { extensionOf, isMediaExtension } from '../sources/media-kind.ts';
import { providerLabel, providerUnavailable, speechProviderRequired } from '../sources/provider-required.ts';
import {
  fetchTranscriptLink,
  linkName,
  readLocalTranscript,
  statLocalFile,
  type ResolvedSource,
} from '../sources/resolve-transcript.ts';
import type { Provider, ProviderInput, ProviderJob, ProviderRequest, SearchMatch } from './provider.ts';
import { MEDIA_PROVIDER_ORDER, type ProviderSet, type RemoteProviderName } from './provider-set.ts';
import { waitForJob, type WaitOptions } from './wait-for-job.ts';

/** How long a command waits for a provider before telling the user to come back. */
export const DEFAULT_MAX_WAIT_MS = 2 * 60 * 60 * 1000;

export interface RouterOptions {
  config: Config;
  providers: ProviderSet;
  /** Relative paths resolve from here (shell and CLI). */
  cwd?: string;
  /** Safe-fetcher overrides (tests reach their own 127.0.0.1 servers). */
  fetchOptions?: Partial<SafeFetchOptions>;
  /** Poll timing overrides (tests). */
  wait?: Partial<Omit<WaitOptions, 'deadlineAt'>> & { maxWaitMs?: number };
  /** URL check overrides for media links handed to providers (tests; the default refuses private addresses). */
  urlCheck?: Parameters<typeof checkUserUrl>[1];
  /** Headers a chat upload's download needs (Slack: the bot token). */
  uploadHeaders?: (ref: Extract<MediaRef, { kind: 'upload' }>) => Record<string, string> | undefined;
}

export interface RouteRequest {
  want: readonly Part[];
  provider?: ProviderName;
  lang?: string;
  glossary?: string;
  highlightsSeconds?: number;
  signal?: AbortSignal;
  onStage?: WaitOptions['onStage'];
  /** A provider job started earlier (a stored job resuming after a restart): wait for it instead of starting one. */
  providerJob?: ProviderJob;
  /** Called once the provider job exists, and when its state changes: store it before waiting (P-13, P-15). */
  onProviderJob?: (job: ProviderJob) => void | Promise<void>;
  /**
   * Called just before a provider job is started (not for ids the provider already has): stored, it tells a
   * restart that a provider job may exist that was never saved (P-15).
   */
  onSubmitting?: (provider: ProviderName) => void | Promise<void>;
  /** A provider job a callback named after such a crash (P-15): waited for instead of starting another. */
  adopted?: { provider: ProviderName; id: string };
  /** When an earlier run began starting a provider job it never saved (P-15): the provider is asked for it first. */
  interruptedStart?: { provider: ProviderName; at: number };
  /** Where the chosen provider should call back (PUBLIC_URL set); polling continues as a safety net. */
  callback?: (provider: ProviderName) => ProviderRequest['callback'];
  /** When the wait gives up (epoch ms); a stored job keeps its deadline across restarts. */
  deadlineAt?: number;
  /** Replaces the wait between polls; a job runner ends it early when a callback arrives. */
  sleep?: WaitOptions['sleep'];
}

export async function resolveSource(ref: MediaRef, request: RouteRequest, options: RouterOptions): Promise<ResolvedSource> {
  if (request.providerJob) return resumeProvider(ref, request.providerJob, request, options);
  switch (ref.kind) {
    case 'provider': {
      if (ref.provider === 'local') throw new RecapError('bad_input', 'local: is not a reference.', { hint: 'Give a file or a link.' });
      if (request.provider && request.provider !== ref.provider) {
        throw new RecapError('bad_command', `${ref.provider}:${ref.id} belongs to ${providerLabel(ref.provider)}, not ${providerLabel(request.provider)}.`, {
          hint: 'Leave out --provider for provider ids.',
        });
      }
      // SpotMe references read as the user typed them: session:… and breakout:…
      const what = `${ref.variant === 'session' || ref.variant === 'breakout' ? ref.variant : ref.provider}:${ref.id}`;
      const provider = requireProvider(ref.provider, options, what);
      const input: ProviderInput = { kind: 'existing', id: ref.id, ...(ref.variant ? { variant: ref.variant } : {}) };
      return runProvider(provider, input, request, options, what);
    }
    case 'file': {
      if (!isMediaExtension(extensionOf(ref.path)) && !wantsRemote(request)) return readLocalTranscript(ref.path, options.cwd);
      const { full, name } = await statLocalFile(ref.path, options.cwd);
      const provider = mediaProvider(request, options, name);
      if (!provider.accepts.mediaFile) {
        throw new RecapError('unsupported', `${providerLabel(provider.name)} cannot take a file upload, only a public link.`, {
          hint: 'Share a public link to the recording, or pick another provider with --provider.',
        });
      }
      const blob = await openAsBlob(full);
      return runProvider(provider, { kind: 'media-file', blob, filename: name }, request, options, name);
    }
    case 'url': {
      const name = linkName(ref.url);
      if (!isMediaExtension(extensionOf(ref.url)) && !wantsRemote(request)) {
        const outcome = await fetchTranscriptLink(ref.url, options.fetchOptions, request.signal);
        if (outcome.kind === 'transcript') return outcome.resolved;
      }
      const provider = mediaProvider(request, options, name);
      if (!provider.accepts.mediaUrl) {
        throw new RecapError('unsupported', `${providerLabel(provider.name)} cannot take media links.`, {
          hint: 'Pick another provider with --provider.',
        });
      }
      // U-20: a link handed to a provider passes the same checks as one Recap fetches itself.
      checkUserUrl(ref.url, options.urlCheck);
      const resolved = await runProvider(provider, { kind: 'media-url', url: ref.url }, request, options, name);
      return { ...resolved, mediaUrl: resolved.mediaUrl ?? ref.url };
    }
    case 'upload':
      return resolveUpload(ref, request, options);
  }
}

/**
 * A file shared in chat: transcripts are read here; audio and video are saved to a temporary file and streamed on
 * to the speech provider.
 */
async function resolveUpload(ref: Extract<MediaRef, { kind: 'upload' }>, request: RouteRequest, options: RouterOptions): Promise<ResolvedSource> {
  const name = ref.name ?? linkName(ref.url);
  const headers = options.uploadHeaders?.(ref);
  const fetchOptions = { ...options.fetchOptions, ...(headers ? { headers } : {}) };
  if (!isMediaExtension(extensionOf(name)) && !wantsRemote(request)) {
    const outcome = await fetchTranscriptLink(ref.url, fetchOptions, request.signal);
    if (outcome.kind === 'transcript') return { ...outcome.resolved, source: name };
  }
  const provider = mediaProvider(request, options, name);
  if (!provider.accepts.mediaFile) {
    throw new RecapError('unsupported', `${providerLabel(provider.name)} cannot take a file upload, only a public link.`, {
      hint: 'Share a public link to the recording, or pick another provider with --provider.',
    });
  }
  const file = await downloadToFile(ref.url, name, { ...fetchOptions, ...(request.signal ? { signal: request.signal } : {}) });
  try {
    const blob = await openAsBlob(file.path);
    return await runProvider(provider, { kind: 'media-file', blob, filename: name }, request, options, name);
  } finally {
    await file.remove();
  }
}

/** `--provider assemblyai` on a transcript link means "send the media there", but `--provider local` does not. */
function wantsRemote(request: RouteRequest): boolean {
  return request.provider !== undefined && request.provider !== 'local';
}

function requireProvider(name: RemoteProviderName, options: RouterOptions, what: string): Provider {
  const provider = options.providers[name];
  if (!provider) throw providerUnavailable(name, options.config, what);
  return provider;
}

function mediaProvider(request: RouteRequest, options: RouterOptions, what: string): Provider {
  if (request.provider === 'local') {
    throw new RecapError('unsupported', `${what} is audio or video; the local analyzer reads transcripts only.`, {
      hint: 'Leave out --provider local, or send a transcript or caption file (VTT, SRT or TXT).',
    });
  }
  if (request.provider) return requireProvider(request.provider, options, what);
  const name = MEDIA_PROVIDER_ORDER.find((p) => options.providers[p]);
  if (!name) throw speechProviderRequired(options.config, what);
  return options.providers[name]!;
}

function providerRequestOf(request: RouteRequest, provider: ProviderName): ProviderRequest {
  const callback = request.callback?.(provider);
  return {
    want: request.want,
    ...(request.lang ? { lang: request.lang } : {}),
    ...(request.glossary ? { glossary: request.glossary } : {}),
    ...(request.highlightsSeconds !== undefined ? { highlightsSeconds: request.highlightsSeconds } : {}),
    ...(callback ? { callback } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  };
}

async function runProvider(provider: Provider, input: ProviderInput, request: RouteRequest, options: RouterOptions, source: string): Promise<ResolvedSource> {
  const providerRequest = providerRequestOf(request, provider.name);
  const job = await startOrAdopt(provider, input, providerRequest, request);
  await request.onProviderJob?.(job);
  return waitAndMap(provider, job, providerRequest, request, options, input.kind === 'existing' ? undefined : source, source);
}

/**
 * Starts the provider job, unless a crashed run already started it (P-15): a callback that named it, or the
 * provider's own list (reconcile), finds it, and the provider is not asked twice for the same work.
 */
async function startOrAdopt(provider: Provider, input: ProviderInput, providerRequest: ProviderRequest, request: RouteRequest): Promise<ProviderJob> {
  if (input.kind === 'existing') return provider.start(input, providerRequest);
  const { adopted } = request;
  if (adopted?.provider === provider.name && provider.adopt) return provider.adopt(adopted.id);
  const interrupted = request.interruptedStart;
  if (interrupted?.provider === provider.name && provider.reconcile) {
    const found = await provider.reconcile(interrupted.at, providerRequest);
    if (found) return found;
  }
  await request.onSubmitting?.(provider.name);
  return provider.start(input, providerRequest);
}

/** A stored job's provider work, picked up where it was: no new upload, no new provider job. */
async function resumeProvider(ref: MediaRef, job: ProviderJob, request: RouteRequest, options: RouterOptions): Promise<ResolvedSource> {
  const provider = job.provider === 'local' ? undefined : options.providers[job.provider];
  if (!provider) throw providerUnavailable(job.provider as RemoteProviderName, options.config, `${job.provider}:${job.id}`);
  const source = ref.kind === 'provider' ? undefined : ref.kind === 'file' ? ref.path.split(/[\\/]/).pop() || ref.path : ref.kind === 'upload' ? (ref.name ?? linkName(ref.url)) : linkName(ref.url);
  const resolved = await waitAndMap(provider, job, providerRequestOf(request, provider.name), request, options, source, `${job.provider}:${job.id}`);
  return ref.kind === 'url' ? { ...resolved, mediaUrl: resolved.mediaUrl ?? ref.url } : resolved;
}

/**
 * Waits for the job and maps its result. `userSource` is the user's own name for what they shared (a file name),
 * which beats the provider's; for provider ids (undefined) the provider's name for it wins over `fallbackSource`.
 */
async function waitAndMap(
  provider: Provider,
  job: ProviderJob,
  providerRequest: ProviderRequest,
  request: RouteRequest,
  options: RouterOptions,
  userSource: string | undefined,
  fallbackSource: string,
): Promise<ResolvedSource> {
  const wait = options.wait ?? {};
  const now = wait.now ?? Date.now;
  const result = await waitForJob(provider, job, providerRequest, {
    ...wait,
    deadlineAt: request.deadlineAt ?? now() + (wait.maxWaitMs ?? DEFAULT_MAX_WAIT_MS),
    ...(request.onStage ? { onStage: request.onStage } : {}),
    ...(request.onProviderJob ? { onJob: request.onProviderJob } : {}),
    ...(request.sleep ? { sleep: request.sleep } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  return {
    ...(result.transcript ? { transcript: result.transcript } : {}),
    source: userSource ?? result.source ?? fallbackSource,
    ...(result.mediaUrl ? { mediaUrl: result.mediaUrl } : {}),
    native: result.analysis,
    ...(result.language ? { language: result.language } : {}),
    provider: provider.name,
    ...(result.handle ? { handle: result.handle } : {}),
  };
}

/** Provider-side search for a provider id whose provider has one (AssemblyAI's word search). */
export async function searchWithProvider(
  ref: MediaRef,
  words: readonly string[],
  options: RouterOptions,
  signal?: AbortSignal,
): Promise<{ source: string; matches: SearchMatch[] } | undefined> {
  if (ref.kind !== 'provider' || ref.provider === 'local') return undefined;
  const provider = options.providers[ref.provider];
  if (!provider?.search) return undefined;
  const matches = await provider.search({ provider: provider.name, id: ref.id }, words, signal);
  return { source: `${ref.provider}:${ref.id}`, matches };
}
