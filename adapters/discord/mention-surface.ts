/**
 * The surface of an `@Recap …` message: a thread started from the user's message holds the status and the recap;
 * where Discord cannot start one (a DM, a message already in a thread, missing permission) both go in the channel,
 * the status quoting the user's message.
 */
import type { Logger } from '../../src/log.ts';
import { threadName, type DiscordSurface } from './conversation.ts';
import type { DiscordPoster } from './rest-poster.ts';

export interface MentionOrigin {
  channelId: string;
  messageId: string;
  /** DMs have no threads; do not try. */
  dm: boolean;
}

export function mentionSurface(poster: DiscordPoster, origin: MentionOrigin, source: string, log: Logger): DiscordSurface {
  let where: Promise<{ channelId: string; inThread: boolean }> | undefined;
  const place = () =>
    (where ??= (async () => {
      if (origin.dm) return { channelId: origin.channelId, inThread: false };
      try {
        return { channelId: await poster.startThread(origin.channelId, origin.messageId, threadName(source)), inThread: true };
      } catch (error) {
        log.info('discord thread not started; answering in the channel', { error, channel: origin.channelId });
        return { channelId: origin.channelId, inThread: false };
      }
    })());
  let statusId: string | undefined;
  return {
    async showStatus(message) {
      const { channelId, inThread } = await place();
      if (statusId) return poster.edit(channelId, statusId, message);
      statusId = (await poster.send(channelId, message, inThread ? {} : { replyTo: origin.messageId })).id;
    },
    async openPlace() {
      const { channelId, inThread } = await place();
      return { inThread, post: async (message, files) => void (await poster.send(channelId, message, files ? { files } : {})) };
    },
  };
}
