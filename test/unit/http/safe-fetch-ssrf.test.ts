import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { EnvHttpProxyAgent, getGlobalDispatcher, request, setGlobalDispatcher } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicUnicastOnly, type AddressPolicy } from '../../../src/http/address-policy.ts';
import { safeFetch, type SafeFetchOptions } from '../../../src/http/safe-fetch.ts';
import type { TestServer } from '../../fakes/http-test-server.ts';
import { rejection, serverPerTest } from './fetch-test-support.ts';

// The fake "public internet" is 127.0.0.1; 127.0.0.2 plays a private host that must never be reached.
const onlyLoopback1: AddressPolicy = (address) => address === '127.0.0.1';
const local: SafeFetchOptions = { addressPolicy: onlyLoopback1, allowedPort: () => true, timeoutMs: 2000 };
// Production policy plus the fake public server: redirect targets are judged exactly as in production.
const publicPlusFake: AddressPolicy = (address, family) => address === '127.0.0.1' || publicUnicastOnly(address, family);

/** A resolver with `dns.lookup`'s signature that answers from a script, one answer list per call. */
function scriptedLookup(...answers: string[][]): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const lookup = ((hostname, options, callback) => {
    calls.push(hostname);
    const list: LookupAddress[] = (answers[Math.min(calls.length, answers.length) - 1] ?? []).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
    if (options.all) callback(null, list);
    else callback(null, list[0]?.address ?? '', list[0]?.family);
  }) as LookupFunction & { calls: string[] };
  lookup.calls = calls;
  return lookup;
}

const vtt = (_req: unknown, res: import('node:http').ServerResponse): void => {
  res.setHeader('content-type', 'text/vtt');
  res.end('WEBVTT\n');
};

const server = serverPerTest();

describe('safeFetch address safety', () => {
  it('fetches from the fake public server when the test policy allows it', async () => {
    const target = await server(vtt);
    const response = await safeFetch(`${target.origin}/meeting.vtt?sig=1`, local);
    expect(response).toMatchObject({ url: `${target.origin}/meeting.vtt?sig=1`, status: 200, contentType: 'text/vtt' });
    expect(response.body.toString()).toBe('WEBVTT\n');
  });

  it('the default policy blocks 127.0.0.1, by literal and by name', async () => {
    const target = await server(vtt);
    const byLiteral = await rejection(safeFetch(`${target.origin}/`, { allowedPort: () => true }));
    expect(byLiteral.code).toBe('unsafe_url');
    const byName = await rejection(safeFetch(`http://files.example.com:${target.port}/`, { allowedPort: () => true, lookup: scriptedLookup(['127.0.0.1']) }));
    expect(byName.code).toBe('unsafe_url');
    expect(target.requests).toHaveLength(0);
  });

  it('U-1 refuses the metadata address literally before any lookup, and by name at lookup', async () => {
    const lookup = scriptedLookup(['169.254.169.254']);
    const literal = await rejection(safeFetch('http://169.254.169.254/latest/meta-data/', { lookup }));
    expect(literal.code).toBe('unsafe_url');
    expect(lookup.calls).toEqual([]);
    const byName = await rejection(safeFetch('http://169.254.169.254.nip.io/latest/meta-data/', { lookup }));
    expect(byName.message).toMatch(/resolves to a private or internal network address/);
    expect(lookup.calls).toEqual(['169.254.169.254.nip.io']);
  });

  it('U-6 refuses a name that resolves to a private address, without revealing the address', async () => {
    const error = await rejection(safeFetch('http://internal.test/', { lookup: scriptedLookup(['10.0.0.5']) }));
    expect(error.code).toBe('unsafe_url');
    expect(error.message).not.toContain('10.0.0.5');
    expect(String((error.cause as Error).message)).toContain('10.0.0.5');
  });

  it('U-7 refuses a name with mixed public and private answers, in either order', async () => {
    for (const answers of [['93.184.216.34', '10.0.0.5'], ['10.0.0.5', '93.184.216.34'], ['2606:2800:220:1::1', 'fd00::5']]) {
      const error = await rejection(safeFetch('https://mixed.example.com/a.vtt', { lookup: scriptedLookup(answers) }));
      expect(error.code, answers.join()).toBe('unsafe_url');
    }
  });

  it('U-8 refuses DNS rebinding: the resolution used for the connection is the one checked', async () => {
    const publicHost = await server(vtt);
    // Same port on 127.0.0.2, so the very same URL reaches the private host if the second answer is trusted.
    const privateHost = await server(vtt, '127.0.0.2', publicHost.port);
    const lookup = scriptedLookup(['127.0.0.1'], ['127.0.0.2']);
    const url = `http://rebind.example.com:${publicHost.port}/a.vtt`;
    const options = { ...local, lookup };
    expect((await safeFetch(url, options)).status).toBe(200);
    const second = await rejection(safeFetch(url, options));
    expect(second.code).toBe('unsafe_url');
    expect(privateHost.requests).toHaveLength(0);
  });

  it("U-8 checks the socket's remote address once connected, before any request is written", async () => {
    const target = await server(vtt);
    // The policy passes the lookup's answer, then refuses the same address on the socket: a stand-in for any
    // path where the connected peer differs from what was vetted. No HTTP request may reach the server.
    let calls = 0;
    const flipping: AddressPolicy = () => ++calls === 1;
    const error = await rejection(
      safeFetch(`http://flip.example.com:${target.port}/`, { addressPolicy: flipping, allowedPort: () => true, lookup: scriptedLookup(['127.0.0.1']) }),
    );
    expect(error.message).toMatch(/turned out to be at a private or internal network address/);
    expect(calls).toBe(2);
    expect(target.requests).toHaveLength(0);
  });

  it('U-9 refuses a redirect to the metadata address, IPv4-mapped IPv6 or 127.2 at the hop', async () => {
    const secret = await server(vtt, '127.0.0.2');
    const targets = [
      'http://169.254.169.254/latest/meta-data/',
      `http://[::ffff:127.0.0.2]:${secret.port}/`,
      `http://127.2:${secret.port}/`,
      `http://0x7f000002:${secret.port}/`,
      'http://localhost/',
    ];
    const redirector = await server((req, res) => {
      res.writeHead(302, { location: targets[Number(req.url?.slice(1))] }).end();
    });
    for (const [i, target] of targets.entries()) {
      const error = await rejection(safeFetch(`${redirector.origin}/${i}`, { addressPolicy: publicPlusFake, allowedPort: () => true }));
      expect(error.code, target).toBe('unsafe_url');
      expect(error.message, target).toMatch(/^The link's redirect target/);
    }
    expect(secret.requests).toHaveLength(0);
  });

  it('follows a safe redirect and reports the final URL', async () => {
    const target = await server((req, res) => (req.url === '/old' ? res.writeHead(301, { location: '/new.vtt' }).end() : vtt(req, res)));
    const response = await safeFetch(`${target.origin}/old`, local);
    expect(response.url).toBe(`${target.origin}/new.vtt`);
    expect(target.requests.map((r) => r.target)).toEqual(['/old', '/new.vtt']);
  });

  it('U-10 fails with "too many redirects" past the limit and on loops, without fetching on', async () => {
    const target = await server((req, res) => {
      const hop = /^\/hop\/(\d+)$/.exec(req.url ?? '');
      if (hop) return void res.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}` }).end();
      if (req.url === '/a') return void res.writeHead(302, { location: '/b' }).end();
      if (req.url === '/b') return void res.writeHead(302, { location: '/a' }).end();
      res.writeHead(302, { location: req.url ?? '/' }).end();
    });
    const chain = await rejection(safeFetch(`${target.origin}/hop/0`, { ...local, maxRedirects: 3 }));
    expect(chain.message).toMatch(/too many redirects \(more than 3\)/);
    expect(target.requests).toHaveLength(4);
    target.requests.length = 0;
    for (const start of ['/self', '/a']) {
      const loop = await rejection(safeFetch(`${target.origin}${start}`, local));
      expect(loop.message).toMatch(/too many redirects/);
    }
    expect(target.requests.length).toBeLessThanOrEqual(3);
  });

  it('U-11 strips Authorization and Cookie on cross-origin hops and keeps them stripped', async () => {
    const other = await server((req, res) => (req.url === '/back' ? res.writeHead(302, { location: `${first.origin}/file.vtt` }).end() : vtt(req, res)));
    const first: TestServer = await server((req, res) => {
      if (req.url === '/same') return void res.writeHead(307, { location: '/file.vtt' }).end();
      if (req.url === '/cross') return void res.writeHead(302, { location: `${other.origin}/file.vtt` }).end();
      if (req.url === '/roundtrip') return void res.writeHead(302, { location: `${other.origin}/back` }).end();
      vtt(req, res);
    });
    const headers = { Authorization: 'Bearer SECRET', Cookie: 'sid=SECRET', 'X-Request-Id': 'r1' };
    await safeFetch(`${first.origin}/same`, { ...local, headers });
    expect(first.requests[1]?.headers).toMatchObject({ authorization: 'Bearer SECRET', cookie: 'sid=SECRET' });
    await safeFetch(`${first.origin}/cross`, { ...local, headers });
    await safeFetch(`${first.origin}/roundtrip`, { ...local, headers });
    expect(other.requests).toHaveLength(2);
    for (const seen of [...other.requests, first.requests.at(-1)!]) {
      expect(seen.headers.authorization).toBeUndefined();
      expect(seen.headers.cookie).toBeUndefined();
      expect(seen.headers['x-request-id']).toBe('r1');
    }
  });

  it('U-13 applies the port policy by default, even to an allowed address', async () => {
    const error = await rejection(safeFetch('http://127.0.0.1:6379/', { addressPolicy: onlyLoopback1 }));
    expect(error.message).toMatch(/port 6379/);
  });

  describe('U-19 with HTTP(S)_PROXY set and an EnvHttpProxyAgent installed globally', () => {
    const savedDispatcher = getGlobalDispatcher();
    afterEach(() => {
      vi.unstubAllEnvs();
      setGlobalDispatcher(savedDispatcher);
    });

    it('ignores the proxy (and the test proves the proxy would otherwise be used)', async () => {
      const proxy = await server((_req, res) => res.writeHead(200, { 'content-type': 'text/vtt' }).end('VIA PROXY'));
      const target = await server(vtt);
      for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) vi.stubEnv(name, proxy.origin);
      for (const name of ['NO_PROXY', 'no_proxy']) vi.stubEnv(name, '');
      // proxyTunnel: false makes the proxy see plain absolute-form requests, which the fake answers itself.
      const envAgent = new EnvHttpProxyAgent({ proxyTunnel: false });
      setGlobalDispatcher(envAgent);
      const viaGlobal = await request(`${target.origin}/a.vtt`);
      expect(await viaGlobal.body.text()).toBe('VIA PROXY');
      const response = await safeFetch(`${target.origin}/a.vtt`, local);
      expect(response.body.toString()).toBe('WEBVTT\n');
      expect(proxy.requests).toHaveLength(1);
      expect(target.requests).toHaveLength(1);
      await envAgent.close();
    });
  });
});
