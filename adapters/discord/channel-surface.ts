/**
 * The surface of an automatic post (a subscription): the status message goes in the channel itself, the recap in a
 * thread started from it (or below it, where the channel cannot hold threads). Both are outbox steps.
 */
import type { Outbox } from '../../src/jobs/delivery.ts';
import type { Logger } from '../../src/log.ts';
import { threadName, type DiscordPlace, type DiscordSurface } from './conversation.ts';
import type { DiscordPoster } from './rest-poster.ts';

export interface ChannelOrigin {
  channelId: string;
}

export function channelSurface(poster: DiscordPoster, origin: ChannelOrigin, log: Logger, outbox: Outbox): DiscordSurface {
  const post = (channelId: string) => async (message: Parameters<DiscordPlace['post']>[0], files?: Parameters<DiscordPlace['post']>[1], nonce?: string) =>
    (await poster.send(channelId, message, { ...(files ? { files } : {}), ...(nonce ? { nonce } : {}) })).id;
  return {
    async showStatus(message) {
      const statusId = outbox.get('status');
      if (statusId) return poster.edit(origin.channelId, statusId, message);
      await outbox.record('status', (await poster.send(origin.channelId, message, { nonce: outbox.key('status') })).id);
    },
    async openPlace(source) {
      const statusId = outbox.get('status');
      let threadId = outbox.get('thread');
      if (!threadId && statusId) {
        try {
          threadId = await poster.startThread(origin.channelId, statusId, threadName(source));
          await outbox.record('thread', threadId);
        } catch (error) {
          log.info('discord thread not started; posting the automatic recap in the channel', { error, channel: origin.channelId });
        }
      }
      return threadId ? { inThread: true, post: post(threadId) } : { inThread: false, post: post(origin.channelId) };
    },
  };
}
