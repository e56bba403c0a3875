/**
 * An address oracle for the URL fuzzer, written from the IANA special-purpose address registries
 * (https://www.iana.org/assignments/iana-ipv4-special-registry, …/iana-ipv6-special-registry) and Recap's policy
 * (README "checklist 7.4"), independently of src/http/address-policy.ts; ipaddr.js only parses and matches CIDRs.
 *
 * - `mustRefuse`: never reachable from a user's link (private, loopback, link-local, shared, documentation,
 *   benchmarking, multicast, reserved, Teredo, NAT64 local-use, anything outside 2000::/3 that does not embed a
 *   public IPv4 address, and forms that embed a refused IPv4 address).
 * - `mayRefuse`: special-purpose but harmless blocks a policy may refuse or allow (AS112, AMT, the rest of 2001::/23,
 *   192.0.0.0/24's two global anycast addresses).
 * - anything else is a public unicast address and must be accepted.
 */
import ipaddr from 'ipaddr.js';

const cidrs = (list: string[]) => list.map((c) => ipaddr.parseCIDR(c));

const V4_MUST_REFUSE = cidrs([
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // RFC 1918
  '100.64.0.0/10', // shared address space (CGN)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local (cloud metadata)
  '172.16.0.0/12', // RFC 1918
  '192.0.0.0/29', // IETF protocol assignments (DS-Lite)
  '192.0.0.8/32',
  '192.0.0.170/31', // NAT64 discovery
  '192.0.2.0/24', // TEST-NET-1
  '192.88.99.0/24', // deprecated 6to4 relay anycast
  '192.168.0.0/16', // RFC 1918
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // TEST-NET-2
  '203.0.113.0/24', // TEST-NET-3
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and 255.255.255.255
]);
const V4_MAY_REFUSE = cidrs(['192.0.0.0/24', '192.31.196.0/24', '192.52.193.0/24', '192.175.48.0/24']);

const V6_GLOBAL = ipaddr.parseCIDR('2000::/3');
const V6_MAPPED = ipaddr.parseCIDR('::ffff:0:0/96');
const V6_NAT64 = ipaddr.parseCIDR('64:ff9b::/96');
const V6_6TO4 = ipaddr.parseCIDR('2002::/16');
const V6_MUST_REFUSE_IN_GLOBAL = cidrs([
  '2001::/32', // Teredo
  '2001:db8::/32', // documentation
  '2001:2::/48', // benchmarking
  '3fff::/20', // documentation (RFC 9637)
]);
const V6_MAY_REFUSE_IN_GLOBAL = cidrs(['2001::/23', '2620:4f:8000::/48']);

export type Verdict = 'must-refuse' | 'may-refuse' | 'must-accept';

const inAny = (address: ipaddr.IPv4 | ipaddr.IPv6, list: [ipaddr.IPv4 | ipaddr.IPv6, number][]) =>
  list.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));

function judgeV4(address: ipaddr.IPv4): Verdict {
  if (inAny(address, V4_MUST_REFUSE)) return 'must-refuse';
  if (inAny(address, V4_MAY_REFUSE)) return 'may-refuse';
  return 'must-accept';
}

const v4At = (parts: number[], hi: number, lo: number) => new ipaddr.IPv4([parts[hi]! >> 8, parts[hi]! & 0xff, parts[lo]! >> 8, parts[lo]! & 0xff]);

function judgeV6(address: ipaddr.IPv6): Verdict {
  const parts = address.parts;
  if (address.match(V6_MAPPED)) return judgeV4(v4At(parts, 6, 7));
  if (address.match(V6_NAT64)) return judgeV4(v4At(parts, 6, 7));
  if (!address.match(V6_GLOBAL)) return 'must-refuse';
  if (address.match(V6_6TO4)) return judgeV4(v4At(parts, 1, 2));
  if (inAny(address, V6_MUST_REFUSE_IN_GLOBAL)) return 'must-refuse';
  if (inAny(address, V6_MAY_REFUSE_IN_GLOBAL)) return 'may-refuse';
  return 'must-accept';
}

/**
 * The verdict for an address in canonical text form (`a.b.c.d`, or IPv6 without brackets); unparsable: refuse.
 * `loose` also reads the other spellings ipaddr.js knows (`0x7f.1`, `2130706433`).
 */
export function judgeAddress(text: string, loose = false): Verdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    if (!loose && !ipaddr.IPv4.isValidFourPartDecimal(text) && !ipaddr.IPv6.isValid(text)) return 'must-refuse';
    parsed = ipaddr.parse(text);
  } catch {
    return 'must-refuse';
  }
  return parsed.kind() === 'ipv4' ? judgeV4(parsed as ipaddr.IPv4) : judgeV6(parsed as ipaddr.IPv6);
}

/** The special ranges, for generating addresses inside them (prefix and length). */
export const V4_SPECIAL: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4],
  ['240.0.0.0', 4], ['255.255.255.255', 32], ['192.31.196.0', 24], ['192.52.193.0', 24], ['192.175.48.0', 24],
];
export const V6_SPECIAL: [string, number][] = [
  ['::', 128], ['::1', 128], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001::', 32], ['2001:2::', 48],
  ['2001:db8::', 32], ['2002::', 16], ['2620:4f:8000::', 48], ['3fff::', 20], ['5f00::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
  ['::', 96], ['::ffff:0:0:0', 96], ['2000::', 3],
];
