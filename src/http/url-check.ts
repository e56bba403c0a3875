import { isIPv4, isIPv6 } from 'node:net';
import { RecapError } from '../errors.ts';
import { publicUnicastOnly, type AddressPolicy } from './address-policy.ts';

/** Longest link Recap accepts, in characters (before and after the URL parser's normalisation). */
export const MAX_URL_LENGTH = 2048;

/** The hint every `unsafe_url` error carries: what the user can do instead. */
export const UNSAFE_URL_HINT = 'Share a public https link to the file, one that opens without signing in.';

/** Options for {@link checkUserUrl}. Tests widen both policies to reach fake servers on 127.0.0.1. */
export interface UrlCheckOptions {
  /** Which IP literals may appear as the host. Default: {@link publicUnicastOnly}. */
  addressPolicy?: AddressPolicy;
  /** Which ports may be used. Default: {@link defaultAllowedPort}. */
  allowedPort?: (port: number) => boolean;
  /** How messages name the URL, e.g. "The link" or "The link's redirect target". Default "The link". */
  subject?: string;
}

// Ports of services that commonly listen unauthenticated on internal networks and speak protocols that
// tolerate a stray HTTP request (Redis, memcached and Elasticsearch famously do). Above 1024 everything
// else is allowed, because file hosts and self-hosted media servers do use ports like 8080 and 8443.
const INTERNAL_SERVICE_PORTS = new Set([
  1433, 1521, 2049, 2375, 2376, 2379, 2380, 3306, 3389, 4369, 5432, 5672, 5984, 6379, 6443, 8500, 9042,
  9092, 9200, 9300, 10250, 10255, 11211, 15672, 25565, 27017, 27018, 50070,
]);

/** The default port policy: 80, 443, and 1024–65535 except well-known internal service ports. */
export function defaultAllowedPort(port: number): boolean {
  if (port === 80 || port === 443) return true;
  if (port < 1024 || port > 65535) return false;
  return !INTERNAL_SERVICE_PORTS.has(port);
}

// Names that only ever mean "this machine" or "this network" (RFC 6761, RFC 8375, common conventions).
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'localdomain', 'lan', 'intranet'];

/**
 * Validates a link a user pasted (or a redirect target) before anything is resolved or connected, and
 * returns the parsed, normalised URL.
 *
 * The WHATWG parser already rewrites `127.1`, `0x7f000001`, `2130706433`, `0177.0.0.1` and full-width or
 * circled digits to `127.0.0.1`, and IDN names to punycode, so checking the parsed host catches every
 * spelling. Host names are *not* resolved here; the connector checks every resolved address at connect time.
 *
 * @throws RecapError with code `unsafe_url` saying what was wrong; never any other error.
 */
export function checkUserUrl(raw: string, opts: UrlCheckOptions = {}): URL {
  const subject = opts.subject ?? 'The link';
  const fail = (message: string): never => {
    throw new RecapError('unsafe_url', message, { hint: UNSAFE_URL_HINT });
  };
  if (typeof raw !== 'string') fail(`${subject} is not text.`);
  if (raw.length > MAX_URL_LENGTH) {
    fail(`${subject} is too long (${raw.length} characters; the limit is ${MAX_URL_LENGTH}).`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The raw text is not echoed: it may carry a token, and it is not a URL anyway.
    return fail(`${subject} is not a valid web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(`${subject} uses "${shown(url.protocol)}", but only http and https links can be fetched.`);
  }
  if (url.href.length > MAX_URL_LENGTH) {
    fail(`${subject} is too long once normalised (${url.href.length} characters; the limit is ${MAX_URL_LENGTH}).`);
  }
  if (url.username !== '' || url.password !== '') {
    // Besides leaking secrets into logs, "user@host" is the classic way to disguise the real host.
    fail(`${subject} contains a user name or password before the host (the part before "@"); Recap does not send those.`);
  }
  checkHost(url, subject, opts.addressPolicy ?? publicUnicastOnly, fail);
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (!(opts.allowedPort ?? defaultAllowedPort)(port)) {
    fail(`${subject} uses port ${port}, which Recap does not connect to; public files are served on ports 80 and 443.`);
  }
  return url;
}

/**
 * A scheme or host name as messages echo it: at most 80 characters. A 2,000-character host or scheme made a
 * 2,000-character refusal, more than a Discord message holds (found by the fuzzer, test/fuzz/urls.fuzz.ts).
 * Both are ASCII once parsed (punycode), so the cut never splits a character.
 */
function shown(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function checkHost(url: URL, subject: string, policy: AddressPolicy, fail: (message: string) => never): void {
  const host = url.hostname;
  if (host.startsWith('[') && host.endsWith(']')) {
    const literal = host.slice(1, -1);
    if (!isIPv6(literal) || !policy(literal, 6)) {
      fail(`${subject} points to a private or reserved network address (${literal}), not a public server.`);
    }
    return;
  }
  if (isIPv4(host)) {
    if (!policy(host, 4)) {
      fail(`${subject} points to a private or reserved network address (${host}), not a public server.`);
    }
    return;
  }
  // "localhost." and "LOCALHOST" resolve like "localhost"; the parser lower-cases, we drop trailing dots.
  const name = host.replace(/\.+$/, '');
  if (name === '') fail(`${subject} has no host name.`);
  if (LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))) {
    fail(`${subject} points to a local or internal host name (${shown(host)}), not a public server.`);
  }
  if (!name.includes('.')) {
    // A single label is completed with the resolver's search domains, i.e. it names an internal machine.
    fail(`${subject} has a host name without a domain (${shown(host)}), which can only be a local network name.`);
  }
}
