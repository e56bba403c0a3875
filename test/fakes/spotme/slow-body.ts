/**
 * A fault the shared harness lacks: headers arrive at once but the body trickles in, chunk by chunk. It tests the
 * client's per-attempt deadline, which must cover the body and not only the headers.
 */
import type { MiddlewareHandler } from 'hono';

export interface SlowBodyRule {
  /** Matches when the request path contains this string, or matches this RegExp. */
  path: string | RegExp;
  /** Pause before each chunk. */
  chunkDelayMs: number;
  /** How many chunks the body is cut into; default 5. */
  chunks?: number;
  /** How many responses it applies to; default 1. */
  times?: number;
}

export interface SlowBody {
  middleware: MiddlewareHandler;
  add(rule: SlowBodyRule): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSlowBody(): SlowBody {
  const rules: (SlowBodyRule & { left: number })[] = [];
  const middleware: MiddlewareHandler = async (c, next) => {
    await next();
    const path = c.req.path;
    const index = rules.findIndex((r) => (typeof r.path === 'string' ? path.includes(r.path) : r.path.test(path)));
    if (index === -1) return;
    const rule = rules[index]!;
    rule.left -= 1;
    if (rule.left <= 0) rules.splice(index, 1);
    const bytes = new Uint8Array(await c.res.arrayBuffer());
    const count = Math.max(1, rule.chunks ?? 5);
    const size = Math.ceil(bytes.length / count);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        try {
          for (let at = 0; at < bytes.length; at += size) {
            await sleep(rule.chunkDelayMs);
            controller.enqueue(bytes.subarray(at, at + size));
          }
          controller.close();
        } catch {
          // The client gave up (its deadline fired) and the stream was cancelled: nothing left to send.
        }
      },
    });
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(body, { status: c.res.status, headers });
  };
  return { middleware, add: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }) };
}
