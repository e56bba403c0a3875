import { describe, expect, it } from 'vitest';
import { workSlots } from '../../../src/jobs/work-slots.ts';

describe('work slots', () => {
  it('lets `size` holders in at once, hands a released slot to the next waiter in order, and frees it when nobody waits', async () => {
    const slots = workSlots(2);
    const order: string[] = [];
    await slots.acquire();
    await slots.acquire();
    const third = slots.acquire().then(() => order.push('third'));
    const fourth = slots.acquire().then(() => order.push('fourth'));
    await Promise.resolve();
    expect(order).toEqual([]);
    slots.release();
    await third;
    expect(order).toEqual(['third']);
    slots.release();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    slots.release();
    slots.release();
    slots.release();
    // All free again: two can enter without waiting.
    await slots.acquire();
    await slots.acquire();
  });

  it('a waiter whose signal aborts leaves the queue and never holds a slot', async () => {
    const slots = workSlots(1);
    await slots.acquire();
    const controller = new AbortController();
    const gaveUp = slots.acquire(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(gaveUp).rejects.toThrow('stopped');
    let next = false;
    const waiter = slots.acquire().then(() => (next = true));
    slots.release();
    await waiter;
    expect(next).toBe(true);
  });
});
