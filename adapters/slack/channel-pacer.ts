/**
 * One queue per channel (SO-2): tasks for a channel run one at a time, in order; inside a task, each paced call
 * starts at least `minIntervalMs` after the previous call in that channel ended (measured from the end, so Slack
 * sees the gap even when a request is slow to arrive). Channels never wait for each other.
 */
import { setTimeout as delay } from 'node:timers/promises';

export type Paced = <R>(call: () => Promise<R>) => Promise<R>;

export interface ChannelPacer {
  run<T>(channel: string, task: (paced: Paced) => Promise<T>): Promise<T>;
  /** Channels with queued or running tasks. */
  readonly busyChannels: number;
}

export interface ChannelPacerOptions {
  minIntervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface ChannelState {
  tail: Promise<unknown>;
  queued: number;
  lastEnd: number | undefined;
}

/** Idle channels kept for their last call time before the map is swept. */
const SWEEP_AT = 256;

export function createChannelPacer(options: ChannelPacerOptions): ChannelPacer {
  const { minIntervalMs } = options;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  const channels = new Map<string, ChannelState>();

  const sweep = () => {
    if (channels.size < SWEEP_AT) return;
    const at = now();
    for (const [id, state] of channels) {
      if (state.queued === 0 && (state.lastEnd === undefined || at - state.lastEnd >= minIntervalMs)) channels.delete(id);
    }
  };

  return {
    run<T>(channel: string, task: (paced: Paced) => Promise<T>): Promise<T> {
      sweep();
      let state = channels.get(channel);
      if (!state) {
        state = { tail: Promise.resolve(), queued: 0, lastEnd: undefined };
        channels.set(channel, state);
      }
      const current = state;
      const paced: Paced = async (call) => {
        if (current.lastEnd !== undefined && minIntervalMs > 0) {
          const wait = current.lastEnd + minIntervalMs - now();
          if (wait > 0) await sleep(wait);
        }
        try {
          return await call();
        } finally {
          current.lastEnd = now();
        }
      };
      current.queued += 1;
      const result = current.tail.then(() => task(paced));
      const settled = () => {
        current.queued -= 1;
      };
      current.tail = result.then(settled, settled);
      return result;
    },
    get busyChannels() {
      let busy = 0;
      for (const state of channels.values()) if (state.queued > 0) busy += 1;
      return busy;
    },
  };
}
