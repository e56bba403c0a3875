import { describe, expect, it } from 'vitest';
import { publicUnicastOnly } from '../../../src/http/address-policy.ts';

const allowed = (address: string): boolean => publicUnicastOnly(address, address.includes(':') ? 6 : 4);

describe('publicUnicastOnly', () => {
  it('allows public IPv4 and global unicast IPv6', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) {
      expect(allowed(address), address).toBe(true);
    }
  });

  it('U-2 refuses loopback, unspecified and IPv4-mapped loopback in every form', () => {
    for (const address of ['127.0.0.1', '127.255.0.9', '0.0.0.0', '::1', '::', '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:127.0.0.1', '::7f00:1']) {
      expect(allowed(address), address).toBe(false);
    }
  });

  it('U-5 refuses private, shared, benchmarking, link-local, documentation, multicast and reserved ranges', () => {
    for (const address of [
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '100.100.100.200',
      '169.254.169.254',
      '198.18.0.1',
      '198.19.255.255',
      '192.0.0.170',
      '192.0.2.1',
      '203.0.113.9',
      '224.0.0.1',
      '240.0.0.1',
      '255.255.255.255',
      'fd00:ec2::254',
      'fe80::1',
      'fe80::1%eth0',
      'fc00::1',
      'fec0::1',
      'ff02::1',
      '2001:db8::1',
    ]) {
      expect(allowed(address), address).toBe(false);
    }
  });

  it('U-5 judges NAT64 and 6to4 addresses by the IPv4 address they embed', () => {
    expect(allowed('64:ff9b::a9fe:a9fe')).toBe(false); // 169.254.169.254
    expect(allowed('64:ff9b::10.0.0.1')).toBe(false);
    expect(allowed('64:ff9b::5db8:d822')).toBe(true); // 93.184.216.34
    expect(allowed('64:ff9b:1::5db8:d822')).toBe(false); // local-use NAT64 prefix
    expect(allowed('2002:a9fe:a9fe::1')).toBe(false);
    expect(allowed('2002:c0a8:0101::1')).toBe(false); // 192.168.1.1
    expect(allowed('2002:5db8:d822::1')).toBe(true);
  });

  it('U-5 refuses Teredo, and anything it cannot parse', () => {
    expect(allowed('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toBe(false);
    for (const junk of ['', 'localhost', '1.2.3.4.5', '::ffff:zz', 'not an ip']) expect(allowed(junk), junk).toBe(false);
  });
});
