/**
 * Discord's message limits, plain-JSON message shapes, and the packing that keeps a rendering inside the limits:
 * list lines go into embed fields without being split, and a last pass ({@link splitMessages}) splits whatever it is
 * given (long content, oversized embeds, too many fields or embeds) into messages Discord accepts, losing nothing.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import { escapeMarkdown, plainSafe, truncateEscaped } from './markdown.ts';

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: DiscordEmbedField[];
  footer?: { text: string };
}

/** A message body for POST /channels/{id}/messages, a webhook or an interaction response's `data`. */
export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
}

/** A file for the caller to upload with the message (multipart `files[n]`). */
export interface DiscordFile {
  filename: string;
  content: string;
}

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
} as const;

/** Recap's embed colour. */
export const RECAP_COLOR = 0x5865f2;
/** The name of a field that continues the one before it (Discord requires a name; this one shows nothing). */
export const BLANK = '\u200b';

/** What Discord counts towards the 6,000 characters of a message's embeds. */
export function embedLength(embed: DiscordEmbed): number {
  let sum = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  for (const field of embed.fields ?? []) sum += field.name.length + field.value.length;
  return sum;
}

export function embedsLength(embeds: DiscordEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

/** Every message carries `allowed_mentions: { parse: [] }`: nothing in it can ping anyone (D-17). */
export function message(content: string, embeds: DiscordEmbed[] = []): DiscordMessage {
  return { content, embeds, allowed_mentions: { parse: [] } };
}

/** Markdown that a line (or a message) must not start with once a split has put it there. */
const LINE_START_MARK = /^([#+-]|\d+\.)(?=\s|$)/;

/** True when `index` falls inside one of our `[label](<url>)` links. */
function insideLink(text: string, index: number): boolean {
  for (const match of text.matchAll(/\[[^\]\n]*\]\(<[^>\n]*>\)/g)) {
    if (index > match.index && index < match.index + match[0].length) return true;
  }
  return false;
}

/**
 * Splits escaped markdown into pieces of at most `max` characters: at a line end, else a space outside a link, else
 * anywhere (never between a backslash and what it escapes), whichever keeps the piece at least half full. The line breaks and spaces cut at are dropped; a piece
 * that would start with list or heading markdown gets it escaped.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  const room = Math.max(2, max - 1); // one character kept for an escape at the start of a piece
  while (rest.length > max) {
    const window = rest.slice(0, room + 1);
    // A break in the first half would waste the piece: past it, cut anywhere rather.
    const half = Math.floor(room / 2);
    let cut = window.lastIndexOf('\n');
    let skip = 1;
    if (cut < half) {
      cut = window.lastIndexOf(' ');
      while (cut >= half && insideLink(rest, cut)) cut = window.lastIndexOf(' ', cut - 1);
    }
    if (cut < half) {
      cut = room;
      skip = 0;
      const run = /\\+$/.exec(rest.slice(0, cut))?.[0].length ?? 0;
      if (run % 2 === 1) cut -= 1;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut + skip);
    // Markdown escapes punctuation only: \# and \- but 1\. (a backslash before a digit would show).
    if (LINE_START_MARK.test(rest)) rest = /^\d/.test(rest) ? rest.replace(/^(\d+)\./, '$1\\.') : `\\${rest}`;
  }
  if (rest) pieces.push(rest);
  return pieces.filter((piece) => piece.trim());
}

/** What is left to spend in an embed: characters (names and values) and fields. */
export interface Room {
  chars: number;
  fields: number;
}

export interface PackedFields {
  fields: DiscordEmbedField[];
  chars: number;
  /** Items shown, in order. */
  shown: number;
  /** True when an item was left out. */
  truncated: boolean;
}

/**
 * Packs items (one line each, or phrases joined by ` · `) into fields, in order: the first named `heading`, the rest
 * unnamed continuations, each value at most 1,024 characters. Stops at the first item that does not fit the room;
 * items are never split or cut here (callers keep each one under a field's limit).
 */
export function packFields(heading: string, items: string[], separator: string, room: Room): PackedFields {
  const fields: DiscordEmbedField[] = [];
  let chars = 0;
  let shown = 0;
  let current: DiscordEmbedField | undefined;
  for (const item of items) {
    if (current && current.value.length + separator.length + item.length <= LIMITS.fieldValue) {
      if (chars + separator.length + item.length > room.chars) break;
      current.value += separator + item;
      chars += separator.length + item.length;
      shown++;
      continue;
    }
    const name = current ? BLANK : heading;
    if (item.length > LIMITS.fieldValue || fields.length + 1 > room.fields || chars + name.length + item.length > room.chars) break;
    current = { name, value: item };
    fields.push(current);
    chars += name.length + item.length;
    shown++;
  }
  return { fields, chars, shown, truncated: shown < items.length };
}

/** The fields of an embed, each within Discord's limits: long values continue in unnamed fields. */
function fitFields(fields: DiscordEmbedField[]): DiscordEmbedField[] {
  return fields.flatMap((field) => {
    const name = truncateEscaped(field.name.trim() ? field.name : BLANK, LIMITS.fieldName);
    const values = splitText(field.value, LIMITS.fieldValue);
    if (values.length === 0) return [{ ...field, name, value: BLANK }];
    return values.map((value, i) => ({ ...field, name: i === 0 ? name : BLANK, value }));
  });
}

/**
 * One embed as one or more embeds that each keep Discord's limits: the title cut to 256, a long description continued
 * in further embeds, fields moved on at 25 or when the embed's characters run out, the footer on the last one.
 */
export function fitEmbed(embed: DiscordEmbed): DiscordEmbed[] {
  const base = embed.color !== undefined ? { color: embed.color } : {};
  const footer = embed.footer ? { text: truncatePlainText(embed.footer.text, LIMITS.footer) } : undefined;
  const out: DiscordEmbed[] = [];
  let current: DiscordEmbed = { ...base };
  if (embed.title) current.title = truncateEscaped(embed.title, LIMITS.title);
  if (embed.url) current.url = embed.url;
  splitText(embed.description ?? '', LIMITS.description).forEach((piece, i) => {
    if (i > 0) {
      out.push(current);
      current = { ...base };
    }
    current.description = piece;
  });
  for (const field of fitFields(embed.fields ?? [])) {
    const fields = current.fields ?? [];
    if (fields.length >= LIMITS.fields || embedLength(current) + field.name.length + field.value.length > LIMITS.embedTotal) {
      out.push(current);
      current = { ...base, fields: [field] };
      continue;
    }
    current.fields = [...fields, field];
  }
  if (footer) {
    if (embedLength(current) + footer.text.length > LIMITS.embedTotal) {
      out.push(current);
      current = { ...base };
    }
    current.footer = footer;
  }
  out.push(current);
  return out;
}

function truncatePlainText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Whatever content and embeds a reply needs, as messages Discord accepts: content split at 2,000 characters on line
 * boundaries, then the embeds (each fitted by {@link fitEmbed}) in order, at most 10 and 6,000 characters a message.
 * The first embeds share the message that carries the last piece of content, so the reading order is kept.
 */
export function splitMessages(content: string, embeds: DiscordEmbed[]): DiscordMessage[] {
  const messages = splitText(content, LIMITS.content).map((piece) => message(piece));
  let current = messages.at(-1);
  for (const embed of embeds.flatMap(fitEmbed)) {
    const length = embedLength(embed);
    if (!current || current.embeds.length >= LIMITS.embeds || embedsLength(current.embeds) + length > LIMITS.embedTotal) {
      current = message('');
      messages.push(current);
    }
    current.embeds.push(embed);
  }
  return messages.length ? messages : [message(escapeMarkdown('(nothing to show)'))];
}

/** Footer text: no markdown there, so mention syntax is broken without backslashes. */
export function footerText(text: string): { text: string } {
  return { text: truncatePlainText(plainSafe(text), LIMITS.footer) };
}
