import ipaddr from 'ipaddr.js';

/**
 * Decides whether Recap may open a connection to an IP address. `true` means allowed.
 *
 * It is applied three times for every connection the user-URL fetcher makes: to IP literals in the URL
 * (before anything is resolved), to every address a host name resolves to, and to the socket's remote
 * address once connected. Tests pass their own policy (for example `(a) => a === '127.0.0.1'`) to reach
 * local fake servers; production code uses {@link publicUnicastOnly}.
 */
export type AddressPolicy = (address: string, family: 4 | 6) => boolean;

// NAT64 (RFC 6052) well-known prefix. The local-use prefix 64:ff9b:1::/48 (RFC 8215) is deliberately not
// treated the same way: it translates to whatever the local network decides, so it is refused outright.
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
// Only 2000::/3 is allocated as global unicast today; everything outside it (for example the deprecated
// IPv4-compatible ::a.b.c.d block, which ipaddr.js reports as plain "unicast") is refused.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Allows only public unicast addresses: no loopback, private (RFC 1918), link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT (100.64/10), benchmarking (198.18/15), documentation, multicast,
 * unspecified, unique-local IPv6, Teredo, or any other special-purpose range ipaddr.js knows.
 *
 * IPv6 forms that embed an IPv4 address are judged by the embedded address: IPv4-mapped (`::ffff:a.b.c.d`),
 * NAT64 (`64:ff9b::a.b.c.d`) and 6to4 (`2002:AABB:CCDD::/48`). Unparsable input is refused.
 */
export const publicUnicastOnly: AddressPolicy = (address) => {
  // Canonical spellings only. ipaddr.parse also reads `1.2.3`, `0x7f.1` or `010.0.0.1` (octal), which a socket
  // would refuse or read differently; a resolver answering like that is not trusted (found by the fuzzer, test/fuzz).
  if (!ipaddr.IPv4.isValidFourPartDecimal(address) && !ipaddr.IPv6.isValid(address)) return false;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // ipaddr.js accepts zone ids ("fe80::1%eth0"), which socket.remoteAddress can carry for link-local peers.
    parsed = ipaddr.parse(address);
  } catch {
    return false;
  }
  if (parsed.kind() === 'ipv4') return isPublicV4(parsed as ipaddr.IPv4);
  return isPublicV6(parsed as ipaddr.IPv6);
};

function isPublicV4(address: ipaddr.IPv4): boolean {
  return address.range() === 'unicast';
}

function isPublicV6(address: ipaddr.IPv6): boolean {
  // Dual-stack sockets report IPv4 peers as ::ffff:a.b.c.d, and URLs can spell IPv4 targets that way.
  if (address.isIPv4MappedAddress()) return isPublicV4(address.toIPv4Address());
  const parts = address.parts;
  if (address.match(NAT64_WELL_KNOWN)) {
    // A NAT64 gateway forwards to the embedded IPv4 address (low 32 bits), so judge that address.
    return isPublicV4(v4FromWords(parts[6], parts[7]));
  }
  if (address.range() === '6to4') {
    // 6to4 routes to the IPv4 address in bits 16..47 (2002:AABB:CCDD::).
    return isPublicV4(v4FromWords(parts[1], parts[2]));
  }
  // Teredo (2001::/32) tunnels to an obfuscated IPv4 address and is never what a file host publishes.
  return address.range() === 'unicast' && address.match(GLOBAL_UNICAST_V6);
}

function v4FromWords(high: number | undefined, low: number | undefined): ipaddr.IPv4 {
  const hi = high ?? 0;
  const lo = low ?? 0;
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}
