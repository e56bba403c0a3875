import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { foregroundFirst } from '../../../src/jobs/foreground-first.ts';

describe('foreground first: jobs start behind requests in flight', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const waitFor = (gate: ReturnType<typeof foregroundFirst>, n: number) => {
    const started: number[] = [];
    for (let i = 0; i < n; i++) void gate.turn().then(() => started.push(i));
    return started;
  };

  it('starts a job at once when no request is in flight', async () => {
    const gate = foregroundFirst({ now: Date.now });
    const started = waitFor(gate, 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);
    expect(gate.waiting).toBe(0);
  });

  it('LD-1 during a burst lets one job start every interval, in order, and the rest once the requests are answered', async () => {
    const gate = foregroundFirst({ intervalMs: 20, now: Date.now });
    const leaveA = gate.enter();
    const leaveB = gate.enter();
    const started = waitFor(gate, 30);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0]);
    await vi.advanceTimersByTimeAsync(100);
    // One more every 20 ms: never starved, never all at once.
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    leaveA();
    leaveA();
    await vi.advanceTimersByTimeAsync(40);
    // One request is still in flight (leaving twice counts once).
    expect(started).toHaveLength(8);
    leaveB();
    await vi.advanceTimersByTimeAsync(0);
    // Released a few per loop turn, so a request arriving now is not stuck behind all of them.
    expect(started.length).toBeGreaterThan(8);
    expect(started.length).toBeLessThan(30);
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(gate.waiting).toBe(0);
  });

  it('a request arriving while the backlog drains slows it back down to one per interval', async () => {
    const gate = foregroundFirst({ intervalMs: 20, now: Date.now });
    const leave = gate.enter();
    const started = waitFor(gate, 100);
    leave();
    await vi.advanceTimersByTimeAsync(0);
    const before = started.length;
    gate.enter();
    await vi.advanceTimersByTimeAsync(100);
    expect(started.length - before).toBeLessThanOrEqual(6);
    expect(gate.waiting).toBeGreaterThan(50);
  });

  it('a request run through during() holds jobs back until it settles, also when it fails', async () => {
    const gate = foregroundFirst({ intervalMs: 1000, now: Date.now });
    let fail!: (error: Error) => void;
    const request = gate.during(() => new Promise<void>((_resolve, reject) => (fail = reject)));
    const started = waitFor(gate, 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0]);
    fail(new Error('listener failed'));
    await expect(request).rejects.toThrow('listener failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);
  });
});
