import { describe, expect, it } from 'vitest';
import { createChannelPacer } from '../../../adapters/slack/channel-pacer.ts';

function clock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe('channel pacer', () => {
  it('runs one channel’s tasks in order, each call minIntervalMs after the previous one ended', async () => {
    const c = clock();
    const pacer = createChannelPacer({ minIntervalMs: 1000, now: c.now, sleep: c.sleep });
    const started: [string, number][] = [];
    const call = (name: string, takesMs = 0) =>
      pacer.run('C1', (paced) =>
        paced(async () => {
          started.push([name, c.now()]);
          c.advance(takesMs);
          return name;
        }),
      );
    const results = await Promise.all([call('a', 300), call('b'), call('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(started).toEqual([
      ['a', 0],
      ['b', 1300],
      ['c', 2300],
    ]);
    expect(c.sleeps).toEqual([1000, 1000]);
  });

  it('does not wait when the interval has already passed, nor for another channel', async () => {
    const c = clock();
    const pacer = createChannelPacer({ minIntervalMs: 1000, now: c.now, sleep: c.sleep });
    await pacer.run('C1', (paced) => paced(async () => undefined));
    await pacer.run('C2', (paced) => paced(async () => undefined));
    c.advance(1500);
    await pacer.run('C1', (paced) => paced(async () => undefined));
    expect(c.sleeps).toEqual([]);
  });

  it('paces every call inside one task (a fallback post waits its turn too)', async () => {
    const c = clock();
    const pacer = createChannelPacer({ minIntervalMs: 1000, now: c.now, sleep: c.sleep });
    await pacer.run('C1', async (paced) => {
      await paced(async () => undefined);
      await paced(async () => undefined);
    });
    expect(c.sleeps).toEqual([1000]);
  });

  it('a failing task neither blocks the queue nor skips the interval', async () => {
    const c = clock();
    const pacer = createChannelPacer({ minIntervalMs: 1000, now: c.now, sleep: c.sleep });
    const failed = pacer.run('C1', (paced) => paced(async () => Promise.reject(new Error('boom'))));
    const next = pacer.run('C1', (paced) => paced(async () => 'ok'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    expect(c.sleeps).toEqual([1000]);
    expect(pacer.busyChannels).toBe(0);
  });

  it('forgets idle channels once there are many', async () => {
    const c = clock();
    const pacer = createChannelPacer({ minIntervalMs: 10, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 300; i++) await pacer.run(`C${i}`, (paced) => paced(async () => undefined));
    c.advance(20);
    await pacer.run('C0', (paced) => paced(async () => undefined));
    expect(c.sleeps).toEqual([]);
  });
});
