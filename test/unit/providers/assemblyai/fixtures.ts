/** Loads the AssemblyAI fixtures (answers shaped like the vendor's examples) through the client's own schemas. */
import { readFileSync } from 'node:fs';
import type { ZodType } from 'zod';

const DIR = new URL('../../../fixtures/providers/assemblyai/', import.meta.url);

/** The raw JSON of a fixture. */
export function rawFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as unknown;
}

/** A fixture parsed by `schema`, as the client would hand it over. */
export function fixture<T>(name: string, schema: ZodType<T>): T {
  return schema.parse(rawFixture(name));
}
