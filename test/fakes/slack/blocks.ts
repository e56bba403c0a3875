/**
 * The Block Kit checks the fake Slack applies to chat.postMessage / chat.update / chat.postEphemeral, so a renderer
 * that breaks a limit is refused here as it would be by Slack:
 * - documented limits → `invalid_blocks`: at most 50 blocks; section text 1–3,000 characters, at most 10 fields of
 *   ≤ 2,000; header plain_text ≤ 150; context 1–10 elements; actions ≤ 25 elements, button text ≤ 75 and url
 *   ≤ 3,000; markdown block ≤ 12,000; only known block types.
 * - not an array / not JSON → `invalid_blocks_format`.
 * - undocumented, observed (slackapi/bolt-js#2509: refused from about 13,200 characters of block text in all) →
 *   `msg_blocks_too_long` above {@link MAX_TOTAL_BLOCK_TEXT}.
 * - `text` over 40,000 characters → `msg_too_long`.
 */

export const MAX_BLOCKS = 50;
export const MAX_TOTAL_BLOCK_TEXT = 13_000;
export const MAX_MESSAGE_TEXT = 40_000;

const KNOWN_TYPES = new Set([
  'section',
  'header',
  'divider',
  'context',
  'image',
  'actions',
  'rich_text',
  'markdown',
  'file',
  'input',
  'video',
  'table',
]);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function textOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.text === 'string' ? value.text : undefined;
}

/** Every `text` string inside the blocks, summed (how the total limit is counted here). */
export function blockTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item), 0);
  if (!isObject(value)) return 0;
  let total = 0;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'text' && typeof inner === 'string') total += inner.length;
    else total += blockTextLength(inner);
  }
  return total;
}

function blockError(block: unknown): string | undefined {
  if (!isObject(block) || typeof block.type !== 'string' || !KNOWN_TYPES.has(block.type)) return 'invalid_blocks';
  switch (block.type) {
    case 'section': {
      const text = textOf(block.text);
      const fields = block.fields;
      if (text === undefined && !Array.isArray(fields)) return 'invalid_blocks';
      if (text !== undefined && (text.length === 0 || text.length > 3000)) return 'invalid_blocks';
      if (Array.isArray(fields) && (fields.length > 10 || fields.some((f) => (textOf(f)?.length ?? 0) > 2000))) return 'invalid_blocks';
      return undefined;
    }
    case 'header': {
      const text = textOf(block.text);
      return text && text.length <= 150 && isObject(block.text) && block.text.type === 'plain_text' ? undefined : 'invalid_blocks';
    }
    case 'context':
      return Array.isArray(block.elements) && block.elements.length >= 1 && block.elements.length <= 10 ? undefined : 'invalid_blocks';
    case 'actions': {
      if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25) return 'invalid_blocks';
      for (const element of block.elements) {
        if (!isObject(element)) return 'invalid_blocks';
        if (element.type === 'button') {
          if ((textOf(element.text)?.length ?? 0) > 75) return 'invalid_blocks';
          if (typeof element.url === 'string' && element.url.length > 3000) return 'invalid_blocks';
        }
      }
      return undefined;
    }
    case 'markdown':
      return typeof block.text === 'string' && block.text.length <= 12_000 ? undefined : 'invalid_blocks';
    default:
      return undefined;
  }
}

/** The Slack error for a message's `blocks` and `text`, or undefined when Slack would take it. */
export function messageError(blocks: unknown, text: unknown): string | undefined {
  if (typeof text === 'string' && text.length > MAX_MESSAGE_TEXT) return 'msg_too_long';
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > MAX_BLOCKS) return 'invalid_blocks';
  for (const block of blocks) {
    const error = blockError(block);
    if (error) return error;
  }
  if (blockTextLength(blocks) > MAX_TOTAL_BLOCK_TEXT) return 'msg_blocks_too_long';
  return undefined;
}
