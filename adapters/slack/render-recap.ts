/**
 * A recap as Block Kit, in the terminal's order and wording: header and facts, Summary, Chapters, Key phrases,
 * Highlights, Captions (link buttons), notes. What does not fit Slack's limits goes to `recap.md`; the transcript
 * always goes to `transcript.txt`.
 */
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { RecapReply } from '../../src/domain/reply.ts';
import { mediaTimeUrl } from '../shared/media-time-url.ts';
import { bold, escapeMrkdwn, link, oneLine, truncateMrkdwn } from './mrkdwn.ts';
import { recapFacts, recapFile, transcriptFile, type ReplyFile } from '../shared/recap-files.ts';
import { attachedNotice, packListsFairly, recapListParts, type ListPacker, type ListStyle } from '../shared/recap-lists.ts';
import {
  BUTTON_CHARS,
  BUTTON_URL_CHARS,
  CONTEXT_CHARS,
  blockTextLength,
  context,
  header,
  packItems,
  section,
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

export interface RenderedRecap {
  text: string;
  blocks: KnownBlock[];
  files: ReplyFile[];
}

function timeLink(reply: RecapReply, startMs: number, label: string): string {
  return link(reply.mediaUrl ? mediaTimeUrl(reply.mediaUrl, startMs) : undefined, label);
}

/** Slack's way of writing list lines: mrkdwn bold headings, escaped text, times linked to the media. */
const SLACK_LIST_STYLE: ListStyle = {
  heading: (text) => `*${text}*`,
  text: (text) => escapeMrkdwn(oneLine(text)),
  bold,
  time: timeLink,
};

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

function slackPacker(limits: Limits): ListPacker<Packed> {
  return {
    pack: (part, room) => packItems(part.heading, part.items, part.separator, { blocks: room.units, chars: room.chars }, limits.maxSectionChars),
    used: (packed) => ({ chars: packed.chars, units: packed.blocks.length }),
    truncated: (packed) => packed.truncated,
  };
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
  const parts = recapListParts(reply, SLACK_LIST_STYLE);
  const packer = slackPacker(limits);
  const unlimited = { units: Number.POSITIVE_INFINITY, chars: Number.POSITIVE_INFINITY };
  const listNeed = parts.map((p) => packer.used(packer.pack(p, unlimited))).reduce((sum, n) => ({ blocks: sum.blocks + n.units, chars: sum.chars + n.chars }), { blocks: 0, chars: 0 });

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

  const lists = packListsFairly(parts, { chars: room.chars, units: room.blocks }, packer);
  lists.forEach((packed, i) => {
    if (packed.truncated) cut.push(parts[i]?.name ?? 'recap');
  });

  const files: ReplyFile[] = [];
  if (cut.length) files.push(recapFile(reply));
  if (reply.transcript) files.push(transcriptFile({ ...reply, transcript: reply.transcript }));
  const notice = files.length ? [context(attachedNotice(cut, Boolean(reply.transcript), files.length), NOTICE_ROOM.chars)] : [];

  const blocks: KnownBlock[] = [...head, ...summary, ...lists.flatMap((p) => p.blocks), ...notice, ...tail];
  const lead = `Recap of ${escapeMrkdwn(reply.source)}`;
  const text = summaryText ? `${lead}: ${truncateMrkdwn(escapeMrkdwn(oneLine(summaryText)), 300)}` : lead;
  return { text: truncateMrkdwn(text, 500), blocks, files };
}
