import { describe, expect, it } from 'vitest';
import { createPollBudget } from '../../../../src/providers/pictory/poll-budget.ts';

describe('pictory per-job poll budget', () => {
  it('spaces reads of one job by the interval, and leaves other jobs alone', async () => {
    let t = 1_000_000;
    const slept: number[] = [];
    const budget = createPollBudget({
      now: () => t,
      sleep: async (ms) => {
        slept.push(ms);
        t += ms;
      },
    });
    await budget.take('a');
    expect(slept).toEqual([]);
    t += 8_000; // the router's jittered pacing can come back after 8 s
    await budget.take('a');
    expect(slept).toEqual([2_000]);
    await budget.take('b');
    expect(slept).toEqual([2_000]);
    expect(budget.waitMs('a')).toBe(10_000);
    t += 30_000;
    await budget.take('a');
    expect(slept).toEqual([2_000]);
  });

  it('queues concurrent reads of one job', async () => {
    let t = 0;
    const wakes: number[] = [];
    const budget = createPollBudget({ minIntervalMs: 100, now: () => t, sleep: async (ms) => void wakes.push(ms) });
    await Promise.all([budget.take('j'), budget.take('j'), budget.take('j')]);
    expect(wakes).toEqual([100, 200]);
    t = 10;
    expect(budget.waitMs('j')).toBe(290);
  });

  it('is off with a zero interval', async () => {
    const budget = createPollBudget({ minIntervalMs: 0, sleep: () => Promise.reject(new Error('no sleep')) });
    await budget.take('j');
    await budget.take('j');
  });
});
