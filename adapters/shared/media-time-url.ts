/** Links into a recording at a moment, for chapter and highlight times on every chat surface. */
const YOUTUBE_HOSTS = /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$/i;

/**
 * The media link at a moment: `#t=SECONDS` (W3C media fragments, honoured by browsers' players), or `?t=` / `&t=` for
 * YouTube, which ignores fragments. Undefined when the link is not http(s). Recap's own `/media/<token>` links
 * redirect to the provider's current URL; browsers carry the fragment across that redirect, so `#t=` still works.
 */
export function mediaTimeUrl(mediaUrl: string, startMs: number): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(mediaUrl);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const seconds = Math.max(0, Math.floor(startMs / 1000));
  parsed.hash = '';
  const base = parsed.href.replace(/#$/, '');
  if (!YOUTUBE_HOSTS.test(parsed.hostname)) return `${base}#t=${seconds}`;
  const withoutT = base.replace(/([?&])t=[^&]*(&|$)/, (_m, lead: string, tail: string) => (tail ? lead : ''));
  return `${withoutT}${withoutT.includes('?') ? '&' : '?'}t=${seconds}`;
}
