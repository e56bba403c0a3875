import type { Dispatcher } from 'undici';
import { RecapError } from '../errors.ts';
import { UNSAFE_URL_HINT } from './url-check.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Headers that carry the caller's credentials for the first origin; another origin must never see them.
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

const REDIRECT_HINT = 'Open the link in a browser and share the address it finally ends up at.';

/** How {@link followRedirects} sends one request and vets one hop. */
export interface RedirectDriver {
  maxRedirects: number;
  /** Request headers for the first hop, lower-cased names. */
  headers: Record<string, string>;
  /** Validates a redirect target exactly like a user-supplied URL; throws RecapError when unsafe. */
  check: (raw: string) => URL;
  /** Sends one GET without following redirects. */
  send: (url: URL, headers: Record<string, string>) => Promise<Dispatcher.ResponseData>;
}

/**
 * Sends GETs until a response is not a redirect, re-validating every `Location` with `check` before
 * connecting to it (a public host's 302 to 169.254.169.254 is the classic SSRF bypass), and dropping
 * credentials once the chain leaves the first origin (including an https → http downgrade, which is
 * allowed but counts as another origin). Fails with "too many redirects" past `maxRedirects` or on a loop.
 *
 * @returns the final URL and its response, whose body the caller now owns.
 */
export async function followRedirects(start: URL, driver: RedirectDriver): Promise<{ url: URL; response: Dispatcher.ResponseData }> {
  let url = start;
  let headers = { ...driver.headers };
  const visited = new Set([url.href]);
  for (let redirects = 0; ; redirects += 1) {
    const response = await driver.send(url, headers);
    const location = REDIRECT_STATUSES.has(response.statusCode) ? firstValue(response.headers.location) : undefined;
    if (location === undefined) return { url, response };
    // Redirect bodies are never read; destroying closes that connection instead of draining it.
    discard(response);
    if (redirects >= driver.maxRedirects) {
      throw new RecapError('fetch_failed', `The link led through too many redirects (more than ${driver.maxRedirects}).`, {
        hint: REDIRECT_HINT,
      });
    }
    let target: URL;
    try {
      target = new URL(location, url);
    } catch {
      throw new RecapError('unsafe_url', "The link redirected to something that isn't a valid web address.", { hint: UNSAFE_URL_HINT });
    }
    const next = driver.check(target.href);
    if (visited.has(next.href)) {
      throw new RecapError('fetch_failed', 'The link redirects in a loop (too many redirects).', { hint: REDIRECT_HINT });
    }
    visited.add(next.href);
    // Once stripped, credentials stay stripped: in A → B → A the last hop was chosen by B, not by the caller.
    if (next.origin !== url.origin) headers = withoutCredentials(headers);
    url = next;
  }
}

/** Destroys a response body we will not read, without letting a late stream error go unhandled. */
export function discard(response: Dispatcher.ResponseData): void {
  response.body.on('error', () => {});
  response.body.destroy();
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const kept = { ...headers };
  for (const name of CREDENTIAL_HEADERS) delete kept[name];
  return kept;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
