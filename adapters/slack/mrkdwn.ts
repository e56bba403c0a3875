/**
 * Slack mrkdwn helpers: escaping user-derived text so it renders as written and never pings anyone, bold and links
 * that survive odd input, and cutting text without breaking an entity or a link.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
import { httpHref } from '../../src/domain/http-href.ts';

/** Word joiner: invisible, keeps `@channel` from being read as a broadcast if a caller ever turns on link_names. */
const JOINER = '\u2060';
/** Zero-width space: keeps `<!here>` / `<@U…>` in plain_text objects from reading as a mention. */
const ZWSP = '\u200b';

const BROADCAST = /@(channel|here|everyone)\b/gi;

/**
 * Escapes `&`, `<` and `>` so Slack shows them literally: `<!channel>`, `<@U123>`, `<#C1>` and `<https://x|y>` in a
 * transcript become inert text. Bare `@channel` / `@here` / `@everyone` get an invisible joiner as well.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, `@${JOINER}$1`);
}

/** For plain_text objects (header, buttons): Slack does not decode entities there, so break mention syntax instead. */
export function plainSafe(text: string): string {
  return text.replace(/<(?=[!@#])/g, `<${ZWSP}`).replace(BROADCAST, `@${JOINER}$1`);
}

/** Folds newlines and runs of spaces: chapter summaries and moments are one line each. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Bold escaped text. Slack has no escape for `*`, so a star inside would end the bold early: use a lookalike. */
export function bold(escaped: string): string {
  const inner = escaped.replace(/\*/g, '∗').trim();
  return inner ? `*${inner}*` : '';
}

/** `<url|label>` for an http(s) URL, or just the label when the URL is not one Slack should link. */
export function link(url: string | undefined, label: string): string {
  const safe = url === undefined ? undefined : linkTarget(url);
  return safe ? `<${safe}|${label}>` : label;
}

/** A URL as it may appear inside `<…|…>`: http(s) only, `|` `<` `>` percent-encoded, `&` escaped. */
export function linkTarget(url: string): string | undefined {
  const href = httpHref(url);
  if (href === undefined) return undefined;
  return href
    .replace(/\|/g, '%7C')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/&/g, '&amp;');
}


/**
 * Cuts mrkdwn to at most `max` characters, ending in `…`, at a word boundary when one is near, never inside an
 * `&amp;`-style entity or an unclosed `<…>` link.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.7) cut = cut.slice(0, space);
  cut = cut.replace(/&[a-z]*$/, '');
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  const stars = (cut.match(/\*/g) ?? []).length;
  if (stars % 2 === 1) cut = cut.replace(/\*(?=[^*]*$)/, '');
  return `${cut.trimEnd()}…`;
}

/** Cuts plain text to at most `max` characters, ending in `…`. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
