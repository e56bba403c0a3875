import { describe, expect, it } from 'vitest';
import { formatClock, formatCueTime } from '../../src/domain/time.ts';

describe('time formatting', () => {
  it('shows mm:ss under an hour and h:mm:ss from an hour on', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(61_999)).toBe('01:01');
    expect(formatClock(3_600_000 + 65_000)).toBe('1:01:05');
  });
  it('writes cue times with the separator of each format', () => {
    expect(formatCueTime(3_723_004, '.')).toBe('01:02:03.004');
    expect(formatCueTime(3_723_004, ',')).toBe('01:02:03,004');
  });
});
