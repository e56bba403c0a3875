import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { RecapError } from '../errors.ts';
import type { AddressPolicy } from './address-policy.ts';
import { UNSAFE_URL_HINT } from './url-check.ts';

/** Options for {@link createGuardedConnector}. */
export interface GuardedConnectorOptions {
  addressPolicy: AddressPolicy;
  /** Resolver with `dns.lookup`'s signature; tests inject answers here. Default: `dns.lookup`. */
  lookup?: LookupFunction;
  /** TCP + TLS connect timeout in milliseconds. */
  connectTimeoutMs: number;
}

/**
 * Builds an undici `connect` function that only ever hands undici a socket to an allowed address.
 *
 * Three checks, because each alone was measured to leak:
 * 1. IP-literal hosts are checked here, since Node's `net.connect` never calls `lookup` for them.
 * 2. Host names go through a lookup that checks *every* answer (one private answer refuses the host; Happy
 *    Eyeballs may try any of them) — this is the resolution the socket actually uses, so rebinding
 *    between an earlier check and the connect cannot slip through.
 * 3. Once connected, `socket.remoteAddress` is checked before undici writes the request, as a backstop
 *    for anything that bypasses the lookup.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const policy = options.addressPolicy;
  const connect = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: guardedLookup(policy, options.lookup ?? (dnsLookup as LookupFunction)),
  });
  return (target, callback) => {
    // undici strips the brackets of IPv6 literals already; strip again so this never depends on it.
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(host);
    if (family !== 0 && !policy(host, family === 6 ? 6 : 4)) {
      callback(blocked(`The link points to a private or reserved network address (${host}), not a public server.`), null);
      return;
    }
    connect(target, (error, socket) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      const remote = socket.remoteAddress;
      const remoteFamily = socket.remoteFamily === 'IPv6' ? 6 : 4;
      if (remote === undefined || !policy(remote, remoteFamily)) {
        socket.destroy();
        callback(
          blocked(
            "The link's server turned out to be at a private or internal network address, so Recap did not send the request.",
            `socket remote address ${remote ?? '(none)'} refused by the address policy`,
          ),
          null,
        );
        return;
      }
      callback(null, socket);
    });
  };
}

/**
 * Wraps a resolver so that it fails when any answer is refused by the policy. Always asks the inner
 * resolver for all answers, then replies in the shape the caller asked for (`all: true` or not).
 */
export function guardedLookup(policy: AddressPolicy, inner: LookupFunction): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    inner(hostname, { ...lookupOptions, all: true }, (error, answer, family) => {
      if (error) {
        callback(error, []);
        return;
      }
      // A resolver may ignore `all: true` and answer with a single address; accept both shapes.
      const answers: LookupAddress[] = Array.isArray(answer)
        ? answer
        : [{ address: answer, family: family ?? isIP(answer) }];
      if (answers.length === 0) {
        callback(Object.assign(new Error(`No addresses found for ${hostname}`), { code: 'ENOTFOUND' }), []);
        return;
      }
      const refused = answers.find(({ address, family: f }) => !policy(address, f === 6 ? 6 : 4));
      if (refused !== undefined) {
        callback(
          blocked(
            `The link's server name (${hostname}) resolves to a private or internal network address, so Recap did not connect.`,
            `${hostname} resolved to ${refused.address}, refused by the address policy`,
          ),
          [],
        );
        return;
      }
      if (lookupOptions.all === true) callback(null, answers);
      else callback(null, answers[0]!.address, answers[0]!.family);
    });
  };
}

function blocked(message: string, detail?: string): RecapError {
  // Addresses our resolver returned stay out of the user-facing message (they describe our network, not
  // the user's link); the log still gets them through `cause`.
  return new RecapError('unsafe_url', message, {
    hint: UNSAFE_URL_HINT,
    cause: detail === undefined ? undefined : new Error(detail),
  });
}
