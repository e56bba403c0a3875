import type { LookupAddress } from 'node:dns';
import type { LookupFunction, Socket } from 'node:net';
import { Agent, request, type buildConnector } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecapError } from '../../../src/errors.ts';
import { publicUnicastOnly } from '../../../src/http/address-policy.ts';
import { createGuardedConnector, guardedLookup } from '../../../src/http/guarded-connector.ts';
import { startTestServer, type TestServer } from '../../fakes/http-test-server.ts';

const answers = (...addresses: string[]): LookupAddress[] => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

/** A resolver spy that always gives the same answers, in whichever shape was asked for. */
function fixedLookup(list: LookupAddress[]): LookupFunction & { mock: { calls: unknown[][] } } {
  return vi.fn<LookupFunction>((_host, options, callback) => {
    if (options.all) callback(null, list);
    else callback(null, list[0]!.address, list[0]!.family);
  });
}

function connectWith(connector: buildConnector.connector, hostname: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    connector({ hostname, host: `${hostname}:${port}`, protocol: 'http:', port: String(port) }, (error, socket) => {
      if (error) reject(error);
      else resolve(socket as Socket);
    });
  });
}

let target: TestServer | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

describe('createGuardedConnector', () => {
  it('premise (measured): undici never calls connect.lookup for an IP-literal host', async () => {
    target = await startTestServer((_req, res) => res.end('reached'));
    const lookup = fixedLookup(answers('93.184.216.34'));
    const agent = new Agent({ connect: { lookup } });
    const response = await request(`${target.origin}/`, { dispatcher: agent });
    expect(await response.body.text()).toBe('reached');
    expect(lookup.mock.calls).toHaveLength(0);
    await agent.close();
  });

  it('U-1/U-2 refuses blocked IP literals itself, without asking the resolver', async () => {
    const lookup = fixedLookup(answers('93.184.216.34'));
    const connector = createGuardedConnector({ addressPolicy: publicUnicastOnly, lookup, connectTimeoutMs: 1000 });
    for (const host of ['169.254.169.254', '::ffff:127.0.0.1', '[::1]', '0.0.0.0']) {
      await expect(connectWith(connector, host, 80), host).rejects.toMatchObject({ code: 'unsafe_url' });
    }
    expect(lookup.mock.calls).toHaveLength(0);
  });

  it('connects through the guarded lookup and hands back a socket whose peer passed the policy', async () => {
    target = await startTestServer(() => {});
    const connector = createGuardedConnector({
      addressPolicy: (a) => a === '127.0.0.1',
      lookup: fixedLookup(answers('127.0.0.1')),
      connectTimeoutMs: 1000,
    });
    const socket = await connectWith(connector, 'files.example.com', target.port);
    expect(socket.remoteAddress).toBe('127.0.0.1');
    socket.destroy();
  });
});

describe('guardedLookup', () => {
  const lookupAsync = (lookup: LookupFunction, all: boolean): Promise<unknown> =>
    new Promise((resolve, reject) => {
      lookup('files.example.com', { all }, (error, address, family) => (error ? reject(error) : resolve(all ? address : [address, family])));
    });

  it('answers in the shape the caller asked for', async () => {
    const lookup = guardedLookup(publicUnicastOnly, fixedLookup(answers('93.184.216.34', '2606:2800:220:1::1')));
    expect(await lookupAsync(lookup, true)).toEqual(answers('93.184.216.34', '2606:2800:220:1::1'));
    expect(await lookupAsync(lookup, false)).toEqual(['93.184.216.34', 4]);
  });

  it('accepts resolvers that ignore all: true, and still checks their answer', async () => {
    const single: LookupFunction = (_host, _options, callback) => callback(null, '10.1.2.3', 4);
    await expect(lookupAsync(guardedLookup(publicUnicastOnly, single), true)).rejects.toBeInstanceOf(RecapError);
  });

  it('U-7 refuses the host when any answer is refused', async () => {
    const lookup = guardedLookup(publicUnicastOnly, fixedLookup(answers('93.184.216.34', '::ffff:10.0.0.5')));
    await expect(lookupAsync(lookup, false)).rejects.toMatchObject({ code: 'unsafe_url' });
  });

  it('passes resolver errors through and reports an empty answer as ENOTFOUND', async () => {
    const failing: LookupFunction = (_host, _options, callback) => callback(Object.assign(new Error('nope'), { code: 'EAI_AGAIN' }), []);
    await expect(lookupAsync(guardedLookup(publicUnicastOnly, failing), true)).rejects.toMatchObject({ code: 'EAI_AGAIN' });
    await expect(lookupAsync(guardedLookup(publicUnicastOnly, fixedLookup([])), true)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
