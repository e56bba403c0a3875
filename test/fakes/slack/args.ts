/**
 * Web API arguments as the fake Slack reads them: form-encoded (what `@slack/web-api` sends, JSON-valued fields as
 * JSON strings inside the form), JSON bodies (with the token in `Authorization`) and query strings, merged.
 */

/** Fields Slack takes as JSON inside a form. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'files', 'metadata', 'user_auth_blocks']);
/** Flags a form carries as "true"/"false"; turned into booleans so tests compare them plainly. */
const BOOLEAN_FIELDS = new Set(['unfurl_links', 'unfurl_media', 'link_names', 'reply_broadcast', 'as_user', 'mrkdwn', 'include_locale']);

/** The parsed arguments of one Web API call. */
export interface SlackCallArgs {
  [key: string]: unknown;
  token?: string;
  channel?: string;
  channel_id?: string;
  user?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  blocks?: unknown;
}

function parseJsonField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function parseFlag(value: string): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

export function parseArgs(contentType: string | undefined, body: string | undefined, query: Record<string, string> = {}): SlackCallArgs {
  const args: SlackCallArgs = {};
  const put = (key: string, value: unknown) => {
    if (typeof value !== 'string') args[key] = value;
    else if (JSON_FIELDS.has(key)) args[key] = parseJsonField(value);
    else if (BOOLEAN_FIELDS.has(key)) args[key] = parseFlag(value);
    else args[key] = value;
  };
  for (const [key, value] of Object.entries(query)) put(key, value);
  if (!body) return args;
  if (/json/i.test(contentType ?? '')) {
    const parsed = parseJsonField(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) for (const [key, value] of Object.entries(parsed)) put(key, value);
    return args;
  }
  for (const [key, value] of new URLSearchParams(body)) put(key, value);
  return args;
}

/** `Authorization: Bearer <token>`, else the `token` argument. */
export function tokenOf(authorization: string | undefined, args: SlackCallArgs): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (bearer) return bearer;
  return typeof args.token === 'string' && args.token ? args.token : undefined;
}
