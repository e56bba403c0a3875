import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecapError } from '../../../src/errors.ts';
import { publicUnicastOnly } from '../../../src/http/address-policy.ts';
import { checkUserUrl } from '../../../src/http/url-check.ts';

// [first address, prefix length] of IPv4 ranges that must never be reachable.
const PRIVATE_V4: Array<[number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8
  [0x0a000000, 8], // 10/8
  [0x7f000000, 8], // 127/8
  [0x64400000, 10], // 100.64/10
  [0xa9fe0000, 16], // 169.254/16
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // 198.18/15
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved + broadcast
];

const privateV4 = fc
  .tuple(fc.constantFrom(...PRIVATE_V4), fc.integer({ min: 0, max: 0xffffffff }))
  .map(([[base, prefix], noise]) => (base + (noise % 2 ** (32 - prefix))) >>> 0);

type Base = 'dec' | 'hex' | 'HEX' | 'oct';
const base = fc.constantFrom<Base>('dec', 'hex', 'HEX', 'oct');

function render(value: number, b: Base): string {
  if (b === 'hex') return `0x${value.toString(16)}`;
  if (b === 'HEX') return `0X${value.toString(16).toUpperCase()}`;
  if (b === 'oct') return `0${value.toString(8)}`;
  return String(value);
}

/** Every spelling the WHATWG IPv4 parser accepts: 1 to 4 parts, each in decimal, hex or octal. */
const spelledV4 = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(base, { minLength: 4, maxLength: 4 }), fc.boolean())
  .map(([parts, bases, trailingDot]) => (address: number): string => {
    const octets = [address >>> 24, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff];
    // The last part carries all remaining bytes: a.b.c.d, a.b.(16 bits), a.(24 bits), (32 bits).
    const leading = octets.slice(0, parts - 1);
    const rest = octets.slice(parts - 1).reduce((acc, octet) => acc * 256 + octet, 0);
    const text = [...leading, rest].map((value, i) => render(value, bases[i] ?? 'dec')).join('.');
    return trailingDot ? `${text}.` : text;
  });

const dotted = (address: number): string => [address >>> 24, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff].join('.');

const urlAround = fc.tuple(fc.constantFrom('http', 'https', 'HTTP', 'hTtPs'), fc.constantFrom('', ':80', ':443', ':8080'), fc.webPath());

describe('checkUserUrl properties', () => {
  it('never accepts a private IPv4 literal in decimal, hex, octal or dotted forms (also IPv4-mapped)', () => {
    fc.assert(
      fc.property(privateV4, spelledV4, fc.boolean(), urlAround, (address, spell, mapped, [scheme, port, path]) => {
        const host = mapped ? `[::ffff:${dotted(address)}]` : spell(address);
        const raw = `${scheme}://${host}${port}${path}`;
        expect(() => checkUserUrl(raw)).toThrow(RecapError);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts an IPv4 literal, however spelled, exactly when the address policy allows it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), spelledV4, (address, spell) => {
        const accepted = (() => {
          try {
            checkUserUrl(`http://${spell(address)}/x.vtt`);
            return true;
          } catch (error) {
            expect(error).toBeInstanceOf(RecapError);
            return false;
          }
        })();
        expect(accepted).toBe(publicUnicastOnly(dotted(address), 4));
      }),
      { numRuns: 3000 },
    );
  });

  it('throws nothing but RecapError on arbitrary input, and only returns http(s) URLs with allowed literals', () => {
    const anyInput = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('http://', 'https://', 'file://', 'http://[', 'http://user@'), fc.string({ maxLength: 80 })).map(([a, b]) => a + b),
      fc.ipV6().map((ip) => `http://[${ip}]/`),
      fc.ipV4Extended().map((ip) => `https://${ip}/`),
    );
    fc.assert(
      fc.property(anyInput, (raw) => {
        let url: URL;
        try {
          url = checkUserUrl(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(RecapError);
          expect((error as RecapError).code).toBe('unsafe_url');
          return;
        }
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username + url.password).toBe('');
        const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
        if (/^[\d.]+$/.test(host) || host.includes(':')) expect(publicUnicastOnly(host, host.includes(':') ? 6 : 4)).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });
});
