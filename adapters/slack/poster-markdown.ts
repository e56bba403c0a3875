/**
 * Block Kit → Markdown, for the `recap.md` file the poster uploads when Slack refuses a message's blocks (SO-3):
 * headers become `#` lines, sections and context their text (with fields and link buttons), dividers `---`.
 * Slack mrkdwn is turned into Markdown: `<url|label>` → `[label](url)`, `*bold*` → `**bold**`, `~x~` → `~~x~~`,
 * and `&amp;` `&lt;` `&gt;` back into characters (a file is not mrkdwn, nothing in it can ping anyone).
 */
import type { KnownBlock } from '@slack/types';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function mrkdwnToMarkdown(text: string): string {
  return text
    .replace(/<(https?:\/\/[^|>\s]+)\|([^>]+)>/g, '[$2]($1)')
    .replace(/<(https?:\/\/[^|>\s]+)>/g, '$1')
    .replace(/<mailto:([^|>\s]+)\|([^>]+)>/g, '[$2](mailto:$1)')
    .replace(/(^|[\s(>])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s).,:;!?])/gm, '$1**$2**')
    .replace(/(^|[\s(>])~(?=\S)([^~\n]*?\S)~(?=$|[\s).,:;!?])/gm, '$1~~$2~~')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function textObject(value: unknown): string | undefined {
  if (!isObject(value) || typeof value.text !== 'string') return undefined;
  return value.type === 'mrkdwn' ? mrkdwnToMarkdown(value.text) : value.text;
}

/** Text inside rich_text and anything else unknown: every `text` string, in order. */
function allText(value: unknown): string {
  if (Array.isArray(value)) return value.map(allText).join('');
  if (!isObject(value)) return '';
  if (typeof value.text === 'string') return value.text;
  if (value.type === 'link' && typeof value.url === 'string') return value.url;
  return Object.values(value).map(allText).join('');
}

function linkButton(element: unknown): string | undefined {
  if (!isObject(element) || typeof element.url !== 'string') return undefined;
  return `[${textObject(element.text) ?? element.url}](${element.url})`;
}

function blockToMarkdown(block: Json): string | undefined {
  switch (block.type) {
    case 'header': {
      const text = textObject(block.text);
      return text ? `# ${text}` : undefined;
    }
    case 'section': {
      const parts = [textObject(block.text), ...(Array.isArray(block.fields) ? block.fields.map(textObject) : []), linkButton(block.accessory)];
      const text = parts.filter((p): p is string => Boolean(p)).join('\n');
      return text || undefined;
    }
    case 'context': {
      const parts = Array.isArray(block.elements) ? block.elements.map(textObject).filter((p): p is string => Boolean(p)) : [];
      return parts.length ? `_${parts.join(' · ')}_` : undefined;
    }
    case 'divider':
      return '---';
    case 'markdown':
      return typeof block.text === 'string' ? block.text : undefined;
    case 'image':
      return typeof block.image_url === 'string' ? `![${typeof block.alt_text === 'string' ? block.alt_text : ''}](${block.image_url})` : undefined;
    case 'actions': {
      const links = Array.isArray(block.elements) ? block.elements.map(linkButton).filter((p): p is string => Boolean(p)) : [];
      return links.length ? links.join(' · ') : undefined;
    }
    default: {
      const text = allText(block.elements ?? block.text ?? '');
      return text.trim() ? text : undefined;
    }
  }
}

/** The blocks as a Markdown document (one paragraph per block), ending in a newline. */
export function blocksToMarkdown(blocks: readonly KnownBlock[]): string {
  const parts = blocks.map((block) => (isObject(block) ? blockToMarkdown(block as unknown as Json) : undefined)).filter((p): p is string => Boolean(p));
  return `${parts.join('\n\n')}\n`;
}
