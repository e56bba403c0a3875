/**
 * One recap in Discord, as users see it: a single status message edited as the job moves (queued → transcribing
 * → analyzing → done or failed, with what to do on failure), and the recap in a thread (or below, where Discord
 * has no threads: DMs, threads themselves, or HTTP-only mode). What does not fit in messages goes in files.
 */
import type { CommandDeps } from '../../commands/deps.ts';
import type { Invocation } from '../../commands/invocation.ts';
import { refLabel } from '../../commands/ref-label.ts';
import { runInvocation } from '../../commands/run.ts';
import type { Logger } from '../../src/log.ts';
import { renderDiscordReply, renderDiscordStatus } from './render-embeds.ts';
import type { DiscordFile, DiscordMessage } from './render-limits.ts';

/** Where the answer's messages go. */
export interface DiscordPlace {
  post(message: DiscordMessage, files?: DiscordFile[]): Promise<void>;
  /** True when this is a thread opened for the recap. */
  inThread: boolean;
}

/** The surface a request came from: how its status shows and where its answer goes. */
export interface DiscordSurface {
  /** Posts the status message the first time, edits it after. */
  showStatus(message: DiscordMessage): Promise<void>;
  /** Opens the thread (or picks the place) for the answer, once the status message exists. */
  openPlace(source: string): Promise<DiscordPlace>;
}

/** Thread names are at most 100 characters. */
export function threadName(source: string): string {
  const name = `Recap: ${source.replace(/\s+/g, ' ').trim()}`;
  return name.length <= 100 ? name : `${name.slice(0, 99)}…`;
}

/** Runs a recap or search and answers on the surface. Never throws for user errors. */
export async function answerInDiscord(surface: DiscordSurface, invocation: Invocation, deps: CommandDeps, log: Logger): Promise<void> {
  const source = invocation.name === 'help' ? 'help' : refLabel(invocation.ref);
  await surface.showStatus(renderDiscordStatus('queued', source));
  const reply = await runInvocation(
    invocation,
    {
      ...deps,
      onStage: (stage) => {
        surface.showStatus(renderDiscordStatus(stage, source)).catch((error: unknown) => log.warn('discord status update failed', { error }));
      },
    },
    { onInternalError: (error) => log.error('command failed', { error }) },
  );
  if (reply.kind === 'error') {
    await surface.showStatus(renderDiscordStatus('failed', source, { message: reply.message, ...(reply.hint ? { hint: reply.hint } : {}) }));
    return;
  }
  const rendered = renderDiscordReply(reply);
  const place = await surface.openPlace(source);
  // Files ride on the last message, right under what they complete.
  for (const [i, message] of rendered.messages.entries()) {
    await place.post(message, i === rendered.messages.length - 1 ? rendered.files : undefined);
  }
  await surface.showStatus(renderDiscordStatus('done', source, { below: !place.inThread }));
}
