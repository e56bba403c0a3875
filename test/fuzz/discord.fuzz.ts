/**
 * Fuzzing Discord's way in: `POST /discord/interactions` (adapters/discord/interactions-route.ts: size limit,
 * Ed25519 signature over the raw body, JSON), `handleInteraction` and `handleMessage` (what the gateway hands over),
 * and the payload readers of discord-refs.ts, with a recording poster and job runner.
 *
 * Payloads: `/recap` commands with every option (ref, parts, highlights, lang, provider, file attachment) in
 * guilds, DMs and threads, pings, autocompletes, components, modals; MESSAGE_CREATEs that mention the bot or not,
 * from bots, in DMs, with attachments; each sometimes mutated with hostile values (wrong types, `__proto__` and
 * `constructor`, huge and nested values, bigint-breaking permission strings), signed right or wrong.
 *
 * Properties: the route answers 200, 400, 401 or 413 exactly as deserved (never 500; 401 for every bad signature);
 * handlers never throw and their work never rejects; the initial response is a known callback type and every
 * message Recap sends or answers with pings nobody (`allowed_mentions.parse` empty) and fits Discord's limits;
 * a `/recap` or a mention for the bot gets exactly one answer (a job, or a reply), everything else none; usage
 * errors are clear messages; `commandRequest` turns options into the words the grammar gets.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { handleInteraction, CALLBACK_TYPE } from '../../adapters/discord/handle-interaction.ts';
import { handleMessage } from '../../adapters/discord/handle-message.ts';
import { commandRequest, firstAttachment, mentionsUser, stripDiscordMentions } from '../../adapters/discord/discord-refs.ts';
import { interactionsRoute } from '../../adapters/discord/interactions-route.ts';
import type { DiscordFile, DiscordMessage } from '../../adapters/discord/render-limits.ts';
import type { DiscordPoster } from '../../adapters/discord/rest-poster.ts';
import { discordPublicKey, verifyDiscordSignature } from '../../adapters/discord/verify-interaction.ts';
import { parseCommand } from '../../commands/grammar.ts';
import { capturingLogger, fakeRunner, logProblems, memoryClaims, resetFakes, type CapturingLogger, type FakeRunner } from './fakes.ts';
import { ensure, expectClearMessage, hostileJson, nastyText, PROTOTYPE_KEYS, rawText, runFuzz, type FuzzStats } from './harness.ts';

const BOT = '111111111111111111';
const MAX_BODY = 1024 * 1024;

// ---- a poster that records ---------------------------------------------------------------------------------------

interface Sent {
  how: 'send' | 'edit' | 'followUp' | 'editOriginal' | 'respond';
  message: DiscordMessage | { type: number; data?: unknown };
  files?: DiscordFile[];
}

function recordingPoster(sent: Sent[]): DiscordPoster {
  let n = 0;
  const posted = (channelId: string) => ({ id: String(++n), channelId });
  return {
    hasBotToken: true,
    async send(channelId, message, options) {
      sent.push({ how: 'send', message, ...(options?.files ? { files: options.files } : {}) });
      return posted(channelId);
    },
    async edit(_channel, _id, message) {
      sent.push({ how: 'edit', message });
    },
    async startThread(_channel, messageId) {
      return messageId;
    },
    async respond(_id, _token, body) {
      sent.push({ how: 'respond', message: body });
    },
    async editOriginal(_app, _token, message) {
      sent.push({ how: 'editOriginal', message });
      return posted('c');
    },
    async followUp(_app, _token, message, files) {
      sent.push({ how: 'followUp', message, ...(files ? { files } : {}) });
      return posted('c');
    },
  };
}

interface World {
  runner: FakeRunner;
  log: CapturingLogger;
  sent: Sent[];
  claims: ReturnType<typeof memoryClaims>;
  poster: DiscordPoster;
  routes: Hono;
  work: Promise<void>[];
  privateKey: KeyObject;
  otherKey: KeyObject;
  publicHex: string;
}

let world: World | undefined;

function makeWorld(): World {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  // The raw 32-byte key is the tail of the SPKI DER: what the developer portal shows, in hex.
  const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const runner = fakeRunner();
  const log = capturingLogger();
  const sent: Sent[] = [];
  const claims = memoryClaims();
  const poster = recordingPoster(sent);
  const work: Promise<void>[] = [];
  const routes = interactionsRoute({ poster, runner, claims, log, publicKey: discordPublicKey(publicHex), track: (w) => work.push(w()) });
  return { runner, log, sent, claims, poster, routes, work, privateKey, otherKey: other.privateKey, publicHex };
}

// ---- payloads -----------------------------------------------------------------------------------------------------

let counter = 0;
const snowflake = () => String(1_200_000_000_000_000_000n + BigInt(++counter));
/** Interaction tokens are registered as secrets by the log audit (L-2): keep them unlike any other value. */
const interactionToken = () => `aW50ZXJhY3Rpb24tZnV6ei${(++counter).toString(36).padStart(8, '0')}`;

const refText = fc.oneof(fc.constantFrom('https://example.com/standup.vtt', 'assemblyai:abc', 'help', 'status 3kTq8WnR0Zb1xYc2VdE4fA', 'search session:s1 budget', 'subscriptions', 'subscribe session:x', 'constructor:x', ' ', ''), nastyText(20), fc.string({ maxLength: 60 }));
const optionValue = (name: string) =>
  fc.oneof(
    { weight: 4, arbitrary: name === 'highlights' ? fc.integer({ min: 5, max: 3600 }) : name === 'parts' ? fc.constantFrom('summary chapters', 'highlights', 'transcript captions', 'x') : name === 'lang' ? fc.constantFrom('en', 'de', 'pt-BR', 'a b', 'x"y z') : name === 'provider' ? fc.constantFrom('assemblyai', 'local', 'nope', 'my provider') : name === 'file' ? fc.constant('999') : refText },
    { weight: 1, arbitrary: hostileJson(2) },
  );
const optionsArb = fc
  .subarray(['ref', 'parts', 'highlights', 'lang', 'provider', 'file'])
  .chain((names) => fc.tuple(...names.map((name) => optionValue(name).map((value) => ({ name, type: name === 'highlights' ? 4 : name === 'file' ? 11 : 3, value })))));
const attachmentObject = fc.record({ id: fc.constant('999'), url: fc.oneof(fc.constant('https://cdn.discordapp.com/attachments/1/999/standup.vtt'), hostileJson(1)), filename: fc.oneof(fc.constant('standup.vtt'), fc.constant('my meeting.vtt'), hostileJson(1)), size: fc.nat(), content_type: fc.constant('text/vtt') }, { requiredKeys: ['id'] });

type Edit = { path: number[]; replacement: unknown; del: boolean };
const edits: fc.Arbitrary<Edit[]> = fc.array(fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), replacement: hostileJson(3), del: fc.boolean() }), { maxLength: 3 });
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/**
 * Fields whose values Recap registers with the log audit (L-2) as secrets: a hostile value there ("undefined",
 * "[object Object]") would be registered, then found in the ordinary log lines that say those words. Left alone.
 */
const AUDITED_FIELDS = new Set(['token', 'response_url']);

function mutate(value: unknown, list: readonly Edit[]): unknown {
  const root = structuredClone(value);
  for (const edit of list) {
    let node: unknown = root;
    for (const [depth, step] of edit.path.entries()) {
      if (!node || typeof node !== 'object') break;
      const keys = Object.keys(node).filter((k) => !AUDITED_FIELDS.has(k));
      if (keys.length === 0) break;
      const key = keys[step % keys.length]!;
      const child = (node as Record<string, unknown>)[key];
      if (depth === edit.path.length - 1 || !child || typeof child !== 'object') {
        if (edit.del) delete (node as Record<string, unknown>)[key];
        else Object.defineProperty(node, key, { value: edit.replacement, enumerable: true, writable: true, configurable: true });
        break;
      }
      node = child;
    }
  }
  return root;
}

interface InteractionCase {
  payload: unknown;
  /** A well-formed `/recap` command, first delivery: exactly one answer. */
  command: boolean;
  duplicate: boolean;
}

const interactionArb: fc.Arbitrary<InteractionCase> = fc
  .record({
    type: fc.oneof({ weight: 8, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: fc.constantFrom(1, 3, 4, 5, 0, 99, '2', null) }),
    name: fc.oneof({ weight: 8, arbitrary: fc.constant('recap') }, { weight: 1, arbitrary: fc.constantFrom('other', 'Recap', '', ...PROTOTYPE_KEYS) }),
    options: optionsArb,
    attachment: attachmentObject,
    where: fc.constantFrom('guild', 'guild', 'dm', 'thread'),
    permissions: fc.oneof(fc.constantFrom('0', '8', '32', '16', '2147483647', String(2n ** 70n), '-1', '1.5', 'abc', '0x8', ' 8', '', '1e3'), fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String)),
    mutations: fc.oneof({ weight: 3, arbitrary: fc.constant<Edit[]>([]) }, { weight: 1, arbitrary: edits }),
    protoKey: rarely(fc.constantFrom(...PROTOTYPE_KEYS)),
    duplicate: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  })
  .map((r): InteractionCase => {
    const id = snowflake();
    const base: Record<string, unknown> = {
      id,
      application_id: '222222222222222222',
      type: r.type,
      token: interactionToken(),
      version: 1,
      channel_id: '333333333333333333',
      channel: { id: '333333333333333333', type: r.where === 'thread' ? 11 : r.where === 'dm' ? 1 : 0 },
      data: { id: '444', name: r.name, type: 1, options: r.options, resolved: { attachments: { '999': r.attachment } } },
      ...(r.where === 'dm' ? { user: { id: '555', username: 'ana' } } : { guild_id: '666', member: { permissions: r.permissions, user: { id: '555', username: 'ana' } } }),
    };
    let payload: unknown = r.mutations.length ? mutate(base, r.mutations) : base;
    if (r.protoKey) payload = JSON.parse(JSON.stringify(payload).replace(/^\{/, `{"${r.protoKey}":{"type":2,"data":{"name":"recap"}},`));
    return { payload, command: r.type === 2 && r.name === 'recap' && !r.mutations.length && !r.protoKey, duplicate: r.duplicate };
  });

interface MessageCase {
  payload: unknown;
  /** For the bot, from a person, first delivery: exactly one answer. */
  forBot: boolean;
  /** Hostile values were put in: no expectation on the number of answers. */
  mutated: boolean;
  duplicate: boolean;
}

const messageArb: fc.Arbitrary<MessageCase> = fc
  .record({
    where: fc.constantFrom('guild-mention', 'guild-mention', 'guild-nick-mention', 'guild-plain', 'dm', 'dm'),
    text: refText,
    attachments: fc.oneof(fc.constant([]), fc.array(attachmentObject, { maxLength: 2 }), hostileJson(2)),
    author: fc.constantFrom('person', 'person', 'person', 'bot', 'self'),
    type: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(0, 19) }, { weight: 1, arbitrary: fc.constantFrom(7, 6, 20, '0', null) }),
    mentionsArray: fc.boolean(),
    mutations: fc.oneof({ weight: 3, arbitrary: fc.constant<Edit[]>([]) }, { weight: 1, arbitrary: edits }),
    duplicate: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  })
  .map((r): MessageCase => {
    const mention = r.where === 'guild-nick-mention' ? `<@!${BOT}>` : `<@${BOT}>`;
    const guild = r.where !== 'dm';
    const tagged = r.where === 'guild-mention' || r.where === 'guild-nick-mention';
    const base: Record<string, unknown> = {
      id: snowflake(),
      channel_id: '777',
      ...(guild ? { guild_id: '666' } : {}),
      type: r.type,
      content: tagged ? `${mention} ${r.text}` : r.text,
      author: r.author === 'bot' ? { id: '888', bot: true } : r.author === 'self' ? { id: BOT } : { id: '555', username: 'ana' },
      mentions: tagged && r.mentionsArray ? [{ id: BOT }] : [],
      attachments: r.attachments,
    };
    const mutated = r.mutations.length > 0;
    // A type that is not a number counts as absent (discord-refs.ts: "a field of the wrong shape means absent").
    const userType = typeof r.type !== 'number' || r.type === 0 || r.type === 19;
    const forBot = !mutated && r.author === 'person' && userType && (!guild || tagged);
    return { payload: mutated ? mutate(base, r.mutations) : base, forBot, mutated, duplicate: r.duplicate };
  });

type Signing = 'valid' | 'other-key' | 'no-signature' | 'no-timestamp' | 'bad-hex' | 'short' | 'altered-timestamp' | 'altered-body';
interface RouteCase {
  body: string;
  signing: Signing;
  command: boolean;
}
const routeArb: fc.Arbitrary<RouteCase> = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: interactionArb.map((c) => ({ body: JSON.stringify(c.payload), command: c.command })) },
      { weight: 1, arbitrary: fc.constantFrom('{"type":1}', '{', '', 'null', '[]', '"x"', '{"type":2}', '{"type":1}'.padEnd(MAX_BODY + 1, ' '), '{"type":1}'.padEnd(MAX_BODY, ' ')).map((body) => ({ body, command: false })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((body) => ({ body, command: false })) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((d) => ({ body: `{"type":2,"data":${'['.repeat(d)}${']'.repeat(d)}}`, command: false })) },
    ),
    fc.oneof({ weight: 8, arbitrary: fc.constant<Signing>('valid') }, { weight: 1, arbitrary: fc.constantFrom<Signing>('other-key', 'no-signature', 'no-timestamp', 'bad-hex', 'short', 'altered-timestamp', 'altered-body') }),
  )
  .map(([b, signing]) => ({ ...b, signing }));

// ---- checks -------------------------------------------------------------------------------------------------------

const KNOWN_CALLBACKS = new Set<number>(Object.values(CALLBACK_TYPE));

function checkMessage(m: unknown, input: string, what: string): void {
  ensure(m !== null && typeof m === 'object', `${what} is not an object`);
  const message = m as Partial<DiscordMessage>;
  ensure(Array.isArray(message.allowed_mentions?.parse) && message.allowed_mentions.parse.length === 0, () => `${what} may ping someone: ${JSON.stringify(message.allowed_mentions)}`);
  ensure(typeof message.content === 'string' && message.content.length <= 2000, () => `${what} content is ${typeof message.content}, ${message.content?.length} characters`);
  const embeds = message.embeds ?? [];
  ensure(Array.isArray(embeds) && embeds.length <= 10, `${what} has more than 10 embeds`);
  if (message.content === '' && embeds.length === 0) throw new Error(`${what} is empty`);
  if (message.content) ensure(!message.content.includes('[object Object]') || input.includes('[object Object]'), `${what} says [object Object]`);
}

function checkInteractionResponse(response: { type: number; data?: Record<string, unknown> }, input: string): void {
  ensure(KNOWN_CALLBACKS.has(response.type), () => `callback type ${response.type}`);
  if (response.type === CALLBACK_TYPE.message) {
    checkMessage(response.data, input, 'the private answer');
    ensure(response.data?.flags === 64, 'an instant answer that is not private');
    expectClearMessage(response.data?.content, input, 'the private answer');
  }
}

function checkSent(w: World, input: string): void {
  for (const s of w.sent) {
    if (s.how === 'respond') continue;
    checkMessage(s.message, input, `a ${s.how}`);
  }
}

async function runInteraction(w: World, c: InteractionCase): Promise<void> {
  const input = rawText(c.payload);
  const outcome = await handleInteraction(c.payload, { poster: w.poster, runner: w.runner, claims: w.claims, log: w.log });
  checkInteractionResponse(outcome.response, input);
  await outcome.work?.();
  let answers = w.runner.submitted.length + (outcome.response.type === CALLBACK_TYPE.message ? 1 : 0);
  if (c.command) {
    ensure(answers === 1, () => `a /recap command got ${answers} answers`);
    // The options, as the grammar reads them.
    const request = commandRequest((c.payload as { data?: unknown }).data);
    const parsed = parseCommand(request.text, { allowFiles: false, ...(request.attachment ? { attachment: request.attachment } : {}) });
    if (parsed.ok && (parsed.invocation.name === 'recap' || parsed.invocation.name === 'search')) {
      ensure(JSON.stringify(w.runner.submitted[0]?.invocation) === JSON.stringify(parsed.invocation), () => 'the job is not the command');
    }
    if (c.duplicate) {
      resetFakes(w.runner, w.log);
      const again = await handleInteraction(c.payload, { poster: w.poster, runner: w.runner, claims: w.claims, log: w.log });
      answers = w.runner.submitted.length + (again.response.type === CALLBACK_TYPE.message ? 1 : 0);
      ensure(answers === 0 && again.response.type === CALLBACK_TYPE.deferredMessage && !again.work, 'a redelivered interaction was answered again');
    }
  }
  checkSent(w, input);
}

async function runMessage(w: World, c: MessageCase): Promise<void> {
  const input = rawText(c.payload);
  const work = await handleMessage(c.payload, { poster: w.poster, runner: w.runner, claims: w.claims, log: w.log, botUserId: BOT });
  await work?.();
  const answers = w.runner.submitted.length + w.sent.filter((s) => s.how === 'send').length;
  if (c.forBot) ensure(answers === 1, () => `a message for the bot got ${answers} answers`);
  else if (!c.mutated) ensure(answers === 0, () => `a message not for the bot got ${answers} answers`);
  checkSent(w, input);
  for (const s of w.sent) if (s.how === 'send' && w.runner.submitted.length === 0) expectClearMessage((s.message as DiscordMessage).content, input, 'the reply');
  if (c.forBot && c.duplicate) {
    resetFakes(w.runner, w.log);
    w.sent.length = 0;
    const again = await handleMessage(c.payload, { poster: w.poster, runner: w.runner, claims: w.claims, log: w.log, botUserId: BOT });
    ensure(again === undefined, 'a redelivered message was answered again');
  }
}

function signedRequest(w: World, c: RouteCase): Request {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + c.body), c.signing === 'other-key' ? w.otherKey : w.privateKey).toString('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (c.signing !== 'no-signature') headers['x-signature-ed25519'] = c.signing === 'bad-hex' ? `${signature.slice(0, -2)}zz` : c.signing === 'short' ? signature.slice(0, 64) : signature;
  if (c.signing !== 'no-timestamp') headers['x-signature-timestamp'] = c.signing === 'altered-timestamp' ? String(Number(timestamp) + 1) : timestamp;
  const body = c.signing === 'altered-body' ? `${c.body} ` : c.body;
  return new Request('http://recap.test/discord/interactions', { method: 'POST', headers, body });
}

async function runRoute(w: World, c: RouteCase): Promise<void> {
  let input = c.body;
  try {
    input += ` ${rawText(JSON.parse(c.body))}`;
  } catch {
    // not JSON: the body is all the user sent
  }
  const response = await w.routes.fetch(signedRequest(w, c));
  const text = await response.text();
  for (const settled of await Promise.allSettled(w.work)) ensure(settled.status === 'fulfilled', () => `tracked work rejected: ${String((settled as PromiseRejectedResult).reason)}`);
  w.work.length = 0;
  const what = () => `${c.signing} ${JSON.stringify(c.body.slice(0, 120))} → ${response.status} ${text.slice(0, 120)}`;
  let expected = 200;
  // The size of what is sent (an altered body is one byte longer).
  if (Buffer.byteLength(c.signing === 'altered-body' ? `${c.body} ` : c.body) > MAX_BODY) expected = 413;
  else if (c.signing !== 'valid') expected = 401;
  else {
    try {
      JSON.parse(c.body);
    } catch {
      expected = 400;
    }
  }
  ensure(response.status === expected, () => `expected ${expected}: ${what()}`);
  if (expected !== 200) {
    expectClearMessage(text, input, `the ${expected} answer`);
    ensure(w.runner.submitted.length === 0 && w.sent.length === 0, () => `a refused request did something: ${what()}`);
    return;
  }
  ensure((response.headers.get('content-type') ?? '').includes('application/json'), () => `not JSON: ${what()}`);
  const answer = JSON.parse(text) as { type: number; data?: Record<string, unknown> };
  checkInteractionResponse(answer, input);
  if (c.command) ensure(w.runner.submitted.length + (answer.type === CALLBACK_TYPE.message ? 1 : 0) === 1, () => `a signed /recap got no single answer: ${what()}`);
  checkSent(w, input);
}

/** The readers on their own, on anything. */
function runPieces(p: { data: unknown; content: unknown; attachments: unknown; hex: string; signature: unknown; timestamp: unknown; body: string }, w: World): void {
  const request = commandRequest(p.data);
  ensure(typeof request.text === 'string', 'commandRequest text is not text');
  if (request.attachment) ensure(typeof request.attachment.url === 'string' && typeof request.attachment.fileId === 'string' && (request.attachment.name === undefined || typeof request.attachment.name === 'string'), () => `attachment ${JSON.stringify(request.attachment)}`);
  const parsed = parseCommand(request.text, { allowFiles: false });
  if (!parsed.ok) expectClearMessage(parsed.error, request.text, 'usage error');
  const stripped = stripDiscordMentions(p.content);
  ensure(typeof stripped === 'string' && stripped === stripped.trim() && !/<(@[!&]?|#)\d+>/.test(stripped), () => `stripDiscordMentions left ${JSON.stringify(stripped)}`);
  ensure(typeof mentionsUser({ content: p.content, mentions: p.attachments }, BOT) === 'boolean', 'mentionsUser is not a boolean');
  const upload = firstAttachment(p.attachments);
  if (upload) ensure(typeof upload.url === 'string' && typeof upload.fileId === 'string', () => `upload ${JSON.stringify(upload)}`);
  try {
    discordPublicKey(p.hex);
    ensure(/^[0-9a-f]{64}$/i.test(p.hex), `a public key accepted from ${p.hex}`);
  } catch (error) {
    ensure(error instanceof Error, 'discordPublicKey threw a non-error');
    expectClearMessage(error.message, p.hex, 'public key error');
  }
  const key = discordPublicKey(w.publicHex);
  ensure(verifyDiscordSignature(key, p.signature as string, p.timestamp as string, p.body) === false, 'a random signature verified');
}

const piecesArb = fc.record({
  data: fc.oneof(hostileJson(4), optionsArb.map((options) => ({ name: 'recap', options, resolved: { attachments: { '999': { url: 'https://x.y/a.vtt', id: '999' } } } }))),
  content: fc.oneof(hostileJson(1), refText.map((t) => `<@${BOT}> <@&12> <#34> ${t} <@!${BOT}>`), nastyText(30)),
  attachments: fc.oneof(fc.array(attachmentObject, { maxLength: 3 }), hostileJson(3)),
  hex: fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{64}$/), fc.string({ maxLength: 70 }), fc.constantFrom('', '0'.repeat(64), 'g'.repeat(64), '0'.repeat(63), '0'.repeat(65))),
  signature: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 130 }), fc.stringMatching(/^[0-9a-f]{128}$/), hostileJson(1)),
  timestamp: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 12 })),
  body: fc.string({ maxLength: 100 }),
});

type Case = { kind: 'interaction'; c: InteractionCase } | { kind: 'message'; c: MessageCase } | { kind: 'route'; c: RouteCase } | { kind: 'pieces'; p: Parameters<typeof runPieces>[0] };

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  { weight: 4, arbitrary: interactionArb.map((c): Case => ({ kind: 'interaction', c })) },
  { weight: 4, arbitrary: messageArb.map((c): Case => ({ kind: 'message', c })) },
  { weight: 3, arbitrary: routeArb.map((c): Case => ({ kind: 'route', c })) },
  { weight: 2, arbitrary: piecesArb.map((p): Case => ({ kind: 'pieces', p })) },
  { weight: 1, arbitrary: hostileJson(5).map((payload): Case => ({ kind: 'interaction', c: { payload, command: false, duplicate: false } })) },
  { weight: 1, arbitrary: hostileJson(5).map((payload): Case => ({ kind: 'message', c: { payload, forBot: false, mutated: true, duplicate: false } })) },
);

/** Fuzzes Discord's interactions endpoint, both handlers and the payload readers. */
export async function fuzzDiscord(runs: number, stats?: FuzzStats): Promise<void> {
  world ??= makeWorld();
  const w = world;
  await runFuzz(
    'discord',
    caseArb,
    async (c) => {
      resetFakes(w.runner, w.log);
      w.sent.length = 0;
      w.work.length = 0;
      if (c.kind === 'interaction') await runInteraction(w, c.c);
      else if (c.kind === 'message') await runMessage(w, c.c);
      else if (c.kind === 'route') await runRoute(w, c.c);
      else runPieces(c.p, w);
      const problems = logProblems(w.log);
      ensure(problems.length === 0, () => problems.join('\n'));
    },
    runs,
    stats,
  );
}
