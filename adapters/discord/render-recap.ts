/**
 * A recap as one Discord message, in the terminal's and Slack's order and wording: an embed "Recap of <source>" with
 * the summary as its description, then fields for Chapters, Key phrases, Highlights, Captions (links) and notes, and
 * the facts (duration · speakers · language) as its footer. What does not fit Discord's limits goes to `recap.md`;
 * the transcript always goes to `transcript.txt`. The files' text is the Slack adapter's (platform-neutral).
 */
import type { RecapReply } from '../../src/domain/reply.ts';
import { mediaTimeUrl } from '../shared/media-time-url.ts';
import { recapFacts, recapFile, transcriptFile } from '../shared/recap-files.ts';
import { attachedNotice, packListsFairly, recapListParts, type ListPacker, type ListStyle } from '../shared/recap-lists.ts';
import { bold, escapeMarkdown, linkTarget, maskedLink, oneLine, truncateEscaped } from './markdown.ts';
import {
  LIMITS,
  RECAP_COLOR,
  embedLength,
  footerText,
  packFields,
  splitMessages,
  type DiscordEmbed,
  type DiscordEmbedField,
  type DiscordFile,
  type DiscordMessage,
  type PackedFields,
  type Room,
} from './render-limits.ts';

/** However long the summary, the lists after it keep up to this share of the room (less if they need less). */
const LIST_SHARE = 0.4;
/** A media link longer than this is not worth its room in every chapter line: the time shows unlinked. */
const LINK_URL_CHARS = 300;
/** Caps on the user-derived parts of one list line, so every line fits a field (1,024) with room to spare. */
const TITLE_CHARS = 200;
const ABOUT_CHARS = 450;
const PHRASE_CHARS = 200;
const HIGHLIGHT_CHARS = 650;
const SOURCE_CHARS = 200;

export interface RenderedRecap {
  messages: DiscordMessage[];
  files: DiscordFile[];
}

/** The Slack adapter's files (recap.md, transcript.txt, …) are plain text, not mrkdwn: the same content serves here. */
export function discordFile(file: { filename: string; content: string }): DiscordFile {
  return { filename: file.filename, content: file.content };
}

/** Inline text from a transcript or a provider: one line, escaped, cut to `max`. */
function inline(text: string, max: number): string {
  return truncateEscaped(escapeMarkdown(oneLine(text)), max);
}

/** `[mm:ss](<url#t=SECONDS>)` when the reply has a media link (YouTube gets `t=`), else the plain time. */
function timeLink(reply: RecapReply, startMs: number, label: string): string {
  const url = reply.mediaUrl ? mediaTimeUrl(reply.mediaUrl, startMs) : undefined;
  const target = url === undefined ? undefined : linkTarget(url);
  return target && target.length <= LINK_URL_CHARS ? maskedLink(target, label) : label;
}

/** Caps on the user-derived parts of one list line, so every line fits a field (1,024) with room to spare. */
const PART_CHARS = { title: TITLE_CHARS, about: ABOUT_CHARS, phrase: PHRASE_CHARS, highlight: HIGHLIGHT_CHARS } as const;

/** Discord's way of writing list lines: plain field names as headings, escaped text, masked time links. */
const DISCORD_LIST_STYLE: ListStyle = {
  heading: (text) => text,
  text: (text, part) => inline(text, PART_CHARS[part]),
  bold,
  time: timeLink,
};

/** `[VTT](<url>) · [SRT](<url>) · [TXT](<url>)`: Recap's own links, one per format, http(s) only. */
function captionsField(reply: RecapReply): { fields: DiscordEmbedField[]; complete: boolean } {
  const captions = reply.recap.captions;
  if (!captions || captions.length === 0) return { fields: [], complete: true };
  const seen = new Set<string>();
  const links: string[] = [];
  for (const caption of captions) {
    const target = linkTarget(caption.url);
    if (seen.has(caption.format) || !target) continue;
    const next = maskedLink(target, caption.format.toUpperCase());
    if ([...links, next].join(' · ').length > LIMITS.fieldValue) continue;
    seen.add(caption.format);
    links.push(next);
  }
  if (links.length === 0) return { fields: [], complete: false };
  return { fields: [{ name: 'Captions', value: links.join(' · ') }], complete: links.length === captions.length };
}

function notesField(reply: RecapReply): { fields: DiscordEmbedField[]; complete: boolean } {
  const notes = reply.notes ?? [];
  if (notes.length === 0) return { fields: [], complete: true };
  const full = notes.map((note) => escapeMarkdown(oneLine(note))).join('\n');
  const value = truncateEscaped(full, LIMITS.fieldValue);
  return { fields: [{ name: notes.length === 1 ? 'Note' : 'Notes', value }], complete: value === full };
}

const DISCORD_PACKER: ListPacker<PackedFields> = {
  pack: (part, room) => packFields(part.heading, part.items, part.separator, { chars: room.chars, fields: room.units }),
  used: (packed) => ({ chars: packed.chars, units: packed.fields.length }),
  truncated: (packed) => packed.truncated,
};

export function renderRecapEmbeds(reply: RecapReply): RenderedRecap {
  const embed: DiscordEmbed = { title: `Recap of ${inline(reply.source, SOURCE_CHARS)}`, color: RECAP_COLOR };
  const url = reply.mediaUrl ? linkTarget(reply.mediaUrl) : undefined;
  if (url) embed.url = url;
  const facts = recapFacts(reply);
  if (facts.length) embed.footer = footerText(facts.join(' · '));

  const cut: string[] = [];
  const captions = captionsField(reply);
  if (!captions.complete) cut.push('captions');
  const notes = notesField(reply);
  if (!notes.complete) cut.push('notes');
  const tail = [...captions.fields, ...notes.fields];

  let room: Room = {
    chars: LIMITS.embedTotal - embedLength({ ...embed, fields: tail }),
    fields: LIMITS.fields - tail.length,
  };
  const parts = recapListParts(reply, DISCORD_LIST_STYLE);
  const unlimited = { chars: Number.POSITIVE_INFINITY, units: Number.POSITIVE_INFINITY };
  const listNeed = parts.map((p) => DISCORD_PACKER.used(DISCORD_PACKER.pack(p, unlimited))).reduce((sum, n) => sum + n.chars, 0);

  const summaryText = reply.recap.summary ? reply.recap.summary.text.trim() || '(nothing to summarise)' : undefined;
  if (summaryText !== undefined) {
    const max = Math.min(LIMITS.description, room.chars - Math.min(listNeed, Math.floor(room.chars * LIST_SHARE)));
    const full = escapeMarkdown(summaryText);
    const description = truncateEscaped(full, Math.max(0, max));
    if (description !== full) cut.push('summary');
    if (description) embed.description = description;
    room = { ...room, chars: room.chars - description.length };
  }

  const lists = packListsFairly(parts, { chars: room.chars, units: room.fields }, DISCORD_PACKER);
  lists.forEach((packed, i) => {
    if (packed.truncated) cut.push(parts[i]?.name ?? 'recap');
  });
  const fields = [...lists.flatMap((p) => p.fields), ...tail];
  if (fields.length) embed.fields = fields;

  const files: DiscordFile[] = [];
  if (cut.length) files.push(discordFile(recapFile(reply)));
  if (reply.transcript) files.push(discordFile(transcriptFile({ ...reply, transcript: reply.transcript })));
  const content = files.length ? `-# ${attachedNotice(cut, Boolean(reply.transcript), files.length)}` : '';
  return { messages: splitMessages(content, [embed]), files };
}
