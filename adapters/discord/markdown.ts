/**
 * Discord markdown helpers: escaping user-derived text (transcripts, file names, queries) so it renders as written,
 * never pings anyone and never turns into a mention, a link or formatting; masked links to the media; cutting escaped
 * text without leaving a dangling escape. `allowed_mentions: { parse: [] }` on every message is the real guard
 * against pings (D-17); this keeps mention syntax from even rendering as a mention.
 * https://support.discord.com/hc/en-us/articles/210298617-Markdown-Text-101-Chat-Formatting-Bold-Italic-Underline
 */
import { httpHref } from '../../src/domain/http-href.ts';

/** Zero-width space: breaks `@everyone` and `<@…>` where a backslash would show (footers) or as a second guard. */
const ZWSP = '\u200b';

const BROADCAST = /@(everyone|here)\b/gi;
/** Mention-like syntax: users `<@1>` `<@!1>`, roles `<@&1>`, channels `<#1>`, commands `</x:1>`, emoji, timestamps. */
const MENTION_OPENER = /<(?=[@#/:]|a:|t:|id:)/g;

/**
 * Escapes text for a message's content, an embed's title, description or field: every markdown character gets a
 * backslash (`\* \_ \~ \` \| \[ \] \< \> \\`), line-start headings, lists and quotes are escaped, `://` loses its
 * autolink, and mentions are broken with a zero-width space after the escaped `<` or `@`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<>]/g, '\\$&')
    .replace(/^([ \t]*)([#+-]|\d+\.)(?=[ \t#]|$)/gm, (_m, space: string, mark: string) =>
      /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`,
    )
    .replace(/:\/\//g, '\\://')
    .replace(/\\<(?=[@#/:]|a:|t:|id:)/g, `\\<${ZWSP}`)
    .replace(BROADCAST, `@${ZWSP}$1`);
}

/** For places without markdown (embed footers): no backslashes, which would show; only mention syntax is broken. */
export function plainSafe(text: string): string {
  return text.replace(MENTION_OPENER, `<${ZWSP}`).replace(BROADCAST, `@${ZWSP}$1`);
}

/** Folds newlines and runs of spaces: titles, chapter summaries and moments are one line each. */
export { oneLine } from '../slack/mrkdwn.ts';

/** Bold escaped text (its stars are already escaped, so they cannot end the bold early). */
export function bold(escaped: string): string {
  const inner = escaped.trim();
  return inner ? `**${inner}**` : '';
}

/**
 * A URL as it may appear in `[label](<url>)`: http(s) only, at most 2,048 characters (what Discord accepts for an
 * embed's url), with the characters that could end the link early percent-encoded.
 */
export function linkTarget(url: string): string | undefined {
  const href = httpHref(url);
  if (href === undefined) return undefined;
  const safe = href.replace(/[()<>\s`'"\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return safe.length <= 2048 ? safe : undefined;
}

/** `[label](<url>)` (the angle brackets keep content links from unfurling), or just the label for an unusable URL. */
export function maskedLink(url: string | undefined, label: string): string {
  const target = url === undefined ? undefined : linkTarget(url);
  return target ? `[${label}](<${target}>)` : label;
}

/** Cuts off a trailing backslash that would escape whatever follows (an odd run at the end is an unfinished escape). */
function dropDanglingEscape(text: string): string {
  const run = /\\+$/.exec(text)?.[0].length ?? 0;
  return run % 2 === 1 ? text.slice(0, -1) : text;
}

/**
 * Cuts escaped text (no links in it) to at most `max` characters, ending in `…`: at a sentence end or a word boundary
 * when one is near, never between a backslash and the character it escapes.
 */
export function truncateEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let cut = text.slice(0, max - 1);
  const sentence = Math.max(...['. ', '! ', '? ', '… ', '。'].map((end) => cut.lastIndexOf(end)));
  const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
  if (sentence >= cut.length * 0.8) cut = cut.slice(0, sentence + 1);
  else if (space > cut.length * 0.7) cut = cut.slice(0, space);
  return `${dropDanglingEscape(cut.trimEnd())}…`;
}

/** A code span for text that must read literally (a usage line): a backtick would end it early, so use a lookalike. */
export function codeSpan(text: string): string {
  const inner = text.replace(/`/g, 'ˋ').trim();
  return inner ? `\`${inner}\`` : '';
}
