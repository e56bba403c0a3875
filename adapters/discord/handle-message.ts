/**
 * `@Recap <link>` (or a transcript attached) in a channel, or anything in a DM: the message's words go through the
 * same grammar as `/recap`. Without the privileged MESSAGE_CONTENT intent Discord still sends the content of
 * messages that mention the bot and of DMs (D-11), which are exactly the ones Recap answers; others are ignored.
 * https://discord.com/developers/docs/events/gateway-events#message-create
 */
import type { CommandDeps } from '../../commands/deps.ts';
import { parseCommand } from '../../commands/grammar.ts';
import { helpReply } from '../../commands/help.ts';
import type { Invocation, ParseOutcome } from '../../commands/invocation.ts';
import { refLabel } from '../../commands/ref-label.ts';
import { usageReply } from '../../commands/usage-reply.ts';
import type { Claims } from '../../src/jobs/claims.ts';
import type { Logger } from '../../src/log.ts';
import { answerInDiscord } from './conversation.ts';
import { firstAttachment, mentionsUser, stripDiscordMentions } from './discord-refs.ts';
import { mentionSurface, type MentionOrigin } from './mention-surface.ts';
import { renderDiscordReply } from './render-embeds.ts';
import type { DiscordPoster } from './rest-poster.ts';

/** A message replayed on RESUME, or seen by two replicas, is handled once. */
const MESSAGE_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;

export interface MessageContext {
  poster: DiscordPoster;
  deps: CommandDeps;
  claims: Claims;
  log: Logger;
  /** The bot's user id (from READY or GET /users/@me). */
  botUserId: string;
}

interface MessageLike {
  id?: unknown;
  channel_id?: unknown;
  guild_id?: unknown;
  author?: { id?: unknown; bot?: unknown };
  content?: unknown;
  mentions?: unknown;
  attachments?: unknown;
  type?: unknown;
}

/** Default (0) and reply (19) messages are what people type; joins, pins and the like are not requests. */
const USER_MESSAGE_TYPES = new Set([0, 19]);

/** Handles one MESSAGE_CREATE; returns the work to track, or undefined when the message is not for Recap. */
export async function handleMessage(payload: unknown, ctx: MessageContext): Promise<(() => Promise<void>) | undefined> {
  const message = (payload && typeof payload === 'object' ? payload : {}) as MessageLike;
  const { id, channel_id: channelId } = message;
  if (typeof id !== 'string' || typeof channelId !== 'string') return undefined;
  if (message.author?.bot === true || message.author?.id === ctx.botUserId) return undefined;
  if (typeof message.type === 'number' && !USER_MESSAGE_TYPES.has(message.type)) return undefined;
  const dm = typeof message.guild_id !== 'string';
  if (!dm && !mentionsUser(message, ctx.botUserId)) return undefined;
  if (!(await ctx.claims.claim(`discord-message:${id}`, MESSAGE_CLAIM_TTL_MS))) return undefined;

  const attachment = firstAttachment(message.attachments);
  const parsed = parseCommand(stripDiscordMentions(message.content), { allowFiles: false, ...(attachment ? { attachment } : {}) });
  const answer = parsed.ok && parsed.invocation.name !== 'help' ? recap(parsed.invocation, { channelId, messageId: id, dm }, ctx) : usage(parsed, channelId, id, ctx);
  // When Discord refuses (the bot may not post in that channel: 50001/50013), say where, so an admin can fix it.
  const where = { channel: channelId, message: id, ...(dm ? { dm: true } : { guild: message.guild_id }) };
  return async () => {
    try {
      await answer();
    } catch (error) {
      ctx.log.error('discord mention not answered', { error, ...where });
    }
  };
}

/** Messages have no private replies: usage mistakes and help are answered under the message, quoting it. */
function usage(parsed: ParseOutcome, channelId: string, messageId: string, ctx: MessageContext): () => Promise<void> {
  const rendered = renderDiscordReply(parsed.ok ? helpReply() : usageReply(parsed));
  return async () => {
    for (const [i, m] of rendered.messages.entries()) {
      await ctx.poster.send(channelId, m, { replyTo: messageId, ...(i === rendered.messages.length - 1 && rendered.files.length ? { files: rendered.files } : {}) });
    }
  };
}

function recap(invocation: Exclude<Invocation, { name: 'help' }>, origin: MentionOrigin, ctx: MessageContext): () => Promise<void> {
  const surface = mentionSurface(ctx.poster, origin, refLabel(invocation.ref), ctx.log);
  return () => answerInDiscord(surface, invocation, ctx.deps, ctx.log);
}
