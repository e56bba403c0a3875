import { describe, expect, it } from 'vitest';
import { COMMAND_LIMITS, OPTION, recapCommandDefinition } from '../../../adapters/discord/command-definition.ts';
import { commandRequest } from '../../../adapters/discord/discord-refs.ts';
import { parseCommand } from '../../../commands/grammar.ts';
import { COMMANDS } from '../../../commands/registry.ts';

describe('the /recap application command', () => {
  const definition = recapCommandDefinition();

  it('fits Discord limits: lowercase names of at most 32, descriptions of at most 100, at most 25 options', () => {
    for (const item of [definition, ...definition.options]) {
      expect(item.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(item.description.length).toBeGreaterThan(0);
      expect(item.description.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
    }
    expect(definition.options.length).toBeLessThanOrEqual(COMMAND_LIMITS.options);
    // Required options must come first; none is required (a file alone, or `help`, is a whole request).
    expect(definition.options.every((o) => !o.required)).toBe(true);
  });

  it('names every other command of the registry in the ref option, so Discord users can reach search and help', () => {
    const ref = definition.options.find((o) => o.name === OPTION.ref)!;
    for (const command of COMMANDS.filter((c) => c.keyword)) expect(ref.description).toContain(command.keyword!);
  });

  it('round trip: options filled in as Discord sends them parse into the invocation the grammar would give', () => {
    const names = definition.options.map((o) => o.name).sort();
    expect(names).toEqual(Object.values(OPTION).sort());
    const data = {
      name: 'recap',
      options: [
        { name: OPTION.ref, type: 3, value: 'https://example.com/standup.vtt' },
        { name: OPTION.parts, type: 3, value: 'summary chapters' },
        { name: OPTION.highlights, type: 4, value: 90 },
        { name: OPTION.lang, type: 3, value: 'de' },
        { name: OPTION.provider, type: 3, value: 'local' },
      ],
    };
    const request = commandRequest(data);
    const parsed = parseCommand(request.text, { allowFiles: false });
    expect(parsed).toMatchObject({
      ok: true,
      invocation: { name: 'recap', ref: { kind: 'url', url: 'https://example.com/standup.vtt' }, highlightsSeconds: 90, lang: 'de', provider: 'local' },
    });
    if (parsed.ok && parsed.invocation.name === 'recap') expect(new Set(parsed.invocation.want)).toEqual(new Set(['summary', 'chapters', 'highlights']));
  });

  it('offers the providers as choices and bounds highlights as the grammar does', () => {
    const provider = definition.options.find((o) => o.name === OPTION.provider)!;
    for (const choice of provider.choices ?? []) expect(parseCommand(`https://e.com/a.mp4 --provider ${choice.value}`, { allowFiles: false }).ok).toBe(true);
    const highlights = definition.options.find((o) => o.name === OPTION.highlights)!;
    expect(parseCommand(`https://e.com/a.vtt highlights=${highlights.min_value}`, { allowFiles: false }).ok).toBe(true);
    expect(parseCommand(`https://e.com/a.vtt highlights=${highlights.max_value}`, { allowFiles: false }).ok).toBe(true);
    expect(parseCommand(`https://e.com/a.vtt highlights=${highlights.max_value! + 1}`, { allowFiles: false }).ok).toBe(false);
  });
});
