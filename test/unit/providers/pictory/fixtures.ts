/** Loads the Pictory JSON fixtures (answers shaped like the vendor's documented examples). */
import { readFileSync } from 'node:fs';

const DIR = new URL('../../../fixtures/providers/pictory/', import.meta.url);

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
}
