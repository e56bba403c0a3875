/**
 * Regressions for what the URL fuzzer (test/fuzz/urls.fuzz.ts) found, each with its shrunk counterexample, replayed
 * through the fuzz property's own check as well as asserted plainly.
 */
import { describe, expect, it } from 'vitest';
import { publicUnicastOnly } from '../../../src/http/address-policy.ts';
import { checkUserUrl } from '../../../src/http/url-check.ts';
import { checkLink, checkLookup } from '../../fuzz/urls.fuzz.ts';

describe('URL fuzz findings', () => {
  it('the address policy takes canonical spellings only (was: a resolver answer "1.2.3" let through as 1.2.0.3)', async () => {
    // Shrunk counterexample: {"kind":"lookup","c":{"answers":[{"address":"1.2.3","family":4}],"single":false,"all":false,"fails":false}}
    await checkLookup({ answers: [{ address: '1.2.3', family: 4 }], single: false, all: false, fails: false });
    for (const address of ['1.2.3', '1.0.0', '010.0.0.1', '0x08080808', '134744072', '08.8.8.8', ' 8.8.8.8', '8.8.8.8 ']) {
      expect(publicUnicastOnly(address, 4), address).toBe(false);
    }
    for (const address of ['8.8.8.8', '93.184.216.34', '::ffff:8.8.8.8', '::ffff:808:808', '2606:4700:4700::1111', '64:ff9b::5db8:d822']) {
      expect(publicUnicastOnly(address, address.includes(':') ? 6 : 4), address).toBe(true);
    }
    // Links are unaffected: the URL parser writes every IPv4 spelling as a.b.c.d before the policy sees it.
    checkLink('http://0x08080808/a.vtt', true);
    checkLink('http://8.8.8.8/a.vtt', true);
  });

  it('a refusal echoes at most 80 characters of a scheme or host (was: 2,000-character messages)', () => {
    // Shrunk counterexample: a scheme of "x" and a thousand dashes (the link was nothing else).
    for (const raw of [`x${'-'.repeat(1000)}://a.com/`, `http://${'a'.repeat(2000)}/`, `http://${'a'.repeat(2000)}.local/`]) {
      checkLink(raw);
      let message = '';
      try {
        checkUserUrl(raw);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message.length, message.slice(0, 60)).toBeLessThan(200);
      expect(message).toContain('…');
    }
    expect(() => checkUserUrl('http://fileserver/')).toThrow('The link has a host name without a domain (fileserver), which can only be a local network name.');
  });
});
