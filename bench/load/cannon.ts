/**
 * autocannon (https://github.com/mcollina/autocannon) against Recap's `/slack/events`, fed from a pool of
 * pre-signed deliveries: each connection takes the next unused one for every request (`setupRequest`), and notes
 * which delivery got which status (`onResponse`), so the bench knows exactly which events Recap acknowledged.
 */
import autocannon from 'autocannon';
import type { SignedEvent } from './slack-events.ts';

export interface CannonSpec {
  origin: string;
  path: string;
  events: SignedEvent[];
  connections: number;
  durationS: number;
  /** Total requests per second across connections (open loop in one-second slots); closed loop when unset. */
  overallRate?: number;
}

export interface CannonResult {
  sent: number;
  /** Deliveries answered 2xx, by key. */
  acked: Set<string>;
  statuses: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  requestsPerSecond: number;
  durationS: number;
  /** The pool ran out before the time was up (the run stopped early). */
  exhausted: boolean;
}

interface Context {
  event?: SignedEvent;
}

export async function fire(spec: CannonSpec): Promise<CannonResult> {
  let next = 0;
  const acked = new Set<string>();
  const statuses: Record<string, number> = {};
  const url = new URL(spec.path, spec.origin);
  const result = await autocannon({
    url: url.href,
    connections: spec.connections,
    duration: spec.durationS,
    pipelining: 1,
    timeout: 10,
    // Stop before a delivery would be sent twice.
    maxOverallRequests: spec.events.length,
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (request: autocannon.Request, context: Context) => {
          const event = spec.events[next++];
          if (!event) return request;
          context.event = event;
          return { ...request, method: 'POST', path: url.pathname, headers: event.headers, body: event.body } as autocannon.Request;
        },
        onResponse: (status: number, _body: string, context: Context) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300 && context.event) acked.add(context.event.key);
        },
      } as unknown as autocannon.Request,
    ],
  });
  const latency = result.latency as autocannon.Histogram & { p90: number; p99: number; p50: number };
  return {
    sent: Math.min(next, spec.events.length),
    acked,
    statuses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: latency.p50,
    p90: latency.p90,
    p99: latency.p99,
    max: latency.max,
    mean: latency.average,
    requestsPerSecond: result.requests.average,
    durationS: result.duration,
    exhausted: next >= spec.events.length,
  };
}
