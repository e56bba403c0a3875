/**
 * Builds the URL of a provider request from the client's base URL, the request path and its query, and keeps
 * the client on the provider's own origin: the client sends the provider's credential with every request, so a
 * link to anywhere else (a CDN, a user's host) must go through the safe fetcher instead.
 */
import { describeUrlForLog } from './describe-url.ts';
import { ProviderError } from './provider-error.ts';
import { providerDisplayName } from './provider-names.ts';
import type { RequestOptions } from './http-client-types.ts';

// `https://…`, `http://…`, and protocol-relative `//host/…` are all absolute: each names its own host.
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Parses and checks a client's base URL once, when the client is made, so a typo in configuration fails at
 * start-up with a clear message rather than on the first recap.
 *
 * @throws ProviderError (`not_configured`) when it is not an http(s) URL.
 */
export function parseBaseUrl(provider: string, baseUrl: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new ProviderError(`The ${providerDisplayName(provider)} address Recap is configured with is not a web address.`, {
      provider,
      method: '-',
      url: describeUrlForLog(baseUrl),
      retryable: false,
      code: 'not_configured',
      hint: 'Ask whoever runs Recap to check the provider base URL setting.',
    });
  }
  return parsed;
}

/**
 * The full URL for one request.
 *
 * A relative `path` is appended to the base URL's path with exactly one slash between them, so both
 * `https://api.pictory.ai/pictoryapis` + `v2/x` and `…/pictoryapis/` + `/v2/x` give `/pictoryapis/v2/x` (the
 * WHATWG resolution `new URL(path, base)` would drop `/pictoryapis`). An absolute `path` is used as is, when it
 * is on the base URL's origin. Query values are encoded; `undefined` ones are left out.
 *
 * @throws ProviderError (`unsafe_url`) for an absolute path on another origin, or one that does not parse.
 */
export function buildProviderUrl(base: URL, path: string, query: RequestOptions['query'], context: { provider: string; method: string }): URL {
  let url: URL;
  if (ABSOLUTE.test(path)) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(path, base);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== base.origin) {
      const name = providerDisplayName(context.provider);
      throw new ProviderError(`Recap will not send ${name}'s credentials to ${parsed ? describeUrlForLog(parsed) : 'that address'}.`, {
        provider: context.provider,
        method: context.method,
        url: parsed ? describeUrlForLog(parsed) : '(not a valid URL)',
        retryable: false,
        code: 'unsafe_url',
        hint: `Links to other hosts must be downloaded with Recap's safe fetcher, not the ${name} client.`,
      });
    }
    url = parsed;
  } else {
    const prefix = base.pathname.replace(/\/+$/, '');
    const suffix = path.replace(/^\/+/, '');
    url = new URL(base.origin);
    // Split off a query or fragment written into the path itself, so `pathname` does not percent-encode its `?`.
    const [pathPart = '', ...rest] = suffix.split('?');
    url.pathname = `${prefix}/${pathPart}`;
    if (rest.length > 0) url.search = `?${rest.join('?')}`;
  }
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.append(key, String(value));
  }
  return url;
}
