import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../commands/grammar.ts';
import type { Invocation, ParseOutcome } from '../../../commands/invocation.ts';

const shell = { allowFiles: true };
const chat = { allowFiles: false };

function invocation(outcome: ParseOutcome): Invocation {
  if (!outcome.ok) throw new Error(`expected success, got: ${outcome.error}`);
  return outcome.invocation;
}

describe('command grammar: references', () => {
  it.each([
    ['https://example.com/a.vtt', { kind: 'url', url: 'https://example.com/a.vtt' }],
    ['http://example.com/m.mp4?x=1', { kind: 'url', url: 'http://example.com/m.mp4?x=1' }],
    ['<https://example.com/a.vtt|a.vtt>', { kind: 'url', url: 'https://example.com/a.vtt' }],
    ['assemblyai:5551722-f677-48a6', { kind: 'provider', provider: 'assemblyai', id: '5551722-f677-48a6' }],
    ['memories:VI568102998803353600', { kind: 'provider', provider: 'memories', id: 'VI568102998803353600' }],
    ['VI568102998803353600', { kind: 'provider', provider: 'memories', id: 'VI568102998803353600' }],
    ['PI-603068775285264430', { kind: 'provider', provider: 'memories', id: 'PI-603068775285264430', variant: 'public' }],
    ['pictory:95333422-8e76-4962-812b-5b6d7276451a', { kind: 'provider', provider: 'pictory', id: '95333422-8e76-4962-812b-5b6d7276451a' }],
    ['session:ls_123', { kind: 'provider', provider: 'spotme', id: 'ls_123', variant: 'session' }],
    ['breakout:b-9', { kind: 'provider', provider: 'spotme', id: 'b-9', variant: 'breakout' }],
  ])('recognises %s', (word, ref) => {
    const result = invocation(parseCommand(word, chat));
    expect(result).toMatchObject({ name: 'recap', ref });
  });

  it('takes local paths in the shell, quoted paths with spaces included', () => {
    expect(invocation(parseCommand('./meeting.vtt', shell))).toMatchObject({ ref: { kind: 'file', path: './meeting.vtt' } });
    expect(invocation(parseCommand('"My Meetings/board call.srt" summary', shell))).toMatchObject({
      ref: { kind: 'file', path: 'My Meetings/board call.srt' },
      want: ['summary'],
    });
    expect(invocation(parseCommand('Bed002.vtt', shell))).toMatchObject({ ref: { kind: 'file', path: 'Bed002.vtt' } });
  });

  it('refuses local paths in chat, saying to attach the file or share a link', () => {
    const result = parseCommand('./meeting.vtt', chat);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.hint).toMatch(/attach the file/i);
  });

  it.each(['ftp://example.com/a.vtt', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://x'])('refuses the %s scheme', (word) => {
    const result = parseCommand(word, shell);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('does not fetch');
  });

  it('names the known forms when a word is not a reference', () => {
    const result = parseCommand('yesterday', chat);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('"yesterday"');
      expect(result.hint).toContain('assemblyai:<id>');
      expect(result.usage).toContain('/recap <link or id>');
    }
  });

  it('rejects a provider prefix without an id', () => {
    const result = parseCommand('assemblyai:', chat);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('no valid id');
  });
});

describe('command grammar: parts and options', () => {
  it('asks for summary, chapters, phrases and captions when no part is named', () => {
    expect(invocation(parseCommand('/recap https://x.io/a.vtt', chat))).toMatchObject({
      want: ['summary', 'chapters', 'phrases', 'captions'],
    });
  });

  it('keeps only the named parts, in canonical order', () => {
    expect(invocation(parseCommand('https://x.io/a.vtt transcript highlights summary', chat))).toMatchObject({
      want: ['summary', 'highlights', 'transcript'],
    });
  });

  it('reads highlight lengths as highlights=N and --highlights N', () => {
    expect(invocation(parseCommand('https://x.io/a.vtt highlights=90', chat))).toMatchObject({ want: ['highlights'], highlightsSeconds: 90 });
    expect(invocation(parseCommand('https://x.io/a.vtt --highlights 2m', chat))).toMatchObject({ want: ['highlights'], highlightsSeconds: 120 });
    const bad = parseCommand('https://x.io/a.vtt highlights=0', chat);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.hint).toMatch(/seconds from 5 to 3600/);
  });

  it('reads --provider, --lang and --glossary in both spellings', () => {
    expect(invocation(parseCommand('https://x.io/a.mp4 --provider=AssemblyAI --lang pt-BR --glossary g1', chat))).toMatchObject({
      provider: 'assemblyai',
      lang: 'pt-br',
      glossary: 'g1',
    });
  });

  it('says which option is wrong and what it accepts', () => {
    const unknownProvider = parseCommand('https://x.io/a.mp4 --provider otter', chat);
    expect(unknownProvider).toMatchObject({ ok: false, error: expect.stringContaining('otter'), hint: expect.stringContaining('assemblyai') });
    const missingValue = parseCommand('https://x.io/a.mp4 --lang', chat);
    expect(missingValue).toMatchObject({ ok: false, error: '--lang needs a value.' });
    const unknownOption = parseCommand('https://x.io/a.mp4 --fast', chat);
    expect(unknownOption).toMatchObject({ ok: false, error: expect.stringContaining('--fast') });
  });

  it('rejects unknown parts and a second reference', () => {
    expect(parseCommand('https://x.io/a.vtt everything', chat)).toMatchObject({ ok: false, error: expect.stringContaining('not a part') });
    expect(parseCommand('https://x.io/a.vtt https://x.io/b.vtt', chat)).toMatchObject({ ok: false, error: 'Recap one thing at a time.' });
  });
});

describe('command grammar: other commands', () => {
  it('parses search with its words', () => {
    expect(invocation(parseCommand('search assemblyai:abc pricing model', chat))).toEqual({
      name: 'search',
      ref: { kind: 'provider', provider: 'assemblyai', id: 'abc' },
      words: ['pricing', 'model'],
    });
    expect(parseCommand('search assemblyai:abc', chat)).toMatchObject({ ok: false, error: 'Tell me what to search for.' });
  });

  it('answers help for help and for nothing at all', () => {
    expect(invocation(parseCommand('help', chat))).toEqual({ name: 'help' });
    expect(invocation(parseCommand('   ', chat))).toEqual({ name: 'help' });
    expect(invocation(parseCommand('/recap', chat))).toEqual({ name: 'help' });
  });

  it('refuses commands longer than it reads', () => {
    expect(parseCommand(`https://x.io/${'a'.repeat(5000)}`, chat)).toMatchObject({ ok: false, error: expect.stringContaining('at most 4000') });
  });
});

describe('command grammar: properties', () => {
  it('never throws and every failure says what was wrong, with the usage line', () => {
    const words = fc.oneof(
      fc.constantFrom('summary', 'highlights=', 'highlights=30', '--provider', '--lang', 'x', '"', "'", '<', '>', '|', 'search', 'help', 'session:', 'VI', 'PI-', 'https://', '=', '--'),
      fc.string(),
      fc.webUrl(),
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), fc.boolean(), (parts, allowFiles) => {
        const outcome = parseCommand(parts.join(' '), { allowFiles });
        if (!outcome.ok) {
          expect(outcome.error.length).toBeGreaterThan(0);
          expect(outcome.usage.startsWith('/recap')).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parses every https URL fast-check generates as a url reference', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'] }), (url) => {
        const outcome = parseCommand(url, { allowFiles: false });
        expect(outcome.ok).toBe(true);
        if (outcome.ok && outcome.invocation.name === 'recap') expect(outcome.invocation.ref).toEqual({ kind: 'url', url });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('command grammar: chat attachments', () => {
  const attachment = { kind: 'upload' as const, platform: 'slack' as const, fileId: 'F1', url: 'https://files.slack.com/f/standup.vtt', name: 'standup.vtt' };

  it('uses the attached file when the words name only parts, or nothing', () => {
    expect(invocation(parseCommand('summary highlights=30', { allowFiles: false, attachment }))).toMatchObject({
      ref: attachment,
      want: ['summary', 'highlights'],
      highlightsSeconds: 30,
    });
    expect(invocation(parseCommand('', { allowFiles: false, attachment }))).toMatchObject({ ref: attachment, want: ['summary', 'chapters', 'phrases', 'captions'] });
    expect(invocation(parseCommand('--lang es', { allowFiles: false, attachment }))).toMatchObject({ ref: attachment, lang: 'es' });
  });

  it('prefers a link written in the message over the attachment', () => {
    expect(invocation(parseCommand('https://x.io/a.vtt summary', { allowFiles: false, attachment }))).toMatchObject({ ref: { kind: 'url' } });
  });
});
