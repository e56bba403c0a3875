/** Error replies: `⚠️ <message>`, what to do about it, and the command's usage line in a code span. */
import type { ErrorReply } from '../../src/domain/reply.ts';
import { escapeMrkdwn, oneLine, truncateMrkdwn } from './mrkdwn.ts';
import { section, type SlackMessage } from './render-limits.ts';

const PART_CHARS = 900;

export function errorMrkdwn(reply: ErrorReply): string {
  const out = [`⚠️ ${truncateMrkdwn(escapeMrkdwn(oneLine(reply.message)), PART_CHARS)}`];
  if (reply.hint) out.push(truncateMrkdwn(escapeMrkdwn(oneLine(reply.hint)), PART_CHARS));
  // A backtick would end the code span early, and Slack has no escape for it.
  const usage = reply.usage ? truncateMrkdwn(escapeMrkdwn(oneLine(reply.usage)).replace(/`/g, 'ˋ'), PART_CHARS) : '';
  if (usage) out.push(`Usage: \`${usage}\``);
  return out.join('\n');
}

export function renderErrorMessage(reply: ErrorReply): SlackMessage {
  const notification = [reply.message, reply.hint].filter(Boolean).map((part) => oneLine(part ?? '')).join(' ');
  return { text: truncateMrkdwn(`⚠️ ${escapeMrkdwn(notification)}`, 500), blocks: [section(errorMrkdwn(reply))] };
}
