/**
 * A recap as Block Kit, in the terminal's order and wording: header and facts, Summary, Chapters, Key phrases,
 * Highlights, Captions (link buttons), notes. What does not fit Slack's limits goes to `recap.md`; the transcript
 * always goes to `transcript.txt`.
 */
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { RecapReply } from '../../src/domain/reply.ts';
import { formatClock } from '../../src/domain/time.ts';
import { bold, escapeMrkdwn, link, mediaTimeUrl, oneLine, truncateMrkdwn } from './mrkdwn.ts';
import { highlightsSeconds, recapFacts, recapFile, span, transcriptFile, type SlackFile } from './render-files.ts';
import {
  BUTTON_CHARS,
  BUTTON_URL_CHARS,
  CONTEXT_CHARS,
  blockTextLength,
  context,
  header,
  packItems,
  section,
  shareOut,
  splitProse,
  type Limits,
  type Packed,
  type Room,
} from './render-limits.ts';

/** Room kept for the "Full … attached as files" line. */
const NOTICE_ROOM: Room = { blocks: 1, chars: 120 };
/** Summary pieces are packed a sentence or so at a time, so a cut summary still fills its room. */
const SUMMARY_PIECE_CHARS = 400;
/** However long the summary, the lists after it keep up to this share of the room (less if they need less). */
const LIST_SHARE = 0.4;

interface ListPart {
  name: string;
  heading: string;
  items: string[];
  separator: string;
}

export interface RenderedRecap {
  text: string;
  blocks: KnownBlock[];
  files: SlackFile[];
}

function timeLink(reply: RecapReply, startMs: number, label: string): string {
  return link(reply.mediaUrl ? mediaTimeUrl(reply.mediaUrl, startMs) : undefined, label);
}

function listParts(reply: RecapReply): ListPart[] {
  const { recap } = reply;
  const parts: ListPart[] = [];
  if (recap.chapters) {
    const items = recap.chapters.map((chapter) => {
      const time = chapter.startMs === undefined ? '•' : timeLink(reply, chapter.startMs, formatClock(chapter.startMs));
      const about = chapter.summary ? ` — ${escapeMrkdwn(oneLine(chapter.summary))}` : '';
      return `${time}  ${bold(escapeMrkdwn(oneLine(chapter.title)))}${about}`;
    });
    parts.push({ name: 'chapters', heading: '*Chapters*', items: items.length ? items : ['(none found)'], separator: '\n' });
  }
  if (recap.keyPhrases) {
    const items = recap.keyPhrases.map((phrase) => `${escapeMrkdwn(oneLine(phrase.text))} ×${phrase.count}`);
    parts.push({ name: 'key phrases', heading: '*Key phrases*', items: items.length ? items : ['(none found)'], separator: ' · ' });
  }
  if (recap.highlights) {
    const items = recap.highlights.map(
      (h) => `${timeLink(reply, h.startMs, span(h.startMs, h.endMs))}  “${escapeMrkdwn(oneLine(h.text))}”`,
    );
    parts.push({
      name: 'highlights',
      heading: `*Highlights (${highlightsSeconds(reply)} s)*`,
      items: items.length ? items : ['(none: highlights need a timed transcript)'],
      separator: '\n',
    });
  }
  return parts;
}

/** The caption buttons: Recap's own links, one per format, http(s) and short enough for a button. */
function captionBlocks(reply: RecapReply): { blocks: KnownBlock[]; complete: boolean } {
  const captions = reply.recap.captions;
  if (!captions || captions.length === 0) return { blocks: [], complete: true };
  const seen = new Set<string>();
  const buttons: Button[] = [];
  for (const caption of captions) {
    if (seen.has(caption.format) || !/^https?:\/\//i.test(caption.url) || caption.url.length > BUTTON_URL_CHARS) continue;
    seen.add(caption.format);
    buttons.push({
      type: 'button',
      text: { type: 'plain_text', text: caption.format.toUpperCase().slice(0, BUTTON_CHARS) },
      url: caption.url,
      action_id: `recap_caption_${caption.format}`,
    });
  }
  if (buttons.length === 0) return { blocks: [], complete: false };
  const actions: ActionsBlock = { type: 'actions', elements: buttons };
  return { blocks: [section('*Captions*'), actions], complete: buttons.length === captions.length };
}

function sum(packed: Packed[]): Room {
  return packed.reduce((room, p) => ({ blocks: room.blocks + p.blocks.length, chars: room.chars + p.chars }), { blocks: 0, chars: 0 });
}

/** Packs the lists into the room, sharing it fairly, then gives what a list left unused to the ones that were cut. */
function packLists(parts: ListPart[], room: Room, limits: Limits): Packed[] {
  const unlimited = { blocks: Number.POSITIVE_INFINITY, chars: Number.POSITIVE_INFINITY };
  const full = parts.map((p) => packItems(p.heading, p.items, p.separator, unlimited, limits.maxSectionChars));
  const chars = shareOut(full.map((p) => p.chars), room.chars);
  const blocks = shareOut(full.map((p) => p.blocks.length), room.blocks);
  const packed = parts.map((p, i) =>
    packItems(p.heading, p.items, p.separator, { chars: chars[i] ?? 0, blocks: blocks[i] ?? 0 }, limits.maxSectionChars),
  );
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const current = packed[i];
    if (!part || !current?.truncated) continue;
    const used = sum(packed);
    const widened = { chars: current.chars + room.chars - used.chars, blocks: current.blocks.length + room.blocks - used.blocks };
    packed[i] = packItems(part.heading, part.items, part.separator, widened, limits.maxSectionChars);
  }
  return packed;
}

function noticeText(cut: string[], transcript: boolean, fileCount: number): string {
  const what = transcript ? [...cut, 'transcript'] : cut;
  const listed = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1)}` : (what[0] ?? 'recap');
  return `Full ${listed} attached as ${fileCount > 1 ? 'files' : 'a file'}`;
}

export function renderRecapBlocks(reply: RecapReply, limits: Limits): RenderedRecap {
  const facts = recapFacts(reply);
  const head: KnownBlock[] = [header(`Recap of ${reply.source}`)];
  if (facts.length) head.push(context(escapeMrkdwn(facts.join(' · '))));

  const cut: string[] = [];
  const captions = captionBlocks(reply);
  if (!captions.complete) cut.push('captions');
  const tail: KnownBlock[] = [...captions.blocks];
  const notes = reply.notes ?? [];
  if (notes.length) {
    const text = notes.map((note) => `Note: ${escapeMrkdwn(oneLine(note))}`).join('\n');
    const max = Math.min(CONTEXT_CHARS, limits.maxSectionChars);
    if (text.length > max) cut.push('notes');
    tail.push(context(text, max));
  }

  let room: Room = {
    blocks: limits.maxBlocks - head.length - tail.length - NOTICE_ROOM.blocks,
    chars: limits.maxTotalChars - blockTextLength(head) - blockTextLength(tail) - NOTICE_ROOM.chars,
  };
  const parts = listParts(reply);
  const unlimited = { blocks: Number.POSITIVE_INFINITY, chars: Number.POSITIVE_INFINITY };
  const listNeed = sum(parts.map((p) => packItems(p.heading, p.items, p.separator, unlimited, limits.maxSectionChars)));

  let summary: SectionBlock[] = [];
  const summaryText = reply.recap.summary ? reply.recap.summary.text || '(nothing to summarise)' : undefined;
  if (summaryText !== undefined) {
    const summaryRoom = {
      blocks: room.blocks - Math.min(listNeed.blocks, Math.floor(room.blocks * LIST_SHARE)),
      chars: room.chars - Math.min(listNeed.chars, Math.floor(room.chars * LIST_SHARE)) - 2, // 2 for ' …'
    };
    const pieceChars = Math.min(SUMMARY_PIECE_CHARS, limits.maxSectionChars - 12);
    const pieces = splitProse(escapeMrkdwn(summaryText), pieceChars);
    const packed = packItems('*Summary*', pieces, '', summaryRoom, limits.maxSectionChars);
    summary = packed.blocks;
    if (packed.truncated) {
      cut.push('summary');
      const last = summary.at(-1);
      if (last?.text && last.text.text.length + 2 <= limits.maxSectionChars) last.text.text += ' …';
    }
    room = { blocks: room.blocks - summary.length, chars: room.chars - blockTextLength(summary) };
  }

  const lists = packLists(parts, room, limits);
  lists.forEach((packed, i) => {
    if (packed.truncated) cut.push(parts[i]?.name ?? 'recap');
  });

  const files: SlackFile[] = [];
  if (cut.length) files.push(recapFile(reply));
  if (reply.transcript) files.push(transcriptFile({ ...reply, transcript: reply.transcript }));
  const notice = files.length ? [context(noticeText(cut, Boolean(reply.transcript), files.length), NOTICE_ROOM.chars)] : [];

  const blocks: KnownBlock[] = [...head, ...summary, ...lists.flatMap((p) => p.blocks), ...notice, ...tail];
  const lead = `Recap of ${escapeMrkdwn(reply.source)}`;
  const text = summaryText ? `${lead}: ${truncateMrkdwn(escapeMrkdwn(oneLine(summaryText)), 300)}` : lead;
  return { text: truncateMrkdwn(text, 500), blocks, files };
}
