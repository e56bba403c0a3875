/**
 * `@Recap <link>` (or a transcript attached) in a channel, or anything in a DM: the message's words go through the
 * same grammar as `/recap`. Without the privileged MESSAGE_CONTENT intent Discord still sends the content of
 * messages that mention the bot and of DMs (D-11), which are exactly the ones Recap answers; others are ignored.
 * https://discord.com/developers/docs/events/gateway-events#message-create
 */
import { parseCommand } from '../../commands/grammar.ts';
import { isInstant, type InstantInvocation, type JobInvocation } from '../../commands/invocation.ts';
import type { Reply } from '../../src/domain/reply.ts';
import { usageReply } from '../../commands/usage-reply.ts';
import type { Claims } from '../../src/jobs/claims.ts';
import type { Logger } from '../../src/log.ts';
import type { JobRunner } from '../../src/jobs/job-runner.ts';
import type { DiscordTarget } from './conversation.ts';
import { firstAttachment, mentionsUser, stripDiscordMentions } from './discord-refs.ts';
import type { MentionOrigin } from './mention-surface.ts';
import { renderDiscordReply } from './render-embeds.ts';
import { message } from './render-limits.ts';
import type { DiscordPoster } from './rest-poster.ts';

/** A message replayed on RESUME, or seen by two replicas, is handled once. */
const MESSAGE_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;

export interface MessageContext {
  poster: DiscordPoster;
  runner: JobRunner;
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

/** What a mention gets when Recap cannot store it (the store is down). */
const busyMessage = message('⚠️ Recap could not take this request just now. Mention me again in a minute.');

/** Handles one MESSAGE_CREATE; returns the work to track, or undefined when the message is not for Recap. */
export async function handleMessage(payload: unknown, ctx: MessageContext): Promise<(() => Promise<void>) | undefined> {
  const message = (payload && typeof payload === 'object' ? payload : {}) as MessageLike;
  const { id, channel_id: channelId } = message;
  if (typeof id !== 'string' || typeof channelId !== 'string') return undefined;
  if (message.author?.bot === true || message.author?.id === ctx.botUserId) return undefined;
  if (typeof message.type === 'number' && !USER_MESSAGE_TYPES.has(message.type)) return undefined;
  const dm = typeof message.guild_id !== 'string';
  if (!dm && !mentionsUser(message, ctx.botUserId)) return undefined;
  let claimed: boolean;
  try {
    claimed = await ctx.claims.claim(`discord-message:${id}`, MESSAGE_CLAIM_TTL_MS);
  } catch (error) {
    // P-17: the store is down (Redis stopped). Discord does not deliver a message again: say so rather than drop it.
    ctx.log.error('discord mention could not be claimed', { error, channel: channelId, message: id });
    return async () => {
      await ctx.poster.send(channelId, busyMessage, { replyTo: id }).catch((sendError: unknown) => ctx.log.warn('discord busy notice not sent', { error: sendError }));
    };
  }
  if (!claimed) return undefined;

  const attachment = firstAttachment(message.attachments);
  const parsed = parseCommand(stripDiscordMentions(message.content), { allowFiles: false, ...(attachment ? { attachment } : {}) });
  const answer = parsed.ok && !isInstant(parsed.invocation) ? recap(parsed.invocation, { channelId, messageId: id, dm, ...(typeof message.guild_id === 'string' ? { guildId: message.guild_id } : {}) }, ctx) : usage(
          parsed.ok
            ? await ctx.runner.instant(parsed.invocation as InstantInvocation, {
                key: `discord:${channelId}`,
                target: { platform: 'discord', kind: 'channel', channelId } as DiscordTarget,
                // A message does not carry its author's permissions: changes need the slash command (or a DM).
                canManage: dm,
                ...(typeof message.author?.id === 'string' ? { user: message.author.id } : {}),
              })
            : usageReply(parsed),
          channelId,
          id,
          ctx,
        );
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

/**
 * Messages have no private replies: usage mistakes, help and status are answered under the message, quoting it. A
 * reply that holds a secret is never shown there (commands refuse first; this guards against one that does not).
 */
function usage(reply: Reply, channelId: string, messageId: string, ctx: MessageContext): () => Promise<void> {
  const shown: Reply = reply.kind === 'text' && reply.private
    ? { kind: 'error', code: 'unsupported', message: 'That answer is private, and a reply here would be seen by everyone.', hint: 'Send it as the /recap slash command: its answer is shown to you only.', ephemeral: true }
    : reply;
  const rendered = renderDiscordReply(shown);
  return async () => {
    for (const [i, m] of rendered.messages.entries()) {
      await ctx.poster.send(channelId, m, { replyTo: messageId, ...(i === rendered.messages.length - 1 && rendered.files.length ? { files: rendered.files } : {}) });
    }
  };
}

/** The recap as a stored job (the runner posts the status, the thread and the reply, and logs a refusal). */
function recap(invocation: JobInvocation, origin: MentionOrigin, ctx: MessageContext): () => Promise<void> {
  const target: DiscordTarget = { platform: 'discord', kind: 'mention', ...origin };
  return async () => {
    let job;
    try {
      job = await ctx.runner.submit(invocation, target);
    } catch (error) {
      ctx.log.error('discord mention could not be stored', { error, channel: origin.channelId, message: origin.messageId });
      await ctx.poster.send(origin.channelId, busyMessage, { replyTo: origin.messageId });
      return;
    }
    await ctx.runner.run(job.id);
  };
}
