/**
 * Slow bodies for the fake AssemblyAI: the harness can delay or withhold a whole answer, but a body that starts
 * on time and then trickles is a different failure (the client's deadline must cover the body, not just the
 * headers). A matching answer is sent in eight pieces, `chunkDelayMs` apart, after its headers.
 */
import type { Context } from 'hono';

export interface SlowBodyRule {
  path: string | RegExp;
  chunkDelayMs: number;
  times?: number;
}

/** Returns `send(c, body, status)`, which answers JSON, trickled when a queued rule matches the path. */
export function createSender() {
  const rules: { path: string | RegExp; chunkDelayMs: number; left: number }[] = [];

  function send(c: Context, body: unknown, status = 200): Response {
    const path = new URL(c.req.url).pathname;
    const index = rules.findIndex((r) => r.left > 0 && (typeof r.path === 'string' ? path.includes(r.path) : r.path.test(path)));
    if (index === -1) return c.json(body as object, status as 200);
    const rule = rules[index]!;
    if (--rule.left === 0) rules.splice(index, 1);
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const size = Math.ceil(bytes.length / 8);
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, rule.chunkDelayMs));
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
      },
    });
    return new Response(stream, { status, headers: { 'content-type': 'application/json' } });
  }

  return {
    send,
    slowBody: (rule: SlowBodyRule) => rules.push({ path: rule.path, chunkDelayMs: rule.chunkDelayMs, left: rule.times ?? 1 }),
  };
}
