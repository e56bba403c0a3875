/**
 * Slack's message limits and the packing that keeps a rendering inside them: lines go into sections without ever
 * being split, prose is split on line, sentence or word boundaries, and every block's text is counted against one
 * budget. https://docs.slack.dev/reference/block-kit/blocks
 */
import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { plainSafe, truncateMrkdwn, truncatePlain } from './mrkdwn.ts';

/** A chat.postMessage / chat.update body's content. `text` is the notification and fallback text. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface Limits {
  maxBlocks: number;
  maxSectionChars: number;
  maxTotalChars: number;
}

export const DEFAULT_LIMITS: Limits = { maxBlocks: 50, maxSectionChars: 3000, maxTotalChars: 11_000 };
export const HEADER_CHARS = 150;
export const BUTTON_CHARS = 75;
export const BUTTON_URL_CHARS = 3000;
/** A message's `text`: Slack truncates at 40k, but it is what notifications show. */
export const FALLBACK_TEXT_CHARS = 3000;
/** Context elements are small print: keep them well under the 3,000 of a text object. */
export const CONTEXT_CHARS = 2000;

export function resolveLimits(options: Partial<Limits> = {}): Limits {
  return {
    maxBlocks: Math.min(DEFAULT_LIMITS.maxBlocks, Math.max(1, options.maxBlocks ?? DEFAULT_LIMITS.maxBlocks)),
    maxSectionChars: Math.min(3000, Math.max(40, options.maxSectionChars ?? DEFAULT_LIMITS.maxSectionChars)),
    maxTotalChars: Math.max(200, options.maxTotalChars ?? DEFAULT_LIMITS.maxTotalChars),
  };
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

export function context(text: string, max = CONTEXT_CHARS): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateMrkdwn(text, max) }] };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncatePlain(plainSafe(text), HEADER_CHARS), emoji: true } };
}

/** The characters a block shows: every `text` string in it (section, context elements, header, buttons). */
export function blockTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let sum = 0;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'text' && typeof inner === 'string') sum += inner.length;
    else sum += blockTextLength(inner);
  }
  return sum;
}

/** What is left to spend: blocks and characters. */
export interface Room {
  blocks: number;
  chars: number;
}

export interface Packed {
  blocks: SectionBlock[];
  chars: number;
  /** Items shown, in order (an item cut to fit a section counts, and sets `truncated`). */
  shown: number;
  /** True when an item was left out or cut. */
  truncated: boolean;
}

/**
 * Packs items (one line each, or phrases joined by ` · `) into sections under a bold heading, in order, stopping at
 * the first item that does not fit the room. An item longer than a whole section is cut, never carried over.
 */
export function packItems(heading: string, items: string[], separator: string, room: Room, maxSectionChars: number): Packed {
  const texts: string[] = [];
  let current = heading;
  let chars = 0;
  let shown = 0;
  let truncated = false;
  for (const raw of items) {
    // Whitespace that joins an item to the one before it has no place at the start of a section.
    const fresh = current === '' || current === heading;
    const body = fresh ? raw.trimStart() : raw;
    const lead = current === '' ? '' : current === heading ? '\n' : separator;
    if (current.length + lead.length + body.length <= maxSectionChars) {
      if (chars + current.length + lead.length + body.length > room.chars || texts.length + 1 > room.blocks) break;
      current += lead + body;
      shown++;
      continue;
    }
    // Start a new section; a heading with nothing under it yet moves along with the item it introduces.
    const closes = current !== '' && current !== heading;
    const prefix = closes || current === '' ? '' : `${heading}\n`;
    let item = raw.trimStart();
    if (prefix.length + item.length > maxSectionChars) {
      item = truncateMrkdwn(item, maxSectionChars - prefix.length);
      truncated = true;
    }
    const closedChars = chars + (closes ? current.length : 0);
    const closedBlocks = texts.length + (closes ? 1 : 0);
    if (closedChars + prefix.length + item.length > room.chars || closedBlocks + 1 > room.blocks) break;
    if (closes) texts.push(current);
    chars = closedChars;
    current = prefix + item;
    shown++;
  }
  if (shown < items.length) truncated = true;
  // A heading with nothing under it is not worth a block.
  if (current !== '' && current !== heading) {
    texts.push(current);
    chars += current.length;
  }
  return { blocks: texts.map(section), chars, shown, truncated };
}

/**
 * Splits prose into pieces of at most `max` characters: at a line end, else a sentence end, else a space. Each piece
 * after the first starts with what separated it from the one before (`\n`, a space, or nothing after a hard cut), so
 * packing them with an empty separator gives back the text.
 */
export function splitProse(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  let joiner = '';
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf('\n');
    if (cut < max * 0.5) {
      const sentence = Math.max(...['. ', '! ', '? ', '… ', '。'].map((end) => window.lastIndexOf(end)));
      cut = sentence >= max * 0.5 ? sentence + 1 : window.lastIndexOf(' ');
    }
    if (cut <= 0) {
      cut = max;
      // Never between `&` and `;` of an escaped character.
      const amp = rest.lastIndexOf('&', cut - 1);
      if (amp > 0 && amp > cut - 6 && !rest.slice(amp, cut).includes(';')) cut = amp;
    }
    pieces.push(joiner + rest.slice(0, cut).trimEnd());
    const after = rest.slice(cut);
    const space = /^\s*/.exec(after)?.[0] ?? '';
    joiner = space.includes('\n') ? '\n' : space ? ' ' : '';
    rest = after.slice(space.length);
  }
  if (rest) pieces.push(joiner + rest);
  return pieces;
}

export function totalTextLength(blocks: KnownBlock[]): number {
  return blockTextLength(blocks);
}
