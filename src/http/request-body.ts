/**
 * Turns the body options of a provider request (`json`, `form`, `multipart`, raw `body`) into what undici sends.
 * Uploads are the reason this needs care: a recording can be gigabytes, so a file-backed Blob is handed to
 * undici's FormData as is and read from disk while it is sent, never copied into memory.
 */
import { Readable } from 'node:stream';
import { FormData } from 'undici';
import type { RequestOptions } from './http-client-types.ts';
import { isStreamBody } from './retry-policy.ts';

/** One attempt's body and the headers that describe it. */
export interface EncodedBody {
  body?: string | Uint8Array | Readable | FormData;
  /** Lower-case names. Empty for multipart: undici writes the boundary into Content-Type itself. */
  headers: Record<string, string>;
}

/**
 * Checks that at most one body option is set and returns a factory for each attempt's body. A factory rather
 * than a value because a FormData's stream and a Readable are used up by one attempt; a retry builds a fresh one
 * (the file-backed Blob underneath can be read again; an AsyncIterable cannot, which is why those are never
 * retried).
 *
 * @throws TypeError when two body options are given: that is a bug in the provider client, not a user error.
 */
export function prepareBody(options: RequestOptions): () => EncodedBody {
  const given = (['json', 'form', 'multipart', 'body'] as const).filter((key) => options[key] !== undefined);
  if (given.length > 1) throw new TypeError(`A request takes one body option, got ${given.join(' and ')}`);

  if (options.json !== undefined) {
    const text = JSON.stringify(options.json);
    return () => ({ body: text, headers: { 'content-type': 'application/json' } });
  }
  if (options.form !== undefined) {
    const text = encodeForm(options.form);
    return () => ({ body: text, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
  if (options.multipart !== undefined) {
    const multipart = options.multipart;
    return () => ({ body: buildFormData(multipart), headers: {} });
  }
  const raw = options.body;
  if (raw === undefined) return () => ({ headers: {} });
  if (isStreamBody(raw)) {
    // Readable.from pulls from the iterable as the socket drains, so a large upload stays in constant memory.
    let used = false;
    return () => {
      if (used) throw new TypeError('A streamed body can be sent only once');
      used = true;
      return { body: Readable.from(raw, { objectMode: false }), headers: {} };
    };
  }
  return () => ({ body: raw, headers: {} });
}

/** `application/x-www-form-urlencoded`, leaving out fields whose value is undefined. */
export function encodeForm(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.append(key, value);
  return params.toString();
}

/**
 * undici's own FormData, which undici's request() streams part by part (the Blob through `blob.stream()`), with
 * the Content-Length computed from the parts' sizes so no chunked encoding is needed. `slice` re-types the Blob
 * when the caller names a content type; it makes a view of the same file, not a copy.
 */
function buildFormData(multipart: NonNullable<RequestOptions['multipart']>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(multipart.fields ?? {})) if (value !== undefined) form.append(key, value);
  const file = multipart.file;
  if (file) {
    const blob = file.contentType && file.contentType !== file.blob.type ? file.blob.slice(0, file.blob.size, file.contentType) : file.blob;
    form.append(file.field, blob, file.filename);
  }
  return form;
}
