/** Which channels watch which SpotMe sessions, breakouts or workspaces (keyv), and the index of those channels. */
import type { Watch } from '../../commands/invocation.ts';
import type { JobIndex } from '../jobs/job-index.ts';
import type { ReplyTarget } from '../jobs/job-record.ts';
import type { Store } from '../store.ts';

export interface Subscription {
  /** The channel, as its platform names it (`discord:<channel>`, `slack:<team>:<channel>`). */
  channelKey: string;
  /** Where the automatic posts go (a job target of the channel's platform). */
  target: ReplyTarget;
  watch: Watch;
  lang?: string;
  glossary?: string;
  createdAt: number;
  createdBy?: string;
}

export interface SubscriptionStore {
  /** False when the channel already watches that. */
  add(subscription: Subscription): Promise<boolean>;
  /** False when the channel did not watch that. */
  remove(channelKey: string, watch: Watch): Promise<boolean>;
  list(channelKey: string): Promise<Subscription[]>;
  all(): Promise<Subscription[]>;
}

const key = (channelKey: string) => `subs:${channelKey}`;
const same = (a: Watch, b: Watch) => a.kind === b.kind && a.id === b.id;

export function createSubscriptionStore(store: Store, channels: JobIndex): SubscriptionStore {
  const list = async (channelKey: string) => ((await store.get<Subscription[]>(key(channelKey))) ?? []) as Subscription[];
  return {
    async add(subscription) {
      const current = await list(subscription.channelKey);
      if (current.some((s) => same(s.watch, subscription.watch))) return false;
      await channels.add(subscription.channelKey);
      await store.set(key(subscription.channelKey), [...current, subscription]);
      return true;
    },
    async remove(channelKey, watch) {
      const current = await list(channelKey);
      const kept = current.filter((s) => !same(s.watch, watch));
      if (kept.length === current.length) return false;
      if (kept.length) await store.set(key(channelKey), kept);
      else {
        await store.delete(key(channelKey));
        await channels.remove(channelKey);
      }
      return true;
    },
    list,
    async all() {
      const out: Subscription[] = [];
      for (const channelKey of await channels.list()) out.push(...(await list(channelKey)));
      return out;
    },
  };
}
