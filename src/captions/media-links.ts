/**
 * Stable media links: `/media/<token>`. Some providers only hand out media URLs that expire (SpotMe's `mp4_url`
 * lasts 6 hours), which is useless in a chat message read the next day. Recap stores the provider's handle under an
 * unguessable token (144 bits, nothing listable) and each click is redirected to a URL the provider gives out now.
 *
 * That URL is cached in the store, by handle, until 5 minutes before it expires: a burst of clicks (or a chat
 * unfurl and then a click) costs one provider call, every replica shares it, and a click hours later gets a fresh
 * one. Neither tokens nor provider URLs are logged: either would open the recording to whoever reads the logs.
 */
import type { ProviderName } from '../domain/media-ref.ts';
import type { Logger } from '../log.ts';
import type { Provider, ProviderHandle, ProviderMedia } from '../providers/provider.ts';
import type { ProviderSet } from '../providers/provider-set.ts';
import type { Store } from '../store.ts';
import { isLinkToken, newLinkToken } from './link-token.ts';

const LINK_PREFIX = 'media:';
const URL_PREFIX = 'media-url:';
/** A cached URL is not handed out this close to its expiry: the download that follows must not die half-way. */
export const MEDIA_URL_MARGIN_MS = 5 * 60 * 1000;
/** How long a URL the provider gave without an expiry is reused before asking again. */
const UNDATED_URL_MS = 5 * 60 * 1000;
/** When the provider fails, a cached URL with at least this much life left is still better than an error page. */
const FALLBACK_MIN_LIFE_MS = 30 * 1000;
/** A person is waiting on the click. */
const PROVIDER_DEADLINE_MS = 10_000;

/** What a click on a media link leads to. */
export type MediaOutcome =
  | { kind: 'redirect'; url: string }
  /** A malformed or unknown token. */
  | { kind: 'unknown' }
  /** The provider no longer has the recording (deleted, or it has no media file). */
  | { kind: 'gone'; provider: ProviderName }
  /** The provider failed or was too slow; a later click may work. */
  | { kind: 'failed'; provider: ProviderName }
  /** This Recap has no credentials (any more) for the provider. */
  | { kind: 'unconfigured'; provider: ProviderName };

interface MediaRecord {
  handle: ProviderHandle;
}

interface CachedUrl {
  url: string;
  expiresAt?: number;
  /** Handed out without asking the provider until then (epoch ms). */
  freshUntil: number;
}

export interface MediaLinksOptions {
  store: Store;
  /** The origin links start with; a function because the port is known only once the server listens. */
  base: () => string;
  providers: ProviderSet;
  /** The clock expiries are compared with (tests move it hours ahead). */
  now?: () => number;
  log?: Logger;
}

export class MediaLinks {
  private readonly now: () => number;
  /** Lookups in flight, by handle: simultaneous clicks on this replica share one provider call. */
  private readonly inflight = new Map<string, Promise<MediaOutcome>>();

  constructor(private readonly options: MediaLinksOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A stable link to the handle's media, or undefined when its provider here cannot give media URLs. */
  async publish(handle: ProviderHandle): Promise<string | undefined> {
    if (!this.providerOf(handle)?.media) return undefined;
    const token = newLinkToken();
    const record: MediaRecord = { handle };
    await this.options.store.set(LINK_PREFIX + token, record);
    return `${this.options.base()}/media/${token}`;
  }

  /** Where a click on `/media/<token>` should go now. Throws only when the store fails. */
  async resolve(token: string): Promise<MediaOutcome> {
    if (!isLinkToken(token)) return { kind: 'unknown' };
    const record = await this.options.store.get<MediaRecord>(LINK_PREFIX + token);
    if (!record) return { kind: 'unknown' };
    const key = cacheKey(record.handle);
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const lookup = this.current(record.handle, key).finally(() => this.inflight.delete(key));
    this.inflight.set(key, lookup);
    return lookup;
  }

  private async current(handle: ProviderHandle, key: string): Promise<MediaOutcome> {
    const { store, log } = this.options;
    const cached = await store.get<CachedUrl>(key);
    if (cached && cached.freshUntil > this.now()) return { kind: 'redirect', url: cached.url };
    const provider = this.providerOf(handle);
    if (!provider?.media) return { kind: 'unconfigured', provider: handle.provider };
    let media: ProviderMedia | undefined;
    try {
      media = await provider.media(handle, AbortSignal.timeout(PROVIDER_DEADLINE_MS));
    } catch (error) {
      // The error names the provider's API path and status, never the signed media URL.
      log?.warn('media link: the provider gave no URL', { provider: handle.provider, error });
      const lifeLeft = cached ? (cached.expiresAt ?? Number.POSITIVE_INFINITY) - this.now() : 0;
      if (cached && lifeLeft > FALLBACK_MIN_LIFE_MS) return { kind: 'redirect', url: cached.url };
      return { kind: 'failed', provider: handle.provider };
    }
    if (!media) {
      if (cached) await store.delete(key);
      return { kind: 'gone', provider: handle.provider };
    }
    await this.remember(key, media);
    return { kind: 'redirect', url: media.url };
  }

  private async remember(key: string, media: ProviderMedia): Promise<void> {
    const now = this.now();
    const freshUntil = media.expiresAt !== undefined ? media.expiresAt - MEDIA_URL_MARGIN_MS : now + UNDATED_URL_MS;
    // A URL already within the margin is handed out once (it is the newest there is) but not kept.
    if (freshUntil <= now) return;
    const entry: CachedUrl = { url: media.url, freshUntil, ...(media.expiresAt !== undefined ? { expiresAt: media.expiresAt } : {}) };
    // Kept until the URL dies (it may still serve when the provider fails); the store's TTL only clears old entries
    // away, freshness is decided by `freshUntil` against this clock.
    await this.options.store.set(key, entry, (media.expiresAt ?? freshUntil) - now);
  }

  private providerOf(handle: ProviderHandle): Provider | undefined {
    return handle.provider === 'local' ? undefined : this.options.providers[handle.provider];
  }
}

function cacheKey(handle: ProviderHandle): string {
  return `${URL_PREFIX}${handle.provider}:${handle.variant ?? ''}:${handle.id}`;
}
