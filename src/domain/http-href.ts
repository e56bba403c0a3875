/** The normalised href of an http(s) URL, or undefined for anything else: what chat renderers may turn into a link. */
export function httpHref(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}
