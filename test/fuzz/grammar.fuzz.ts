/**
 * Fuzzing the command grammar: whatever follows `/recap` (or the bot's mention) on any surface.
 *
 * Contract (commands/grammar.ts): `parseCommand` never throws; it returns an invocation or `{ ok: false }` with an
 * error that says what was wrong, an optional hint and a usage line. Its last-resort `catch` answers "Recap could
 * not read that command." — reaching it means one of the parsers threw, so here it counts as a crash. The pieces
 * (`tokenize`, `parseRef`, each command's parser, `splitOptions`) are called directly too, so a throw shows its
 * own stack instead of the catch-all.
 *
 * Accepted invocations must be valid: a reference of a known form, parts from PARTS in order without repeats,
 * highlight lengths within range, a known provider, a well-formed language code and glossary id, a 22-character
 * job id. Commands built from a known spec (realistic ones) must parse back to exactly that spec.
 */
import fc from 'fast-check';
import { MAX_COMMAND_LENGTH, parseCommand } from '../../commands/grammar.ts';
import type { Invocation, ParseOutcome } from '../../commands/invocation.ts';
import { MAX_HIGHLIGHTS_SECONDS, MIN_HIGHLIGHTS_SECONDS, splitOptions } from '../../commands/options.ts';
import { parseRef, type RefContext } from '../../commands/parse-ref.ts';
import { COMMANDS } from '../../commands/registry.ts';
import { tokenize } from '../../commands/tokenize.ts';
import { PROVIDERS, type MediaRef } from '../../src/domain/media-ref.ts';
import { DEFAULT_PARTS, PARTS, type Part } from '../../src/domain/recap.ts';
import { anyText, ensure, expectClearMessage, nastyText, PROTOTYPE_KEYS, repeated, runFuzz, type FuzzStats } from './harness.ts';

const CATCH_ALL = 'Recap could not read that command.';
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

// ---- realistic pieces -----------------------------------------------------------------------------------------

const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);
const providerRef = fc.oneof(
  fc.tuple(fc.constantFrom('assemblyai', 'memories', 'pictory', 'session', 'breakout', 'ASSEMBLYAI', 'Session'), idArb).map(([p, id]) => `${p}:${id}`),
  fc.stringMatching(/^VI[A-Za-z0-9_-]{4,16}$/),
  fc.stringMatching(/^PI-[A-Za-z0-9_-]{2,16}$/),
);
const urlRef = fc.oneof(
  fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true, withFragments: true }),
  fc.constantFrom('https://example.com/standup.vtt', 'https://files.example.org/a%20b.srt?token=x', 'http://[::1]/x.vtt', 'https://münchen.de/x.txt', 'https://a.b/c#t=1'),
);
const pathRef = fc.constantFrom('./standup.vtt', '../meetings/a.srt', '/tmp/x.txt', '~/x.vtt', 'C:\\notes\\a.vtt', 'meeting.vtt', 'a/b', '"my meeting.vtt"', "'./with space.srt'");
const anyRef = fc.oneof(providerRef, urlRef, pathRef, urlRef.map((u) => `<${u}|label>`), urlRef.map((u) => `<${u}>`));

const partWords: readonly string[] = ['summary', 'summaries', 'chapters', 'chapter', 'phrases', 'keyphrases', 'key-phrases', 'highlights', 'highlight', 'captions', 'caption', 'subtitles', 'transcript'];
const secondsText = fc.oneof(fc.integer({ min: 0, max: 99_999 }).map(String), fc.constantFrom('90s', '2m', '1m30s', '0', '5', '3600', '3601', '4', '60m', '-5', '1e3', '0x10', ' 90', '９０', '90.5', 'NaN', 'Infinity', ''));
const optionArb = fc.oneof(
  fc.tuple(fc.constantFrom('--provider', '--PROVIDER'), fc.constantFrom(...PROVIDERS, 'AssemblyAI', 'openai', '__proto__', 'constructor')).map(([o, v]) => [o, v]),
  fc.tuple(fc.constant('--lang'), fc.constantFrom('en', 'es', 'pt-BR', 'zh_Hant', 'x', 'english', 'EN', '--lang')).map(([o, v]) => [o, v]),
  fc.tuple(fc.constant('--glossary'), fc.oneof(idArb, fc.constantFrom('a b', 'x'.repeat(200), '__proto__'))).map(([o, v]) => [o, v]),
  fc.tuple(fc.constant('--highlights'), secondsText).map(([o, v]) => [o, v]),
  fc.tuple(fc.constantFrom('--provider', '--lang', '--glossary', '--highlights'), fc.string({ maxLength: 10 })).map(([o, v]) => [`${o}=${v}`]),
  fc.constantFrom(['--'], ['--provider'], ['--x'], ['--__proto__'], ['--constructor', 'x'], ['--toString=1'], ['---lang', 'en']),
);
const keywordArb = fc.constantFrom('search', 'status', 'subscribe', 'unsubscribe', 'subscriptions', 'help', 'SEARCH', 'Help', 'recap', '/recap', '/RECAP');
const wordArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...partWords).map((w) => w) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('highlights', 'highlight', 'summary', 'HIGHLIGHTS'), secondsText).map(([p, s]) => `${p}=${s}`) },
  { weight: 3, arbitrary: anyRef },
  { weight: 1, arbitrary: keywordArb },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).chain((k) => fc.constantFrom(k, `${k}:abc`, `${k}=5`, `--${k}`, `highlights=${k}`, `${k}:`)) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{22}$/) },
  { weight: 1, arbitrary: fc.constantFrom('webhook', 'workspace:ws-1', 'session:', 'breakout:a b', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://x/y', 'data:,x', 'C:', 'c:x') },
  { weight: 2, arbitrary: nastyText(12) },
);
const separator = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u3000', ' \r\n ', '\u2003', '\u200b');

/** Word lists with options mixed in, joined with odd whitespace: commands a person (or a paste) could send. */
const wordyCommand = fc
  .tuple(
    fc.option(keywordArb, { nil: undefined }),
    fc.array(fc.oneof({ weight: 4, arbitrary: wordArb.map((w) => [w]) }, { weight: 1, arbitrary: optionArb }), { maxLength: 10 }),
    fc.array(separator, { minLength: 12, maxLength: 12 }),
    fc.constantFrom('', ' ', '\n', '@Recap '),
  )
  .map(([keyword, groups, seps, lead]) => {
    const words = [...(keyword ? [keyword] : []), ...groups.flat()];
    return lead + words.map((w, i) => (i === 0 ? w : seps[i % seps.length]! + w)).join('');
  });

/** Hostile texts: huge, unbalanced quotes, control characters, repetition, lengths around the limit. */
const hostileCommand = fc.oneof(
  anyText(6000),
  nastyText(80),
  repeated(fc.constantFrom('"', "'", '“', '<', '<https://a.b|', '--', '--lang ', 'a=', ' ', '\u00a0', 'highlights=', 'x:', '\\'), 20_000),
  fc.integer({ min: MAX_COMMAND_LENGTH - 3, max: MAX_COMMAND_LENGTH + 3 }).map((n) => 'a '.repeat(n).slice(0, n)),
  fc.constantFrom(...PROTOTYPE_KEYS).map((k) => `https://x.com/a.vtt ${k}`),
);

// ---- a command built from a spec, with the invocation it must parse to ----------------------------------------

interface RecapSpec {
  ref: { text: string; expected: MediaRef };
  parts: Part[];
  partValue?: number;
  options: { provider?: string; lang?: string; glossary?: string; highlights?: number };
}

const refSpec: fc.Arbitrary<RecapSpec['ref']> = fc.oneof(
  fc.webUrl({ validSchemes: ['https'], withQueryParameters: true }).map((url) => ({ text: url, expected: { kind: 'url', url } as MediaRef })),
  fc.tuple(fc.constantFrom('assemblyai', 'pictory'), idArb).map(([p, id]) => ({ text: `${p}:${id}`, expected: { kind: 'provider', provider: p, id } as MediaRef })),
  fc.tuple(fc.constantFrom('session', 'breakout'), idArb).map(([v, id]) => ({ text: `${v}:${id}`, expected: { kind: 'provider', provider: 'spotme', id, variant: v } as MediaRef })),
  fc.stringMatching(/^VI[A-Za-z0-9_-]{4,16}$/).map((id) => ({ text: id, expected: { kind: 'provider', provider: 'memories', id } as MediaRef })),
  fc.stringMatching(/^PI-[A-Za-z0-9_-]{2,16}$/).map((id) => ({ text: `memories:${id}`, expected: { kind: 'provider', provider: 'memories', id, variant: 'public' } as MediaRef })),
);

const recapSpec: fc.Arbitrary<RecapSpec> = fc.record({
  ref: refSpec,
  parts: fc.subarray([...PARTS]),
  partValue: fc.option(fc.integer({ min: MIN_HIGHLIGHTS_SECONDS, max: MAX_HIGHLIGHTS_SECONDS }), { nil: undefined }),
  options: fc.record(
    {
      provider: fc.constantFrom(...PROVIDERS),
      lang: fc.constantFrom('en', 'es', 'pt-br', 'ja', 'zh-hant'),
      glossary: idArb,
      highlights: fc.integer({ min: MIN_HIGHLIGHTS_SECONDS, max: MAX_HIGHLIGHTS_SECONDS }),
    },
    { requiredKeys: [] },
  ),
});

/** Renders a spec as words: the ref first, parts after it, options anywhere, in any letter case for parts. */
const specCommand = fc
  .tuple(recapSpec, fc.array(fc.nat(), { minLength: 10, maxLength: 10 }), fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.constantFrom(' ', '  ', '\t', '\n'), fc.boolean())
  .map(([spec, positions, flags, sep, prefix]) => {
    const partTokens = spec.parts.map((p, i) => {
      const word = flags[i] ? p.toUpperCase() : p;
      return p === 'highlights' && spec.partValue !== undefined ? `${word}=${spec.partValue}` : word;
    });
    const words = [spec.ref.text, ...partTokens];
    const optionTokens = Object.entries(spec.options).map(([name, value], i) => (flags[i + 6] ? [`--${name}=${value}`] : [`--${name}`, String(value)]));
    for (const [i, tokens] of optionTokens.entries()) {
      // Options may come before the reference or between any two words; never split from their value.
      const at = positions[i]! % (words.length + 1);
      words.splice(at, 0, tokens.join(sep));
    }
    return { spec, text: `${prefix ? '/recap ' : ''}${words.join(sep)}` };
  });

function expectedInvocation(spec: RecapSpec): Invocation {
  const want = new Set<Part>(spec.parts);
  if (spec.options.highlights !== undefined) want.add('highlights');
  const highlightsSeconds = spec.parts.includes('highlights') && spec.partValue !== undefined ? spec.partValue : spec.options.highlights;
  return {
    name: 'recap',
    ref: spec.ref.expected,
    want: want.size ? PARTS.filter((p) => want.has(p)) : [...DEFAULT_PARTS],
    ...(highlightsSeconds !== undefined ? { highlightsSeconds } : {}),
    ...(spec.options.provider ? { provider: spec.options.provider } : {}),
    ...(spec.options.lang ? { lang: spec.options.lang } : {}),
    ...(spec.options.glossary ? { glossary: spec.options.glossary } : {}),
  } as Invocation;
}

// ---- invariants -----------------------------------------------------------------------------------------------

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function checkRef(ref: MediaRef, ctx: RefContext): void {
  ensure(ref !== null && typeof ref === 'object' && Object.getPrototypeOf(ref) === Object.prototype, () => `ref is not a plain object: ${String(ref)}`);
  switch (ref.kind) {
    case 'url':
      ensure(URL.canParse(ref.url) && /^https?:$/.test(new URL(ref.url).protocol), `url ref ${ref.url} is not an http(s) link`);
      break;
    case 'file':
      ensure(ctx.allowFiles, `file ref ${ref.path} where files are not allowed`);
      ensure(ref.path.length > 0, 'empty file path');
      break;
    case 'upload':
      ensure(ctx.attachment !== undefined && sameJson(ref, ctx.attachment), 'upload ref that is not the attachment');
      break;
    case 'provider':
      ensure((PROVIDERS as readonly string[]).includes(ref.provider), `unknown provider ${ref.provider}`);
      ensure(ID.test(ref.id), `provider id ${JSON.stringify(ref.id)} is not an id`);
      ensure(ref.variant === undefined || ['session', 'breakout', 'public'].includes(ref.variant), `variant ${ref.variant}`);
      ensure((ref.provider === 'spotme') === (ref.variant === 'session' || ref.variant === 'breakout'), 'spotme refs, and only they, are sessions or breakouts');
      break;
    default:
      throw new Error(`ref of unknown kind ${JSON.stringify(ref)}`);
  }
}

function checkInvocation(invocation: Invocation, ctx: RefContext): void {
  switch (invocation.name) {
    case 'recap': {
      checkRef(invocation.ref, ctx);
      ensure(invocation.want.length > 0, 'a recap that wants no parts');
      ensure(invocation.want.every((p) => (PARTS as readonly string[]).includes(p)), () => `parts ${String(invocation.want)} are not all PARTS`);
      ensure(sameJson(invocation.want, PARTS.filter((p) => invocation.want.includes(p))), 'parts out of order or repeated');
      if (invocation.highlightsSeconds !== undefined) {
        const s = invocation.highlightsSeconds;
        ensure(Number.isInteger(s) && s >= MIN_HIGHLIGHTS_SECONDS && s <= MAX_HIGHLIGHTS_SECONDS, `highlightsSeconds ${s}`);
        ensure(invocation.want.includes('highlights'), 'a highlight length without highlights');
      }
      if (invocation.provider !== undefined) ensure((PROVIDERS as readonly string[]).includes(invocation.provider), `provider ${invocation.provider}`);
      if (invocation.lang !== undefined) ensure(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(invocation.lang), `lang ${invocation.lang}`);
      if (invocation.glossary !== undefined) ensure(/^[A-Za-z0-9._-]{1,128}$/.test(invocation.glossary), `glossary ${invocation.glossary}`);
      break;
    }
    case 'search':
      checkRef(invocation.ref, ctx);
      ensure(invocation.words.length > 0 && invocation.words.every((w) => w.trim().length > 0), 'search without words');
      ensure(invocation.words.join(' ').length <= 200, 'search words longer than 200 characters');
      if (invocation.provider !== undefined) ensure((PROVIDERS as readonly string[]).includes(invocation.provider), `provider ${invocation.provider}`);
      break;
    case 'status':
      ensure(/^[A-Za-z0-9_-]{22}$/.test(invocation.job), `job id ${invocation.job}`);
      break;
    case 'subscribe':
    case 'unsubscribe':
      if (invocation.watch.kind !== 'webhook') {
        ensure(['session', 'breakout', 'workspace'].includes(invocation.watch.kind), `watch kind ${invocation.watch.kind}`);
        ensure(/^[A-Za-z0-9_.-]{1,100}$/.test(invocation.watch.id), `watch id ${invocation.watch.id}`);
      }
      break;
    case 'help':
      ensure(invocation.topic === undefined || (typeof invocation.topic === 'string' && invocation.topic.length > 0), 'help topic');
      break;
    case 'subscriptions':
      break;
    default:
      throw new Error(`unknown invocation ${JSON.stringify(invocation)}`);
  }
}

function checkOutcome(outcome: ParseOutcome, input: string, ctx: RefContext): void {
  ensure(outcome !== null && typeof outcome === 'object', 'outcome is not an object');
  if (outcome.ok) {
    checkInvocation(outcome.invocation, ctx);
    return;
  }
  ensure(outcome.error !== CATCH_ALL, 'a parser threw (parseCommand answered with its catch-all)');
  expectClearMessage(outcome.error, input, 'error');
  if (outcome.hint !== undefined) expectClearMessage(outcome.hint, input, 'hint');
  ensure(typeof outcome.usage === 'string' && outcome.usage.startsWith('/recap'), `usage ${outcome.usage}`);
}

// ---- the property ---------------------------------------------------------------------------------------------

const attachment: MediaRef = { kind: 'upload', platform: 'slack', fileId: 'F1', url: 'https://files.slack.com/f/standup.vtt', name: 'standup.vtt' };
const ctxArb: fc.Arbitrary<RefContext> = fc.record({ allowFiles: fc.boolean(), withAttachment: fc.boolean() }).map(({ allowFiles, withAttachment }) => ({
  allowFiles,
  ...(withAttachment ? { attachment } : {}),
}));

type Case = { kind: 'text'; text: string; ctx: RefContext } | { kind: 'spec'; spec: RecapSpec; text: string; ctx: RefContext };

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(wordyCommand, ctxArb).map(([text, ctx]): Case => ({ kind: 'text', text, ctx })) },
  { weight: 3, arbitrary: fc.tuple(specCommand, fc.boolean()).map(([{ spec, text }, allowFiles]): Case => ({ kind: 'spec', spec, text, ctx: { allowFiles } })) },
  { weight: 2, arbitrary: fc.tuple(hostileCommand, ctxArb).map(([text, ctx]): Case => ({ kind: 'text', text, ctx })) },
);

/** One case of the property, for replaying a counterexample in a unit test. */
export function checkGrammarCase(c: Case): void {
  checkCase(c);
}

export type GrammarCase = Case;

function checkCase(c: Case): void {
  const outcome = parseCommand(c.text, c.ctx);
  checkOutcome(outcome, c.text, c.ctx);
  if (c.kind === 'spec') {
    ensure(outcome.ok, () => `a valid command was refused: ${JSON.stringify(c.text)} → ${JSON.stringify(outcome)}`);
    const expected = expectedInvocation(c.spec);
    ensure(sameJson(outcome.invocation, expected), () => `${JSON.stringify(c.text)} parsed to ${JSON.stringify(outcome.invocation)}, expected ${JSON.stringify(expected)}`);
    return;
  }
  if (c.text.length > MAX_COMMAND_LENGTH) return;
  // The pieces, called directly: a throw here shows where, instead of parseCommand's catch-all.
  const tokens = tokenize(c.text.normalize('NFC'));
  ensure(Array.isArray(tokens) && tokens.every((t) => typeof t === 'string'), 'tokenize returned something else than words');
  for (const token of tokens.slice(0, 12)) {
    const ref = parseRef(token, c.ctx);
    if (ref.ok) checkRef(ref.ref, c.ctx);
    else {
      expectClearMessage(ref.error, c.text, 'ref error');
      expectClearMessage(ref.hint, c.text, 'ref hint');
    }
  }
  const split = splitOptions(tokens, ['provider', 'lang', 'glossary', 'highlights']);
  if (!split.ok) expectClearMessage(split.error, c.text, 'option error');
  for (const command of COMMANDS) {
    const outcome = command.parse(tokens.slice(command.keyword && tokens[0]?.toLowerCase() === command.keyword ? 1 : 0), c.ctx);
    checkOutcome(outcome, c.text, c.ctx);
  }
}

/** Fuzzes `parseCommand` and the parsers behind it. */
export async function fuzzGrammar(runs: number, stats?: FuzzStats): Promise<void> {
  await runFuzz('grammar', caseArb, checkCase, runs, stats);
}
