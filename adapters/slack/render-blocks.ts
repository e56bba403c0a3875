/**
 * Renders a command's Reply as a Slack message within Slack's limits (50 blocks, 3,000 characters a section, about
 * 11,000 characters of block text in all): what does not fit, and any transcript, goes in files the caller uploads
 * with files.uploadV2 in the same thread. Sections and wording mirror the terminal rendering (adapters/shell).
 */
import type { KnownBlock } from '@slack/types';
import type { Reply, SearchReply, TextReply } from '../../src/domain/reply.ts';
import { formatClock } from '../../src/domain/time.ts';
import { bold, escapeMrkdwn, oneLine, truncateMrkdwn } from './mrkdwn.ts';
import { renderErrorMessage } from './render-error.ts';
import { searchFile, textFile, type ReplyFile } from '../shared/recap-files.ts';
import { FALLBACK_TEXT_CHARS, context, packItems, resolveLimits, section, type Limits, type SlackMessage } from './render-limits.ts';
import { renderRecapBlocks } from './render-recap.ts';

export type { ReplyFile } from '../shared/recap-files.ts';
export type { SlackMessage } from './render-limits.ts';
export { errorMrkdwn } from './render-error.ts';
export { renderStatus, type JobStage } from './render-status.ts';
export { renderReplyFiles, renderTextOnly } from './render-fallback.ts';

export interface RenderedReply {
  message: SlackMessage;
  files: ReplyFile[];
}

export interface RenderOptions {
  maxBlocks?: number;
  maxSectionChars?: number;
  maxTotalChars?: number;
}

/** Room kept for the line that points to the attached file. */
const NOTICE_CHARS = 120;

export function renderSlackReply(reply: Reply, options: RenderOptions = {}): RenderedReply {
  const limits = resolveLimits(options);
  switch (reply.kind) {
    case 'recap': {
      const { text, blocks, files } = renderRecapBlocks(reply, limits);
      return { message: { text, blocks }, files };
    }
    case 'search':
      return renderSearch(reply, limits);
    case 'text':
      return renderText(reply, limits);
    case 'error':
      return { message: renderErrorMessage(reply), files: [] };
  }
}

/** `“budget” in standup.mp4: 3 moments`, then one line per moment. */
function renderSearch(reply: SearchReply, limits: Limits): RenderedReply {
  const source = escapeMrkdwn(oneLine(reply.source));
  const query = escapeMrkdwn(oneLine(reply.query));
  if (reply.matches.length === 0) {
    const text = truncateMrkdwn(`No moments in ${source} mention “${query}”.`, limits.maxSectionChars);
    return { message: { text, blocks: [section(text)] }, files: [] };
  }
  const count = `${reply.matches.length} moment${reply.matches.length === 1 ? '' : 's'}`;
  const heading = truncateMrkdwn(`${bold(`“${query}”`)} in ${source}: ${count}`, 500);
  const items = reply.matches.map((match) => {
    const time = match.startMs !== undefined ? formatClock(match.startMs) : '•';
    const speaker = match.speaker ? `${bold(escapeMrkdwn(oneLine(match.speaker)))}: ` : '';
    return `${time}  ${speaker}${escapeMrkdwn(oneLine(match.text))}`;
  });
  const room = { blocks: limits.maxBlocks - 1, chars: limits.maxTotalChars - NOTICE_CHARS };
  const packed = packItems(heading, items, '\n', room, limits.maxSectionChars);
  const blocks: KnownBlock[] = packed.blocks.length ? packed.blocks : [section(heading)];
  const files = packed.truncated ? [searchFile(reply)] : [];
  if (files.length) blocks.push(context(`All ${count} attached as a file`));
  return { message: { text: truncateMrkdwn(heading, FALLBACK_TEXT_CHARS), blocks }, files };
}

/** Help and other prose: mrkdwn sections split on line boundaries. */
function renderText(reply: TextReply, limits: Limits): RenderedReply {
  const lines = escapeMrkdwn(reply.text).split('\n');
  const room = { blocks: limits.maxBlocks - 1, chars: limits.maxTotalChars - NOTICE_CHARS };
  const packed = packItems('', lines, '\n', room, limits.maxSectionChars);
  const blocks: KnownBlock[] = [...packed.blocks];
  const files = packed.truncated ? [textFile(reply.text)] : [];
  if (files.length) blocks.push(context('Full text attached as a file'));
  const first = lines.find((line) => line.trim()) ?? '';
  return { message: { text: truncateMrkdwn(oneLine(first), 300) || 'Recap', blocks }, files };
}
