/**
 * One recap job in Slack, as users see it: a single status message, edited as the job moves (queued →
 * transcribing → analyzing → done or failed, with what to do on failure), and the recap in that message's thread (or
 * in the thread the user asked from). Files carry what does not fit in a message. The status message and the reply
 * are steps in the job's outbox, so a resumed job edits the same status and never posts the reply twice.
 */
import type { Delivery, DeliverySurface, Outbox } from '../../src/jobs/delivery.ts';
import type { JobRecord } from '../../src/jobs/job-record.ts';
import type { Logger } from '../../src/log.ts';
import { toRecapError } from '../../src/errors.ts';
import { withSlackToken } from './oauth-token-scope.ts';
import { SlackPostError, type SlackPoster } from './poster.ts';
import { renderSlackReply, renderStatus } from './render-blocks.ts';

/** A stored Slack job's reply target. */
export interface SlackTarget {
  platform: 'slack';
  channel: string;
  /** Who asked: told privately when the channel cannot be posted in. */
  user: string;
  /** Reply inside this thread (a mention or a shortcut); a slash command starts a thread from the status message. */
  threadTs?: string;
  /** The workspace (many workspaces: whose installation answers). */
  teamId?: string;
}

/** Who answers in a workspace: its poster, and its bot token for the files a recap downloads. */
export interface SlackVia {
  poster: SlackPoster;
  token?: string;
}

export interface SlackDeliveryOptions {
  /** The poster (and token) for a workspace; throws when the workspace has no installation any more. */
  via(teamId: string | undefined): Promise<SlackVia>;
  /**
   * How to tell the sender privately that the channel cannot be posted in (the slash command's response_url while
   * this process holds it); otherwise chat.postEphemeral.
   */
  privateNotice?(job: JobRecord): ((text: string) => Promise<unknown>) | undefined;
}

function slackSurface(via: Promise<SlackVia>, target: SlackTarget, outbox: Outbox): DeliverySurface {
  return {
    async status(stage, source, detail) {
      const { poster } = await via;
      const message = renderStatus(stage, source, detail);
      const ts = outbox.get('status');
      if (ts) return poster.update(target.channel, ts, message);
      const posted = await poster.post(target.channel, message, target.threadTs ? { threadTs: target.threadTs } : {});
      await outbox.record('status', posted.ts);
    },
    async deliver(reply) {
      const { poster } = await via;
      if (!outbox.get('reply:0')) {
        const rendered = renderSlackReply(reply);
        const threadTs = target.threadTs ?? outbox.get('status');
        const posted = await poster.post(target.channel, rendered.message, { ...(threadTs ? { threadTs } : {}), ...(rendered.files.length ? { files: rendered.files } : {}) });
        await outbox.record('reply:0', posted.ts);
      }
      return { inThread: true };
    },
  };
}

/** Slack's delivery for the job runner. */
export function slackDelivery(options: SlackDeliveryOptions): Delivery {
  const vias = new Map<string, Promise<SlackVia>>();
  const viaFor = (job: JobRecord) => {
    const teamId = (job.target as unknown as SlackTarget).teamId;
    let via = vias.get(job.id);
    if (!via) vias.set(job.id, (via = options.via(teamId)));
    via.catch(() => undefined).finally(() => setTimeout(() => vias.delete(job.id), 60_000).unref());
    return via;
  };
  return {
    surface(job, outbox) {
      return slackSurface(viaFor(job), job.target as unknown as SlackTarget, outbox);
    },
    // The workspace's token for what the recap downloads from Slack (files shared with the request).
    async around(job, work) {
      const { token } = await viaFor(job);
      return withSlackToken(token, work);
    },
    failed(job, error, log: Logger) {
      if (!(error instanceof SlackPostError) || error.retryable) return 'retry';
      // Typically not_in_channel: nothing can be posted there, so tell the sender privately, once.
      const target = job.target as unknown as SlackTarget;
      const e = toRecapError(error);
      const text = `⚠️ ${e.message}${e.hint ? ` ${e.hint}` : ''}`;
      log.warn('slack answer could not be posted; telling the sender privately', { error, channel: target.channel, user: target.user, job: job.id });
      const notice = options.privateNotice?.(job);
      void (async () => {
        try {
          if (notice) await notice(text);
          else await (await viaFor(job)).poster.ephemeral(target.channel, target.user, { text, blocks: [] }, target.threadTs);
        } catch (fallbackError) {
          // S-15: an expired or used-up response_url must not hide why the answer was lost.
          log.error('slack could not reach the sender either', { error: fallbackError, original: e.message, channel: target.channel, user: target.user });
        }
      })();
      return 'give-up';
    },
  };
}
