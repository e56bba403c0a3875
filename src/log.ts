/**
 * A small structured logger: one JSON line per event on stderr. Known secret values and token shapes are
 * censored before anything is written, so a secret never reaches a log by accident.
 */
import { auditLogLine, logAuditOn } from './log-audit.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Token shapes worth censoring wherever they appear: Slack and Discord tokens, authorization values. */
const TOKEN_PATTERNS: RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
  // Discord's `Authorization: Bot <token>`; the length keeps words like "bot token" in messages readable.
  /\bBot\s+[A-Za-z0-9._~+/=-]{30,}/g,
  // A Discord bot token: base64 user id, timestamp, HMAC.
  /\b[MNO][A-Za-z\d_-]{23,27}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}/g,
];
/**
 * Slack payloads logged whole by Bolt at debug level (Socket Mode logs every WebSocket message): their response_url,
 * verification token and trigger id are credentials for a while. Matched in JSON text, and in JSON held in a string.
 */
const PAYLOAD_SECRET = /(\\?"(?:response_url|token|trigger_id)\\?"\s*:\s*\\?")[^"\\]+/g;
/** Interaction tokens sit in webhook and callback paths (`/webhooks/{app}/{token}`, `/interactions/{id}/{token}`). */
const DISCORD_PATH_TOKEN = /(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9_.-]{20,}/g;
/** Secrets carried in query strings (signed media URLs, tokens): the name stays, the value goes. */
const QUERY_SECRET = /([?&](?:token|key|api_key|apikey|signature|sig|X-Amz-Signature|X-Amz-Credential)=)[^&\s"]+/gi;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Values to censor wherever they appear (API keys, signing secrets). Short values are ignored. */
  secrets?: readonly (string | undefined)[];
  write?: (line: string) => void;
}

/** Censors secrets and token shapes in any text. */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, '[redacted]');
  out = out.replace(QUERY_SECRET, '$1[redacted]');
  out = out.replace(DISCORD_PATH_TOKEN, '$1[redacted]');
  out = out.replace(PAYLOAD_SECRET, '$1[redacted]');
  return out;
}

/**
 * Field names whose values are credentials whatever they look like (L-4): request headers logged whole, say. Names
 * are matched case-insensitively, hyphens and underscores alike, so `X-Slack-Signature` and `api_key` are caught.
 */
const SECRET_FIELD = /^(?:authorization|proxy-authorization|cookie|set-cookie|x-slack-signature|x-signature-ed25519|x-recap-callback-auth|.*(?:secret|token|password|api-?key|signature))$/i;

/** A copy of a logged value with the values of secret-named fields replaced, at any depth (not Errors). */
function redactFields(value: unknown, key = '', depth = 0): unknown {
  if (SECRET_FIELD.test(key.replace(/_/g, '-')) && value !== undefined && value !== null && typeof value !== 'object') return '[Redacted]';
  if (depth > 5 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, '', depth + 1));
  // Headers objects (undici, fetch) are iterable pairs, not plain records.
  const entries = typeof (value as { entries?: unknown }).entries === 'function' && !(value instanceof Map) && Symbol.iterator in value
    ? [...(value as Iterable<[string, unknown]>)]
    : Object.entries(value);
  return Object.fromEntries(entries.map(([k, v]) => [k, redactFields(v, k, depth + 1)]));
}

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    error: error.message,
    ...(code !== undefined ? { code } : {}),
    ...(error.stack ? { stack: error.stack.split('\n').slice(1, 6).join('\n') } : {}),
    ...(error.cause !== undefined ? { cause: describeError(error.cause) } : {}),
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const audit = logAuditOn();
  const emit = (level: Exclude<LogLevel, 'silent'>, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < threshold && !audit) return;
    const record: Record<string, unknown> = { time: new Date().toISOString(), level, msg: message };
    for (const [key, value] of Object.entries(fields ?? {})) record[key] = value instanceof Error ? describeError(value) : redactFields(value, key);
    const line = scrub(JSON.stringify(record), secrets);
    // L-2: the audit sees every line, also those below the level, as it would be written.
    if (audit) auditLogLine(line);
    if (ORDER[level] >= threshold) write(line);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}
