/** Loads the SpotMe fixtures in `test/fixtures/providers/spotme/`. */
import { readFileSync } from 'node:fs';

const dir = new URL('../../../fixtures/providers/spotme/', import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name)) as unknown;
}
