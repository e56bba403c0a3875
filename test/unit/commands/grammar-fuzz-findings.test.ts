/**
 * Regressions for what the grammar fuzzer (test/fuzz/grammar.fuzz.ts) found, each with its shrunk counterexample,
 * replayed through the fuzz property's own check as well as asserted plainly.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../commands/grammar.ts';
import { checkGrammarCase } from '../../fuzz/grammar.fuzz.ts';

const chat = { allowFiles: false };
const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('grammar fuzz findings', () => {
  it('a word that names an Object.prototype member is not a part (was: a recap of no parts at all)', () => {
    // Shrunk counterexample: {"kind":"text","text":"https://x.com/a.vtt __proto__","ctx":{"allowFiles":false}}
    checkGrammarCase({ kind: 'text', text: 'https://x.com/a.vtt __proto__', ctx: chat });
    for (const word of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const outcome = parseCommand(`https://x.com/a.vtt ${word}`, chat);
      expect(outcome.ok, word).toBe(false);
      if (!outcome.ok) expect(outcome.error).toBe(`"${word}" is not a part of a recap.`);
    }
    const attachment = { kind: 'upload' as const, platform: 'slack' as const, fileId: 'F1', url: 'https://files.slack.com/a.vtt' };
    expect(parseCommand('constructor', { allowFiles: false, attachment }).ok).toBe(false);
    expect(parseCommand('constructor=5', chat)).toMatchObject({ ok: false });
  });

  it('constructor:<id> is not a provider reference (was: a String object as the ref)', () => {
    // Found while fixing the one above: `scheme in PREFIXES` is true for "constructor".
    checkGrammarCase({ kind: 'text', text: 'constructor:abc', ctx: chat });
    expect(parseCommand('constructor:abc', chat)).toMatchObject({ ok: false, error: '"constructor:abc" uses "constructor:", which Recap does not fetch.' });
    expect(parseCommand('search constructor:abc budget', chat)).toMatchObject({ ok: false });
  });

  it('an empty quoted word is no search word (was: a search for nothing)', () => {
    // Shrunk counterexample: {"kind":"text","text":"<https://example.com/standup.vtt|label> “","ctx":{"allowFiles":false}}
    checkGrammarCase({ kind: 'text', text: '<https://example.com/standup.vtt|label> “', ctx: chat });
    for (const text of ['search https://example.com/a.vtt “', 'search https://example.com/a.vtt ""', "search https://example.com/a.vtt ' '"]) {
      expect(parseCommand(text, chat)).toMatchObject({ ok: false, error: 'Tell me what to search for.' });
    }
    expect(parseCommand('search https://example.com/a.vtt "" budget', chat)).toMatchObject({ ok: true, invocation: { words: ['budget'] } });
  });

  it('echoed words are never cut inside an emoji (was: a lone surrogate in the reply)', () => {
    // Shrunk counterexample (ref): 'toLocaleString!!!__defineGetter____defineGetter__!!isPrototypeOftoLocaleString𐀀__proto__'
    checkGrammarCase({ kind: 'text', text: 'toLocaleString!!!__defineGetter____defineGetter__!!isPrototypeOftoLocaleString𐀀__proto__', ctx: chat });
    const cases = [`${'x'.repeat(78)}😀`, `status ${'x'.repeat(39)}😀`, `x --lang ${'x'.repeat(39)}😀`, `x --provider ${'x'.repeat(39)}😀`, `--${'x'.repeat(37)}😀`, `https://a.b/c.vtt ${'x'.repeat(39)}😀`];
    for (const text of cases) {
      const outcome = parseCommand(text, chat);
      expect(outcome.ok, text).toBe(false);
      if (!outcome.ok) expect(isWellFormed(outcome.error), outcome.error).toBe(true);
    }
  });
});

describe('subscribe echoes (fuzz finding)', () => {
  it('an echoed word is never cut inside an emoji', () => {
    const outcome = parseCommand(`subscribe ${'x'.repeat(39)}😀`, { allowFiles: false });
    expect(outcome.ok).toBe(false);
    const error = outcome.ok ? '' : outcome.error;
    expect(error).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('unknown schemes (fuzz finding, bench:fuzz seed 1871780230)', () => {
  it('a long made-up scheme is echoed cut, not whole', () => {
    const outcome = parseCommand(`A${'-'.repeat(990)}:`, { allowFiles: false });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error.length).toBeLessThan(200);
  });
});
