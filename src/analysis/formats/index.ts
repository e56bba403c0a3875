export { readTranscript } from './read.ts';
export type { ReadHint } from './read.ts';
