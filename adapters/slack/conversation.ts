/**
 * One recap in Slack, as users see it: a single status message, edited as the job moves (queued → transcribing →
 * analyzing → done or failed, with what to do on failure), and the recap in that message's thread (or in the
 * thread the user asked from). Files carry what does not fit in a message.
 */
import type { CommandDeps } from '../../commands/deps.ts';
import type { Invocation } from '../../commands/invocation.ts';
import { refLabel } from '../../commands/ref-label.ts';
import { runInvocation } from '../../commands/run.ts';
import type { Logger } from '../../src/log.ts';
import type { SlackPoster } from './poster.ts';
import { renderSlackReply, renderStatus } from './render-blocks.ts';

export interface SlackConversation {
  poster: SlackPoster;
  deps: CommandDeps;
  log: Logger;
  channel: string;
  /** Reply inside this thread (a mention or a shortcut); a slash command starts a thread from the status message. */
  threadTs?: string;
}

/** Runs a recap or search and answers in Slack. Returns the status message's ts. Never throws for user errors. */
export async function answerInSlack(conversation: SlackConversation, invocation: Invocation): Promise<string> {
  const { poster, channel, log } = conversation;
  const source = invocation.name === 'help' ? 'help' : refLabel(invocation.ref);
  const threadOptions = conversation.threadTs ? { threadTs: conversation.threadTs } : {};
  const { ts: statusTs } = await poster.post(channel, renderStatus('queued', source), threadOptions);
  const replyThread = conversation.threadTs ?? statusTs;
  const reply = await runInvocation(
    invocation,
    {
      ...conversation.deps,
      onStage: (stage) => {
        poster.update(channel, statusTs, renderStatus(stage, source)).catch((error: unknown) => log.warn('status update failed', { error }));
      },
    },
    { onInternalError: (error) => log.error('command failed', { error, channel }) },
  );
  if (reply.kind === 'error') {
    await poster.update(channel, statusTs, renderStatus('failed', source, { message: reply.message, ...(reply.hint ? { hint: reply.hint } : {}) }));
    return statusTs;
  }
  const rendered = renderSlackReply(reply);
  await poster.post(channel, rendered.message, { threadTs: replyThread, ...(rendered.files.length ? { files: rendered.files } : {}) });
  await poster.update(channel, statusTs, renderStatus('done', source));
  return statusTs;
}
