/**
 * A streaming multipart/form-data reader for the fake's upload route. Hono's `parseBody()` would hold the whole
 * file in memory; this one keeps text fields, and of each file only its name, type, byte count and how many chunks
 * it arrived in, so a test can prove the client streamed a large Blob instead of sending one buffer.
 */

export interface ReceivedFile {
  field: string;
  filename: string;
  contentType?: string;
  bytes: number;
}

export interface ReceivedMultipart {
  fields: Record<string, string>;
  files: ReceivedFile[];
  /** Bytes of the whole body, boundaries included. */
  totalBytes: number;
  /** Reads of the request stream it took (1 means it all came in one piece). */
  chunks: number;
}

/** The boundary of a `multipart/form-data` content type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

function parseHeaders(block: string): { field?: string; filename?: string; contentType?: string } {
  const disposition = /content-disposition:[^\r\n]*/i.exec(block)?.[0] ?? '';
  const field = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  const contentType = /content-type:\s*([^\r\n]+)/i.exec(block)?.[1]?.trim();
  return { ...(field !== undefined ? { field } : {}), ...(filename !== undefined ? { filename } : {}), ...(contentType ? { contentType } : {}) };
}

/**
 * Reads the body part by part. Only the bytes that may still hold a boundary are kept between chunks.
 *
 * @throws Error when the body is not well-formed multipart (the route answers 0001 then).
 */
export async function readMultipart(body: ReadableStream<Uint8Array> | null, boundary: string): Promise<ReceivedMultipart> {
  const opening = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const result: ReceivedMultipart = { fields: {}, files: [], totalBytes: 0, chunks: 0 };
  let pending = Buffer.alloc(0);
  let state: 'preamble' | 'headers' | 'body' | 'after-delimiter' | 'done' = 'preamble';
  let part: { field?: string; filename?: string; contentType?: string } = {};
  let text: Buffer[] = [];
  let bytes = 0;

  const take = (content: Buffer) => {
    if (part.filename !== undefined) bytes += content.length;
    else text.push(content);
  };
  const endPart = () => {
    if (part.filename !== undefined) {
      result.files.push({ field: part.field ?? '', filename: part.filename, ...(part.contentType ? { contentType: part.contentType } : {}), bytes });
    } else if (part.field !== undefined) {
      result.fields[part.field] = Buffer.concat(text).toString('utf8');
    }
    part = {};
    text = [];
    bytes = 0;
  };

  const step = (): boolean => {
    switch (state) {
      case 'preamble': {
        const at = pending.indexOf(opening);
        if (at === -1) return false;
        pending = pending.subarray(at + opening.length);
        state = 'after-delimiter';
        return true;
      }
      case 'after-delimiter': {
        if (pending.length < 2) return false;
        const next = pending.subarray(0, 2).toString('latin1');
        pending = pending.subarray(2);
        state = next === '--' ? 'done' : 'headers';
        if (state === 'headers' && next !== '\r\n') throw new Error('malformed multipart: no line break after a boundary');
        return true;
      }
      case 'headers': {
        const end = pending.indexOf('\r\n\r\n');
        if (end === -1) return false;
        part = parseHeaders(pending.subarray(0, end).toString('utf8'));
        pending = pending.subarray(end + 4);
        state = 'body';
        return true;
      }
      case 'body': {
        const at = pending.indexOf(delimiter);
        if (at === -1) {
          // Everything but a possible partial delimiter at the end belongs to this part.
          const safe = Math.max(0, pending.length - delimiter.length + 1);
          take(pending.subarray(0, safe));
          pending = pending.subarray(safe);
          return false;
        }
        take(pending.subarray(0, at));
        endPart();
        pending = pending.subarray(at + delimiter.length);
        state = 'after-delimiter';
        return true;
      }
      case 'done':
        pending = Buffer.alloc(0);
        return false;
    }
  };

  if (body) {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      result.chunks += 1;
      result.totalBytes += chunk.byteLength;
      // Copies only the unprocessed tail plus this chunk; a file's bytes are counted and dropped.
      pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
      while (step()) {
        // keep stepping while the buffer holds a whole token
      }
    }
  }
  // `step` moves `state` inside a closure, which the compiler's narrowing cannot see.
  if ((state as string) !== 'done') throw new Error('malformed multipart: the closing boundary never came');
  return result;
}
