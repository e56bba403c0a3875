/** Transcript readers: WebVTT, SRT and plain text in, a `Transcript` with integer-ms times out. */
export { readTranscript, detectFormat } from './read.ts';
export type { ReadHint, DetectedFormat } from './read.ts';
