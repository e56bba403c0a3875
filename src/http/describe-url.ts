/** Paths longer than this are shortened in messages; some hosts put whole documents in the path. */
const MAX_PATH_CHARS = 120;

/**
 * Renders a URL for error messages and logs as origin + path only.
 *
 * Query strings and fragments are dropped because shared links routinely carry signed tokens there
 * (S3 `X-Amz-Signature`, Google Drive `resourcekey`, Zoom `pwd`); user names and passwords are dropped
 * because `URL.origin` never includes them. A `?…` marker shows that something was elided, so a reader
 * does not mistake the shortened link for the one that failed. Never throws.
 */
export function describeUrlForLog(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return '(not a valid URL)';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    // Origins of other schemes are "null" and their "path" can be the payload itself (data:, javascript:).
    return `(a ${parsed.protocol} URL)`;
  }
  let path = parsed.pathname;
  if (path.length > MAX_PATH_CHARS) path = `${path.slice(0, MAX_PATH_CHARS)}…`;
  const elided = parsed.search !== '' || parsed.hash !== '' ? '?…' : '';
  return `${parsed.origin}${path}${elided}`;
}
