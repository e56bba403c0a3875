import { describe, expect, it } from 'vitest';
import { RecapError } from '../../../src/errors.ts';
import { checkUserUrl, defaultAllowedPort, MAX_URL_LENGTH, UNSAFE_URL_HINT } from '../../../src/http/url-check.ts';

/** Asserts `checkUserUrl` refuses `raw` with an `unsafe_url` RecapError whose message matches `pattern`. */
function expectRejected(raw: string, pattern?: RegExp): RecapError {
  let caught: unknown;
  try {
    checkUserUrl(raw);
  } catch (error) {
    caught = error;
  }
  expect(caught, raw).toBeInstanceOf(RecapError);
  const error = caught as RecapError;
  expect(error.code, raw).toBe('unsafe_url');
  expect(error.hint).toBe(UNSAFE_URL_HINT);
  if (pattern) expect(error.message, raw).toMatch(pattern);
  return error;
}

describe('checkUserUrl', () => {
  it('accepts public http and https links and returns the parsed URL', () => {
    expect(checkUserUrl('https://files.example.com/meeting.vtt?sig=abc').href).toBe('https://files.example.com/meeting.vtt?sig=abc');
    expect(checkUserUrl('http://93.184.216.34/a.mp4').hostname).toBe('93.184.216.34');
    expect(checkUserUrl('https://[2606:4700:4700::1111]/x').hostname).toBe('[2606:4700:4700::1111]');
    expect(checkUserUrl('https://example.com:8443/x').port).toBe('8443');
  });

  it('U-1 rejects the cloud metadata address literally, before any lookup', () => {
    expectRejected('http://169.254.169.254/latest/meta-data/', /private or reserved network address \(169\.254\.169\.254\)/);
  });

  it('U-2 rejects IPv4-mapped, loopback and unspecified IPv6 and 0.0.0.0', () => {
    for (const raw of [
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://[0:0:0:0:0:ffff:127.0.0.1]/',
      'http://[::1]/',
      'http://[::]/',
      'http://0.0.0.0/',
      'http://[::127.0.0.1]/', // deprecated IPv4-compatible form
    ]) {
      expectRejected(raw, /private or reserved network address/);
    }
  });

  it('U-3 rejects 127.1, hex, decimal and octal forms of loopback', () => {
    for (const raw of ['http://127.1/', 'http://0x7f000001/', 'http://2130706433/', 'http://017700000001/', 'http://0177.0.0.1/', 'http://0x7f.1/', 'http://127.0.0.1./']) {
      expectRejected(raw, /\(127\.0\.0\.1\)/);
    }
  });

  it('U-4 rejects user names and passwords in the URL', () => {
    expectRejected('http://A.com@127.0.0.1/', /user name or password/);
    expectRejected('http://user:pass@example.com/', /user name or password/);
    expectRejected('https://:token@example.com/', /user name or password/);
  });

  it('U-5 rejects private, carrier-grade NAT, benchmarking, unique-local, link-local, NAT64 and 6to4 forms', () => {
    for (const raw of [
      'http://10.0.0.1/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://100.100.100.200/',
      'http://[fd00:ec2::254]/',
      'http://[fe80::1]/',
      'http://[fc00::1]/',
      'http://198.18.0.1/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://[2002:a9fe:a9fe::1]/',
      'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', // Teredo
    ]) {
      expectRejected(raw, /private or reserved network address/);
    }
  });

  it('U-12 rejects every scheme but http and https', () => {
    for (const raw of ['file:///etc/passwd', 'ftp://example.com/a.mp4', 'gopher://example.com:70/_x', 'data:text/plain,hello', 'javascript:alert(1)', 'ws://example.com/']) {
      expectRejected(raw, /only http and https links can be fetched/);
    }
  });

  it('U-13 rejects SSH, Redis, memcached and other non-web ports', () => {
    for (const raw of ['https://example.com:22/', 'http://example.com:6379/', 'http://example.com:11211/', 'http://example.com:25/', 'http://example.com:5432/', 'http://example.com:9200/']) {
      expectRejected(raw, /uses port \d+, which Recap does not connect to/);
    }
    expect(defaultAllowedPort(80)).toBe(true);
    expect(defaultAllowedPort(443)).toBe(true);
    expect(defaultAllowedPort(8080)).toBe(true);
    expect(defaultAllowedPort(1023)).toBe(false);
  });

  it('U-20 vets a URL before it is forwarded to a provider, with no network access', () => {
    // Providers fetch URLs themselves; the same validator keeps private and literal targets from reaching them.
    for (const raw of ['http://10.0.0.7/recording.mp4', 'https://[::1]/a.wav', 'http://localhost:8080/x', 'http://metadata/computeMetadata/v1/']) {
      expectRejected(raw);
    }
    expect(checkUserUrl('https://cdn.example.org/recording.mp4').hostname).toBe('cdn.example.org');
  });

  it('U-21 rejects 10,000-character URLs, and localhost in every spelling', () => {
    expectRejected(`https://example.com/${'a'.repeat(10_000)}`, /too long \(10020 characters; the limit is 2048\)/);
    expect(checkUserUrl(`https://example.com/${'a'.repeat(MAX_URL_LENGTH - 20)}`).pathname.length).toBe(MAX_URL_LENGTH - 19);
    for (const raw of ['http://localhost/', 'http://localhost./', 'http://LOCALHOST:8080/', 'http://api.localhost/', 'http://ｌｏｃａｌｈｏｓｔ/', 'http://printer.local/', 'http://metadata.google.internal/']) {
      expectRejected(raw, /local or internal host name/);
    }
    expectRejected('http://fileserver/', /without a domain/);
  });

  it('U-21 normalises IDN homographs to punycode, and circled digits to the address they spell', () => {
    // Cyrillic "а" in exаmple.com: accepted, but only ever shown and fetched as its punycode form.
    expect(checkUserUrl('https://exаmple.com/a.vtt').hostname).toBe('xn--exmple-4nf.com');
    expectRejected('http://①②⑦.⓪.⓪.①/', /\(127\.0\.0\.1\)/);
  });

  it('never echoes an unparsable link, which may carry a token', () => {
    const error = expectRejected('https://exa mple.com/?token=SECRET', /not a valid web address/);
    expect(error.message).not.toContain('SECRET');
  });

  it('lets tests widen the address and port policies', () => {
    const url = checkUserUrl('http://127.0.0.1:6379/', { addressPolicy: (a) => a === '127.0.0.1', allowedPort: () => true });
    expect(url.port).toBe('6379');
    expect(() => checkUserUrl('http://127.0.0.2/', { addressPolicy: (a) => a === '127.0.0.1' })).toThrow(RecapError);
  });
});
