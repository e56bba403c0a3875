/**
 * Which bot token the work in progress acts with. With many workspaces each recap must download the files shared in
 * its own workspace with that workspace's token, while the command dependencies (and their `uploadHeaders`) are
 * built once at boot: the Slack adapter runs each answer inside {@link withSlackToken}, and the upload headers read
 * the token back with {@link slackUploadAuthorization}, falling back to the single-workspace SLACK_BOT_TOKEN.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it starts) with `token` as the Slack bot token; without a token, as is. */
export function withSlackToken<T>(token: string | undefined, work: () => T): T {
  return token ? scope.run(token, work) : work();
}

/** The bot token of the answer in progress, if any. */
export function currentSlackToken(): string | undefined {
  return scope.getStore();
}

/** `Authorization` for a Slack file download: the current workspace's bot token, else `fallbackToken`. */
export function slackUploadAuthorization(fallbackToken?: string): Record<string, string> | undefined {
  const token = currentSlackToken() ?? fallbackToken;
  return token ? { authorization: `Bearer ${token}` } : undefined;
}
