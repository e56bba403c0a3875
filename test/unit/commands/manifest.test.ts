import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/registry.ts';

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8'));

describe('manifest.json', () => {
  it('offers /recap with the usage hint of the command registry', () => {
    const [slash] = manifest.features.slash_commands;
    const recap = COMMANDS.find((c) => c.name === 'recap')!;
    expect(slash.command).toBe('/recap');
    expect(`/recap ${slash.usage_hint}`).toBe(recap.usage);
    expect(slash.url).toMatch(/\/slack\/commands$/);
  });

  it('asks for the scopes the entry points need and nothing unrelated', () => {
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    for (const needed of ['commands', 'chat:write', 'app_mentions:read', 'files:read', 'files:write']) expect(scopes).toContain(needed);
    expect(scopes.some((s) => s.startsWith('admin') || s === 'users:read.email')).toBe(false);
  });
});
