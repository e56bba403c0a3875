/**
 * Fuzzing the safe fetcher's URL checks: `checkUserUrl` (src/http/url-check.ts), the address policy
 * (address-policy.ts) as the connector applies it to resolved names (`guardedLookup`), redirect targets
 * (`followRedirects` with a scripted server), and `describeUrlForLog`.
 *
 * Inputs: links with IPv4 literals in every spelling WHATWG accepts (1–4 parts, decimal, hex, octal, trailing dot,
 * percent-encoded, full-width, ideographic dots), IPv6 literals (compressed, full, upper case, embedded IPv4,
 * IPv4-mapped, NAT64, 6to4, zone ids), addresses drawn from every special-purpose range and at random, host names
 * (IDN, local suffixes in any case and width, single labels, trailing dots, soft hyphens), user info, ports,
 * percent-encoding, backslashes, control characters and whitespace, lengths around 2,048; and junk.
 *
 * Properties: `checkUserUrl` returns a URL or throws RecapError `unsafe_url` with a clear message and the hint,
 * never echoing a secret from the query or the user info; an accepted URL is http(s), has no credentials, is at most
 * 2,048 characters, uses an allowed port, and its host is a public address by an independent oracle (IANA's
 * special-purpose registries, ./ip-oracle.ts, matched with ipaddr.js) or a dotted, non-local name; and an IP
 * literal the oracle calls public is accepted. The lookup refuses a name when any answer must be refused and lets
 * it through when all are public; every hop a redirect chain reaches is a URL the checker accepts.
 */
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import fc from 'fast-check';
import type { Dispatcher } from 'undici';
import { RecapError } from '../../src/errors.ts';
import { publicUnicastOnly } from '../../src/http/address-policy.ts';
import { describeUrlForLog } from '../../src/http/describe-url.ts';
import { guardedLookup } from '../../src/http/guarded-connector.ts';
import { followRedirects } from '../../src/http/redirects.ts';
import { checkUserUrl, MAX_URL_LENGTH, UNSAFE_URL_HINT } from '../../src/http/url-check.ts';
import { ensure, expectClearMessage, nastyText, runFuzz, type FuzzStats } from './harness.ts';
import { judgeAddress, V4_SPECIAL, V6_SPECIAL, type Verdict } from './ip-oracle.ts';

/** Marks the secret parts of a generated link; no message may repeat it. */
const SECRET = 'S3cr3tT0k3n';

// ---- addresses ----------------------------------------------------------------------------------------------------

const v4FromPrefix = (prefix: string, bits: number, noise: number) => {
  const base = prefix.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const span = 2 ** (32 - bits);
  return (base - (base % span) + (noise % span)) >>> 0;
};
const v4Number = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffffffff }) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...V4_SPECIAL), fc.integer({ min: 0, max: 0xffffffff })).map(([[p, b], n]) => v4FromPrefix(p, b, n)) },
  { weight: 1, arbitrary: fc.constantFrom(0x08080808, 0x5db8d822, 0x01010101, 0xa9fea9fe, 0x7f000001, 0, 0xffffffff, 0x64400001, 0xc0000009) },
);
const dotted = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.');
const hex4 = (n: number) => n.toString(16);

type Base = 'dec' | 'hex' | 'HEX' | 'oct';
const render = (value: number, b: Base) => (b === 'hex' ? `0x${value.toString(16)}` : b === 'HEX' ? `0X${value.toString(16).toUpperCase()}` : b === 'oct' ? `0${value.toString(8)}` : String(value));

/** An IPv4 address as a URL host, in the spellings WHATWG turns into that address (and some it refuses). */
const v4Host = fc
  .tuple(v4Number, fc.integer({ min: 1, max: 4 }), fc.array(fc.constantFrom<Base>('dec', 'dec', 'hex', 'HEX', 'oct'), { minLength: 4, maxLength: 4 }), fc.constantFrom('plain', 'trailing-dot', 'percent', 'fullwidth', 'ideographic', 'mapped', 'mapped-hex', 'nat64', '6to4', 'compat'))
  .map(([n, parts, bases, style]) => {
    const octets = [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
    const rest = octets.slice(parts - 1).reduce((acc, o) => acc * 256 + o, 0);
    const spelled = [...octets.slice(0, parts - 1), rest].map((v, i) => render(v, bases[i]!)).join('.');
    switch (style) {
      case 'trailing-dot':
        return `${spelled}.`;
      case 'percent':
        return [...spelled].map((ch) => `%${ch.charCodeAt(0).toString(16)}`).join('');
      case 'fullwidth':
        return [...dotted(n)].map((ch) => (ch === '.' ? '．' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0))).join('');
      case 'ideographic':
        return dotted(n).replaceAll('.', '。');
      case 'mapped':
        return `[::ffff:${dotted(n)}]`;
      case 'mapped-hex':
        return `[0:0:0:0:0:FFFF:${hex4(n >>> 16)}:${hex4(n & 0xffff)}]`;
      case 'nat64':
        return `[64:ff9b::${dotted(n)}]`;
      case '6to4':
        return `[2002:${hex4(n >>> 16)}:${hex4(n & 0xffff)}::1]`;
      case 'compat':
        return `[::${dotted(n)}]`;
      default:
        return spelled;
    }
  });

const v6Words = fc.oneof(
  { weight: 2, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...V6_SPECIAL), fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 })).map(([[prefix, bits], noise]) => {
      const base = expandV6(prefix);
      return base.map((word, i) => {
        const keep = Math.max(0, Math.min(16, bits - i * 16));
        const mask = keep === 0 ? 0 : (0xffff << (16 - keep)) & 0xffff;
        return (word & mask) | (noise[i]! & ~mask & 0xffff);
      });
    }),
  },
);

function expandV6(text: string): number[] {
  const [head, tail] = text.split('::');
  const h = head ? head.split(':').map((x) => parseInt(x, 16)) : [];
  const t = tail ? tail.split(':').map((x) => parseInt(x, 16)) : [];
  return [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
}

/** An IPv6 address as a URL host: full, compressed, upper case, with leading zeros, or with a zone id. */
const v6Host = fc.tuple(v6Words, fc.constantFrom('full', 'compressed', 'upper', 'zeros', 'zone', 'embedded')).map(([w, style]) => {
  const full = w.map(hex4).join(':');
  switch (style) {
    case 'compressed':
      return `[${full.replace(/(^|:)0(:0)+(:|$)/, '::')}]`;
    case 'upper':
      return `[${full.toUpperCase()}]`;
    case 'zeros':
      return `[${w.map((x) => x.toString(16).padStart(4, '0')).join(':')}]`;
    case 'zone':
      return `[${full}%25eth0]`;
    case 'embedded':
      return `[${w.slice(0, 6).map(hex4).join(':')}:${w[6]! >> 8}.${w[6]! & 0xff}.${w[7]! >> 8}.${w[7]! & 0xff}]`;
    default:
      return `[${full}]`;
  }
});

const LOCAL = ['localhost', 'local', 'internal', 'home.arpa', 'localdomain', 'lan', 'intranet'];
const nameHost = fc.oneof(
  { weight: 3, arbitrary: fc.domain() },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', 'api.', 'a.b.', 'printer.'), fc.constantFrom(...LOCAL), fc.constantFrom('', '.', '..', ':8080')).map(([a, b, c]) => `${a}${b}${c}`) },
  { weight: 1, arbitrary: fc.constantFrom('LOCALHOST', 'ｌｏｃａｌｈｏｓｔ', 'local\u00adhost', 'localhost\u200b', 'loc%61lhost', 'xn--lcalhost-9za', 'metadata', 'fileserver', 'metadata.google.internal', '169.254.169.254.nip.io', 'münchen.de', 'exаmple.com', 'ex\u0430mple.com', 'a..b', '.', '..', 'com.', 'a.b.', 'x'.repeat(64) + '.com', `${'a.'.repeat(500)}com`, '\u2488.com', '①②⑦.⓪.⓪.①', '[::1', 'a b.com', 'a%20b.com', '%zz.com') },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.constantFrom('', '.local', '.internal', '.')).map(([n, suffix]) => `${'a'.repeat(n)}${suffix}`) },
);

// ---- links --------------------------------------------------------------------------------------------------------

const schemes = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom('http', 'https', 'HTTP', 'hTtPs', 'ftp', 'file', 'javascript', 'data', 'gopher', 'ws', 'blob:http', 'http+unix', '') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1500 }).map((n) => `x${'-'.repeat(n)}`) },
);
const separators = fc.constantFrom('://', '://', '://', ':/', ':', ':\\\\', ':///', '://\t', ': //');
const userinfo = fc.constantFrom('', '', '', `user:${SECRET}@`, `${SECRET}@`, ':@', '@', `a.com@`, `u:p@x.com@`, `%40${SECRET}@`);
const ports = fc.oneof(fc.constantFrom('', '', ':80', ':443', ':8080', ':8443', ':22', ':25', ':6379', ':11211', ':0', ':65535', ':65536', ':0080', ':-1', ':', ':1023', ':1024', ':9200'), fc.integer({ min: 0, max: 70000 }).map((p) => `:${p}`));
const paths = fc.oneof(fc.constantFrom('', '/', '/a.vtt', '/%2e%2e/%2e%2e/etc/passwd', '/a b', '/\u00e9', '\\a.vtt', '/a?'), fc.webPath());
const queries = fc.constantFrom('', `?token=${SECRET}`, `?X-Amz-Signature=${SECRET}&x=1`, `#${SECRET}`, `?a=1#b`, '?');

interface Link {
  raw: string;
  /** The host was built from this IP literal (for the cross-check), when it was. */
  literal?: boolean;
}

const link: fc.Arbitrary<Link> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(schemes, separators, userinfo, fc.oneof({ weight: 2, arbitrary: v4Host.map((h) => ({ h, literal: true })) }, { weight: 2, arbitrary: v6Host.map((h) => ({ h, literal: true })) }, { weight: 2, arbitrary: nameHost.map((h) => ({ h, literal: false })) }), ports, paths, queries, fc.constantFrom('', '', ' ', '\t', '\n', '\u0000'))
      .map(([scheme, sep, user, { h, literal }, port, path, query, pad]) => ({ raw: `${pad}${scheme}${sep}${user}${h}${port}${path}${query}${pad}`, literal })),
  },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withIPv4: true, withIPv6: true, withIPv4Extended: true, withUserInfo: true, withPort: true } }).map((raw) => ({ raw })) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 100 }), nastyText(30), fc.constantFrom('', 'http://', 'https://', 'http:', '//example.com/', 'example.com', 'http://[', 'http://[]/', 'http://[::1]]/', 'http://%', 'http://a:b:c/')).map((raw) => ({ raw })) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_URL_LENGTH - 40, max: MAX_URL_LENGTH + 40 }).map((n) => ({ raw: `https://example.com/${'a'.repeat(Math.max(0, n - 20))}` })) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('%41', 'é', '\u00a0', ' ', '../', '%')).map(([n, piece]) => ({ raw: `https://example.com/${piece.repeat(Math.ceil(n / piece.length))}` })) },
);

// ---- invariants ---------------------------------------------------------------------------------------------------

const INTERNAL_PORTS = new Set([22, 23, 25, 1433, 1521, 2375, 3306, 3389, 5432, 6379, 9200, 11211, 27017]);
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');
const isLiteral = (url: URL) => url.hostname.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname);

function checkAccepted(url: URL, raw: string): void {
  ensure(url instanceof URL, 'not a URL');
  ensure(url.protocol === 'http:' || url.protocol === 'https:', () => `accepted ${url.protocol}`);
  ensure(url.username === '' && url.password === '', () => `accepted credentials in ${url.href}`);
  ensure(url.href.length <= MAX_URL_LENGTH && raw.length <= MAX_URL_LENGTH, () => `accepted ${url.href.length} characters`);
  ensure(url.href === new URL(raw).href, 'the URL returned is not the one parsed');
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  ensure((port === 80 || port === 443 || port >= 1024) && !INTERNAL_PORTS.has(port), () => `accepted port ${port}`);
  const host = hostOf(url);
  if (isLiteral(url)) {
    const verdict = judgeAddress(host);
    ensure(verdict !== 'must-refuse', () => `accepted ${host}, a private or reserved address (${raw})`);
  } else {
    const name = host.replace(/\.+$/, '');
    ensure(name.includes('.'), () => `accepted the single-label host ${host}`);
    ensure(!LOCAL.some((s) => name === s || name.endsWith(`.${s}`)), () => `accepted the local name ${host}`);
    ensure(!/^[\d.]+$/.test(name), () => `accepted ${host}, an address the parser did not normalise`);
  }
}

function checkRefusal(error: unknown, raw: string): RecapError {
  ensure(error instanceof RecapError, () => `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  ensure(error.code === 'unsafe_url', `code ${error.code}`);
  ensure(error.hint === UNSAFE_URL_HINT, 'no hint');
  expectClearMessage(error.message, raw, 'refusal');
  ensure(!error.message.includes(SECRET), () => `the refusal repeats a secret: ${error.message}`);
  return error;
}

function check(raw: string): URL | RecapError {
  let url: URL;
  try {
    url = checkUserUrl(raw);
  } catch (error) {
    return checkRefusal(error, raw);
  }
  checkAccepted(url, raw);
  return url;
}

/** An IP literal the oracle calls public is let through on a plain port, without credentials. */
function checkLiveness(l: Link, result: URL | RecapError): void {
  if (!l.literal || !URL.canParse(l.raw)) return;
  const parsed = new URL(l.raw);
  if (!isLiteral(parsed) || !/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password || !['', '80', '443', '8080', '8443'].includes(parsed.port) || l.raw.length > MAX_URL_LENGTH) return;
  const verdict: Verdict = judgeAddress(hostOf(parsed));
  if (verdict === 'must-accept') ensure(result instanceof URL, () => `refused the public address ${hostOf(parsed)}: ${(result as RecapError).message}`);
  if (verdict === 'must-refuse') ensure(result instanceof RecapError, () => `accepted ${hostOf(parsed)}`);
}

function checkDescribe(raw: string, result: URL | RecapError): void {
  const described = describeUrlForLog(raw);
  ensure(typeof described === 'string' && described.length > 0, 'describeUrlForLog gave nothing');
  ensure(!described.includes(SECRET), () => `describeUrlForLog repeats a secret: ${described}`);
  if (result instanceof URL) {
    ensure(described.startsWith(result.origin), () => `${described} does not start with ${result.origin}`);
    ensure(describeUrlForLog(result) === described, 'string and URL described differently');
  }
}

// ---- the lookup and redirects -------------------------------------------------------------------------------------

const answerAddress = fc.oneof(
  { weight: 4, arbitrary: v4Number.map(dotted) },
  { weight: 3, arbitrary: v6Words.map((w) => w.map(hex4).join(':')) },
  { weight: 1, arbitrary: fc.constantFrom('', 'localhost', '1.2.3', '::ffff:zz', 'fe80::1%eth0', '999.1.1.1', ' 8.8.8.8', '8.8.8.8 ', '0x7f.1', '2130706433', '::ffff:127.0.0.1', '64:ff9b::10.0.0.1') },
);
const lookupCase = fc.record({
  answers: fc.array(fc.record({ address: answerAddress, family: fc.constantFrom(4, 6, 0, 5) }), { maxLength: 4 }),
  single: fc.boolean(),
  all: fc.boolean(),
  fails: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

async function checkLookup(c: { answers: LookupAddress[]; single: boolean; all: boolean; fails: boolean }): Promise<void> {
  const inner = ((_host: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    if (c.fails) callback(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), []);
    else if (c.single && c.answers[0]) callback(null, c.answers[0].address, c.answers[0].family);
    else callback(null, c.answers);
  }) as unknown as LookupFunction;
  const lookup = guardedLookup(publicUnicastOnly, inner);
  const outcome = await new Promise<{ error: Error | null; result: unknown }>((resolve) => lookup('files.example.com', { all: c.all }, (error, result) => resolve({ error, result })));
  const given = c.single && c.answers[0] ? [c.answers[0]] : c.answers;
  if (c.fails) {
    ensure(outcome.error !== null, 'a failed lookup succeeded');
    return;
  }
  const verdicts = given.map((a) => judgeAddress(a.address));
  if (outcome.error) {
    if (given.length === 0) return;
    ensure(outcome.error instanceof RecapError && outcome.error.code === 'unsafe_url', () => `lookup failed with ${outcome.error?.message}`);
    expectClearMessage(outcome.error.message, '', 'lookup refusal');
    for (const a of given) if (a.address.length >= 7) ensure(!outcome.error.message.includes(a.address), 'the refusal names the resolved address');
    ensure(verdicts.some((v) => v !== 'must-accept'), () => `refused all-public answers ${JSON.stringify(given)}`);
  } else {
    ensure(given.length > 0, 'no answers, and no error');
    ensure(verdicts.every((v) => v !== 'must-refuse'), () => `let through ${JSON.stringify(given)}`);
    const returned = c.all ? (outcome.result as LookupAddress[]) : [{ address: outcome.result as string }];
    ensure(returned.every((r) => given.some((g) => g.address === r.address)), 'returned an address the resolver did not give');
  }
}

const redirectCase = fc.record({
  start: fc.constantFrom('https://files.example.com/a.vtt', 'http://files.example.com:8080/dir/a.vtt'),
  locations: fc.array(fc.oneof(link.map((l) => l.raw), fc.constantFrom('/next.vtt', '../x', '//127.0.0.1/x', '//files.example.com/a.vtt', 'http:/evil.com/', '\\\\evil.com/x', 'https://files.example.com/a.vtt', 'https:other.example/x', '', ' ', '?x=1', '#f')), { maxLength: 7 }),
  codes: fc.array(fc.constantFrom(301, 302, 303, 307, 308, 300, 304, 200), { minLength: 7, maxLength: 7 }),
  arrays: fc.boolean(),
});

async function checkRedirects(c: { start: string; locations: string[]; codes: number[]; arrays: boolean }): Promise<void> {
  const visited: { url: URL; headers: Record<string, string> }[] = [];
  const body = { on: () => body, destroy: () => undefined };
  let hop = 0;
  const driver = {
    maxRedirects: 5,
    headers: { authorization: `Bearer ${SECRET}`, cookie: 'a=b', accept: '*/*' },
    check: (raw: string) => checkUserUrl(raw, { subject: "The link's redirect target" }),
    send: async (url: URL, headers: Record<string, string>) => {
      visited.push({ url, headers });
      const location = c.locations[hop];
      const statusCode = location === undefined ? 200 : c.codes[hop]!;
      hop += 1;
      return { statusCode, headers: location === undefined ? {} : { location: c.arrays ? [location, 'https://x.example/'] : location }, body } as unknown as Dispatcher.ResponseData;
    },
  };
  try {
    const { url } = await followRedirects(new URL(c.start), driver);
    ensure(url.href === visited[visited.length - 1]!.url.href, 'the final URL is not the last one fetched');
  } catch (error) {
    ensure(error instanceof RecapError, () => `followRedirects threw ${String(error)}`);
    expectClearMessage(error.message, c.locations.join(' '), 'redirect refusal');
    ensure(!error.message.includes(SECRET), 'the refusal repeats a secret');
  }
  ensure(visited.length <= 6, `${visited.length} requests for at most 5 redirects`);
  const first = new URL(c.start).origin;
  let left = false;
  for (const [i, v] of visited.entries()) {
    if (i > 0) checkAccepted(v.url, v.url.href);
    left ||= v.url.origin !== first;
    if (left) ensure(v.headers.authorization === undefined && v.headers.cookie === undefined, () => `credentials sent to ${v.url.origin}`);
  }
}

// ---- the property -------------------------------------------------------------------------------------------------

type Case = { kind: 'link'; l: Link } | { kind: 'lookup'; c: Parameters<typeof checkLookup>[0] } | { kind: 'redirects'; c: Parameters<typeof checkRedirects>[0] } | { kind: 'policy'; address: string };

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  { weight: 8, arbitrary: link.map((l): Case => ({ kind: 'link', l })) },
  { weight: 2, arbitrary: lookupCase.map((c): Case => ({ kind: 'lookup', c: c as Parameters<typeof checkLookup>[0] })) },
  { weight: 2, arbitrary: redirectCase.map((c): Case => ({ kind: 'redirects', c })) },
  { weight: 2, arbitrary: fc.oneof(answerAddress, fc.string({ maxLength: 50 }), fc.ipV4Extended(), fc.ipV6()).map((address): Case => ({ kind: 'policy', address })) },
);

/** The pieces of the property, for replaying a counterexample in a unit test. */
export { checkLookup };
export function checkLink(raw: string, literal?: boolean): void {
  const l: Link = { raw, ...(literal === undefined ? {} : { literal }) };
  const result = check(l.raw);
  checkLiveness(l, result);
  checkDescribe(l.raw, result);
}

/** Fuzzes the URL checks of the safe fetcher. */
export async function fuzzUrls(runs: number, stats?: FuzzStats): Promise<void> {
  await runFuzz(
    'urls',
    caseArb,
    async (c) => {
      switch (c.kind) {
        case 'link': {
          const result = check(c.l.raw);
          checkLiveness(c.l, result);
          checkDescribe(c.l.raw, result);
          return;
        }
        case 'lookup':
          return checkLookup(c.c);
        case 'redirects':
          return checkRedirects(c.c);
        case 'policy': {
          const allowed = publicUnicastOnly(c.address, c.address.includes(':') ? 6 : 4);
          ensure(typeof allowed === 'boolean', 'the policy answered something else than a boolean');
          // Canonical spellings only (sockets and resolvers report those); `1.2.3` or `0x7f.1` must be refused.
          const verdict = judgeAddress(c.address);
          if (allowed) ensure(verdict !== 'must-refuse', () => `the policy allows ${c.address}`);
          else if (verdict === 'must-accept') throw new Error(`the policy refuses the public address ${c.address}`);
        }
      }
    },
    runs,
    stats,
  );
}
