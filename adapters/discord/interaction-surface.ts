/**
 * The surface of a `/recap` command after its deferred response: the status is the interaction's original
 * message (edited through its webhook), the recap goes in a thread started from it (bot token) or, without a bot
 * token or where threads cannot start, in follow-ups. The interaction token lives 15 minutes: after that, or when
 * Discord says it is gone (50027, 10015; D-5), updates go through the bot token into the thread or channel, once —
 * never a retry loop against a dead token.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#followup-messages
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Outbox } from '../../src/jobs/delivery.ts';
import type { Logger } from '../../src/log.ts';
import { threadName, type DiscordPlace, type DiscordSurface } from './conversation.ts';
import { DISCORD_ERROR, discordErrorCode, type DiscordPoster, type PostedMessage } from './rest-poster.ts';

/** Interaction tokens expire after 15 minutes; stop using one a minute early. */
export const INTERACTION_TOKEN_TTL_MS = 14 * 60 * 1000;
/** Discord may not have stored the deferred response yet when the first edit comes (HTTP mode): ask again shortly. */
const ORIGINAL_NOT_READY_RETRIES = 3;
const ORIGINAL_NOT_READY_DELAY_MS = 300;
const UNKNOWN_MESSAGE = 10008;

export interface InteractionOrigin {
  applicationId: string;
  token: string;
  channelId: string;
  /** When the interaction arrived (ms since epoch). */
  receivedAt: number;
  /** DMs and threads cannot hold a new thread. */
  threadable: boolean;
}

/** Outbox values for messages: `<channel id>/<message id>`. */
const packMessage = (m: PostedMessage) => `${m.channelId}/${m.id}`;
const unpackMessage = (value: string | undefined): PostedMessage | undefined => {
  const match = /^(\d+)\/(\d+)$/.exec(value ?? '');
  return match ? { channelId: match[1]!, id: match[2]! } : undefined;
};

export function interactionSurface(poster: DiscordPoster, origin: InteractionOrigin, log: Logger, outbox: Outbox, now: () => number = Date.now): DiscordSurface {
  let tokenDead = false;
  // Outbox steps: `original` (the deferred response, once edited), `thread`, `fallback-status`.
  let original = unpackMessage(outbox.get('original'));
  let threadId = outbox.get('thread');
  /** The bot's own status message, once the token could no longer edit the original. */
  let fallbackStatus = unpackMessage(outbox.get('fallback-status'));
  const tokenUsable = () => !tokenDead && now() - origin.receivedAt < INTERACTION_TOKEN_TTL_MS;
  const tokenGone = (error: unknown) => {
    const code = discordErrorCode(error);
    return code === DISCORD_ERROR.invalidWebhookToken || code === DISCORD_ERROR.unknownWebhook;
  };

  const editOriginal = async (message: Parameters<DiscordPoster['editOriginal']>[2]) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await poster.editOriginal(origin.applicationId, origin.token, message);
      } catch (error) {
        if (original || attempt >= ORIGINAL_NOT_READY_RETRIES || discordErrorCode(error) !== UNKNOWN_MESSAGE) throw error;
        await delay(ORIGINAL_NOT_READY_DELAY_MS);
      }
    }
  };

  /**
   * The status as the bot's own message, once. It goes next to the original (a reply to it, in the channel), not
   * into the thread: the thread may already hold the recap, and "✅ … is in the thread" posted inside it reads wrong.
   */
  const postWithBot = async (message: Parameters<DiscordPoster['send']>[1]) => {
    if (fallbackStatus) await poster.edit(fallbackStatus.channelId, fallbackStatus.id, message);
    else {
      fallbackStatus = await poster.send(origin.channelId, message, { nonce: outbox.key('fallback-status'), ...(original ? { replyTo: original.id } : {}) });
      await outbox.record('fallback-status', packMessage(fallbackStatus));
    }
  };

  return {
    async showStatus(message) {
      if (tokenUsable()) {
        try {
          const edited = await editOriginal(message);
          if (!original) await outbox.record('original', packMessage(edited));
          original = edited;
          return;
        } catch (error) {
          if (!tokenGone(error)) throw error;
          tokenDead = true;
          log.warn('discord interaction token no longer valid; continuing with the bot token', { error });
        }
      }
      if (!poster.hasBotToken) {
        log.warn('discord status not updated: the interaction token expired and Recap has no DISCORD_TOKEN to post with', { channel: origin.channelId });
        return;
      }
      await postWithBot(message);
    },
    async openPlace(source) {
      const inThread = (id: string): DiscordPlace => ({
        inThread: true,
        post: async (message, files, nonce) => (await poster.send(id, message, { ...(files ? { files } : {}), ...(nonce ? { nonce } : {}) })).id,
      });
      if (threadId) return inThread(threadId);
      if (poster.hasBotToken && original && origin.threadable && outbox.get('thread') === undefined) {
        try {
          threadId = await poster.startThread(original.channelId, original.id, threadName(source));
          await outbox.record('thread', threadId);
          return inThread(threadId);
        } catch (error) {
          log.info('discord thread not started; answering with follow-ups', { error, channel: origin.channelId });
        }
      }
      const place: DiscordPlace = {
        inThread: false,
        post: async (message, files, nonce) => {
          if (tokenUsable()) {
            try {
              return (await poster.followUp(origin.applicationId, origin.token, message, files)).id;
            } catch (error) {
              if (!tokenGone(error)) throw error;
              tokenDead = true;
            }
          }
          // HTTP-only mode: nothing else can post; say why in the log instead of a REST error about a missing token.
          if (!poster.hasBotToken) throw new Error('the interaction token expired before the recap was posted, and Recap has no DISCORD_TOKEN to post with');
          return (await poster.send(origin.channelId, message, { ...(files ? { files } : {}), ...(nonce ? { nonce } : {}) })).id;
        },
      };
      return place;
    },
  };
}
