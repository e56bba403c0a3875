/**
 * Channel webhooks (`/recap subscribe webhook`): one secret callback URL per channel, for recordings a team's own
 * pipeline makes at AssemblyAI, Memories.ai or Pictory. Only hashes of the secrets are stored (keyv): the URL token
 * is found by its SHA-256, and AssemblyAI's auth header value is compared by hash in constant time. Both secrets are
 * 144 random bits, so a plain hash is enough: there is nothing to guess that stretching would slow down.
 * https://www.assemblyai.com/docs/deployment/webhooks#authenticate-webhook-deliveries
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { auditSecrets } from '../log-audit.ts';
import type { ReplyTarget } from '../jobs/job-record.ts';
import type { Store } from '../store.ts';

/** Providers whose callbacks a channel webhook takes (SpotMe has no callbacks: its subscriptions poll). */
export const CHANNEL_HOOK_PROVIDERS = ['assemblyai', 'memories', 'pictory'] as const;
export type ChannelHookProvider = (typeof CHANNEL_HOOK_PROVIDERS)[number];

/** The URL a provider is given: served by `src/server/channel-hook-routes.ts`. */
export function channelHookUrl(publicUrl: string, provider: ChannelHookProvider, token: string): string {
  return `${publicUrl}/hooks/${provider}/channel/${token}`;
}

/** A channel's webhook as stored: where its recaps go, and hashes of its secrets. */
export interface ChannelHook {
  /** `discord:<channel>`, `slack:<team>:<channel>`. */
  channelKey: string;
  /** Where the recaps go (a job target of the channel's platform). */
  target: ReplyTarget;
  lang?: string;
  createdAt: number;
  createdBy?: string;
  /** SHA-256 (base64url) of the URL token. */
  tokenHash: string;
  /** SHA-256 (base64url) of the AssemblyAI auth header value. */
  authHash: string;
}

/** The secrets themselves: shown once, to the admin who asked, and never stored. */
export interface ChannelHookSecrets {
  /** The last path segment of the callback URLs. */
  token: string;
  /** What AssemblyAI must send back in the auth header. */
  authValue: string;
}

export interface ChannelHookStore {
  /** Gives the channel new secrets; the old ones (if any: `replaced`) stop working at once. */
  subscribe(input: Omit<ChannelHook, 'tokenHash' | 'authHash'>): Promise<{ hook: ChannelHook; secrets: ChannelHookSecrets; replaced: boolean }>;
  /** False when the channel had no webhook. */
  unsubscribe(channelKey: string): Promise<boolean>;
  forChannel(channelKey: string): Promise<ChannelHook | undefined>;
  /** The webhook a URL token belongs to, while that token is the channel's current one. */
  byToken(token: string): Promise<ChannelHook | undefined>;
}

/** 18 random bytes: 144 bits, 24 base64url characters. */
const newSecret = () => randomBytes(18).toString('base64url');
const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
/** Tokens Recap makes are 24 characters; anything far from that is not one, and costs no store read. */
const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

const channelKeyOf = (channelKey: string) => `chook:channel:${channelKey}`;
const tokenKeyOf = (tokenHash: string) => `chook:token:${tokenHash}`;

/** Whether `value` is the webhook's AssemblyAI auth header value (constant time over equal-length hashes). */
export function channelHookAuthMatches(hook: ChannelHook, value: string | undefined): boolean {
  if (value === undefined) return false;
  return timingSafeEqual(Buffer.from(hash(value)), Buffer.from(hook.authHash));
}

export function createChannelHookStore(store: Store): ChannelHookStore {
  const forChannel = async (channelKey: string) => ((await store.get<ChannelHook>(channelKeyOf(channelKey))) ?? undefined) as ChannelHook | undefined;
  return {
    async subscribe(input) {
      const previous = await forChannel(input.channelKey);
      const secrets: ChannelHookSecrets = { token: newSecret(), authValue: newSecret() };
      auditSecrets(secrets.token, secrets.authValue);
      const hook: ChannelHook = { ...input, tokenHash: hash(secrets.token), authHash: hash(secrets.authValue) };
      // The token index first, then the channel's record: a crash in between leaves an index entry that byToken
      // rejects (it no longer matches the channel's record), never a channel pointing at a missing token.
      await store.set(tokenKeyOf(hook.tokenHash), input.channelKey);
      await store.set(channelKeyOf(input.channelKey), hook);
      if (previous) await store.delete(tokenKeyOf(previous.tokenHash));
      return { hook, secrets, replaced: previous !== undefined };
    },
    async unsubscribe(channelKey) {
      const previous = await forChannel(channelKey);
      if (!previous) return false;
      await store.delete(channelKeyOf(channelKey));
      await store.delete(tokenKeyOf(previous.tokenHash));
      return true;
    },
    forChannel,
    async byToken(token) {
      if (!TOKEN.test(token)) return undefined;
      const tokenHash = hash(token);
      const channelKey = await store.get<string>(tokenKeyOf(tokenHash));
      if (typeof channelKey !== 'string') return undefined;
      const hook = await forChannel(channelKey);
      return hook?.tokenHash === tokenHash ? hook : undefined;
    },
  };
}
