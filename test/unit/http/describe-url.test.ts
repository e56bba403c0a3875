import { describe, expect, it } from 'vitest';
import { describeUrlForLog } from '../../../src/http/describe-url.ts';
import { formatBytes } from '../../../src/http/fetch-errors.ts';

describe('describeUrlForLog', () => {
  it('keeps origin and path, and drops query, fragment and credentials', () => {
    const raw = 'https://user:pw@bucket.s3.amazonaws.com/rec/meeting.mp4?X-Amz-Signature=SECRET#t=10';
    const described = describeUrlForLog(raw);
    expect(described).toBe('https://bucket.s3.amazonaws.com/rec/meeting.mp4?…');
    expect(described).not.toMatch(/SECRET|user|pw/);
    expect(describeUrlForLog(new URL('http://example.com/a.vtt'))).toBe('http://example.com/a.vtt');
  });

  it('never throws, and never prints the payload of other schemes or unparsable text', () => {
    expect(describeUrlForLog('not a url ?token=SECRET')).toBe('(not a valid URL)');
    expect(describeUrlForLog('data:text/plain,SECRET')).toBe('(a data: URL)');
    expect(describeUrlForLog(`https://example.com/${'p'.repeat(500)}`)).toHaveLength('https://example.com'.length + 121);
  });

  it('formats byte counts for messages', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50.0 MiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GiB');
  });
});
