/**
 * Automatic posts: every `pollMs`, the ended SpotMe sessions and breakouts are listed (one listing for all
 * subscriptions, through the SpotMe client and its shared rate budget), and each one a channel watches gets a recap
 * job posting to that channel — once. The job's id is derived from (channel, session), so a second poll, a restart
 * or another replica finds the job already there; a lock keeps two replicas from creating it at the same moment
 * (jobs/submit-once.ts).
 * SpotMe has no "recording ready" webhook (providers.md): polling is the way.
 */
import { DEFAULT_PARTS } from '../domain/recap.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { JobStore } from '../jobs/job-store.ts';
import { lockOwner, type Locks } from '../jobs/locks.ts';
import { derivedJobId, submitOnce } from '../jobs/submit-once.ts';
import type { Logger } from '../log.ts';
import type { SpotMeClient } from '../providers/spotme/client.ts';
import type { SpotMeListItem } from '../providers/spotme/map.ts';
import type { Subscription, SubscriptionStore } from './subscription-store.ts';

/** Pages of ended sessions read per poll (SpotMe lists the newest first). */
const MAX_PAGES = 5;

export interface SpotMePollerOptions {
  subscriptions: SubscriptionStore;
  spotme: SpotMeClient;
  runner: JobRunner;
  jobs: JobStore;
  locks: Locks;
  log: Logger;
  /** Default one minute (SpotMe allows 3 requests a second per token). */
  pollMs?: number;
}

export interface SpotMePoller {
  start(): void;
  stop(): void;
  /** One round (tests, and the timer). */
  pollOnce(): Promise<void>;
}

type Kind = 'session' | 'breakout';

/** The job id for one automatic post: the same on every replica and after every restart. */
export function autoPostJobId(channelKey: string, kind: Kind, id: string): string {
  return derivedJobId('auto', channelKey, kind, id);
}

function wanted(subscription: Subscription, kind: Kind, item: SpotMeListItem): boolean {
  const { watch } = subscription;
  // A session's recording can be generated once its VOD exists; a breakout once it has ended (listed as ended).
  if (kind === 'session' && item.vodAvailable === false) return false;
  if (watch.kind === 'workspace') return item.endedAtMs === undefined || item.endedAtMs >= subscription.createdAt;
  return watch.kind === kind && watch.id === item.id;
}

export function createSpotMePoller(options: SpotMePollerOptions): SpotMePoller {
  const { log } = options;
  const owner = lockOwner();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function ended(kind: Kind): Promise<SpotMeListItem[]> {
    const items: SpotMeListItem[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const listed = await options.spotme.listEnded(kind, cursor);
      items.push(...listed.items);
      if (!listed.nextCursor) break;
      cursor = listed.nextCursor;
    }
    return items;
  }

  async function post(subscription: Subscription, kind: Kind, item: SpotMeListItem): Promise<void> {
    const id = autoPostJobId(subscription.channelKey, kind, item.id);
    const invocation = {
      name: 'recap' as const,
      ref: { kind: 'provider' as const, provider: 'spotme' as const, id: item.id, variant: kind },
      want: [...DEFAULT_PARTS],
      ...(subscription.lang ? { lang: subscription.lang } : {}),
      ...(subscription.glossary ? { glossary: subscription.glossary } : {}),
    };
    if (await submitOnce({ ...options, owner }, id, invocation, subscription.target)) {
      log.info('automatic recap started', { job: id, channel: subscription.channelKey, [kind]: item.id });
    }
  }

  async function pollOnce(): Promise<void> {
    const subscriptions = await options.subscriptions.all();
    if (subscriptions.length === 0) return;
    const lists: Record<Kind, SpotMeListItem[]> = { session: await ended('session'), breakout: await ended('breakout') };
    for (const subscription of subscriptions) {
      for (const kind of ['session', 'breakout'] as const) {
        for (const item of lists[kind]) if (wanted(subscription, kind, item)) await post(subscription, kind, item);
      }
    }
  }

  const tick = () => {
    running ??= pollOnce()
      .catch((error: unknown) => log.error('spotme poll failed; trying again next round', { error }))
      .finally(() => (running = undefined));
  };

  return {
    start() {
      tick();
      timer = setInterval(tick, options.pollMs ?? 60_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
    pollOnce,
  };
}
