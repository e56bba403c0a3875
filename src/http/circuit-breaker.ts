/**
 * A circuit breaker per provider and base URL, shared by every client in the process that talks to the same
 * API. When a provider keeps failing, each new recap would otherwise spend its whole retry budget (and the
 * user's patience) rediscovering that; an open breaker answers at once instead, and lets a single trial call
 * through after a cooldown to find out whether the provider is back.
 */
import type { BreakerPolicy } from './http-client-types.ts';

/** {@link BreakerPolicy} with every default filled in. */
export interface ResolvedBreakerPolicy {
  failureThreshold: number;
  cooldownMs: number;
}

/** Defaults documented on {@link BreakerPolicy}. */
export const BREAKER_DEFAULTS: ResolvedBreakerPolicy = { failureThreshold: 5, cooldownMs: 30_000 };

/** Fills in defaults; a threshold below 1 would open the breaker before any failure, so it is raised to 1. */
export function resolveBreakerPolicy(policy: BreakerPolicy = {}): ResolvedBreakerPolicy {
  return {
    failureThreshold: Math.max(1, Math.floor(policy.failureThreshold ?? BREAKER_DEFAULTS.failureThreshold)),
    cooldownMs: Math.max(0, policy.cooldownMs ?? BREAKER_DEFAULTS.cooldownMs),
  };
}

/** Admission for one call. Exactly one of its methods should be called when the call ends. */
export interface BreakerPermit {
  /** The provider answered (any answer that is not a sign of ill health, a 404 included). */
  succeeded(): void;
  /**
   * The call failed in a way that says the provider is unwell (5xx, 429, timeout, network). `now` is when it
   * ended: a call with retries can take a while, and the cooldown should start when the breaker opens.
   */
  failed(now: number): void;
  /** The call ended without telling anything about the provider (the caller aborted). */
  released(): void;
}

/** Why a call was refused: the breaker is open, and how long until it lets a trial through. */
export interface BreakerRefusal {
  retryInMs: number;
}

type State = { kind: 'closed'; failures: number } | { kind: 'open'; until: number } | { kind: 'half-open'; trialInFlight: boolean };

/**
 * One breaker's state. The policy is passed per call rather than stored, so two clients of the same provider
 * that were configured differently still share one view of its health.
 */
export class CircuitBreaker {
  private state: State = { kind: 'closed', failures: 0 };

  /**
   * Admits a call, or refuses it while the breaker is open (and while a half-open trial is still running: one
   * probe is enough to learn whether the provider is back, a burst of them would hit it while it recovers).
   */
  enter(now: number, policy: ResolvedBreakerPolicy): BreakerPermit | BreakerRefusal {
    if (this.state.kind === 'open') {
      if (now < this.state.until) return { retryInMs: this.state.until - now };
      this.state = { kind: 'half-open', trialInFlight: false };
    }
    if (this.state.kind === 'half-open') {
      if (this.state.trialInFlight) return { retryInMs: 0 };
      this.state.trialInFlight = true;
      return this.permit(policy, true);
    }
    return this.permit(policy, false);
  }

  /** For tests and diagnostics. */
  get status(): State['kind'] {
    return this.state.kind;
  }

  private permit(policy: ResolvedBreakerPolicy, trial: boolean): BreakerPermit {
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      return true;
    };
    return {
      succeeded: () => {
        if (settle()) this.state = { kind: 'closed', failures: 0 };
      },
      failed: (now) => {
        if (!settle()) return;
        if (this.state.kind === 'open') return; // a straggler from before the breaker opened changes nothing
        if (trial || this.state.kind === 'half-open') {
          this.state = { kind: 'open', until: now + policy.cooldownMs };
          return;
        }
        const failures = this.state.failures + 1;
        this.state = failures >= policy.failureThreshold ? { kind: 'open', until: now + policy.cooldownMs } : { kind: 'closed', failures };
      },
      released: () => {
        if (!settle()) return;
        // An aborted trial taught nothing; let the next call be the trial.
        if (trial && this.state.kind === 'half-open') this.state.trialInFlight = false;
      },
    };
  }
}

// Process-wide: clients are cheap and created per request in places, but the provider's health is one fact.
const breakers = new Map<string, CircuitBreaker>();

/** The shared breaker for a provider and base URL. */
export function breakerFor(provider: string, baseUrl: string): CircuitBreaker {
  const key = `${provider} ${baseUrl}`;
  let breaker = breakers.get(key);
  if (!breaker) {
    breaker = new CircuitBreaker();
    breakers.set(key, breaker);
  }
  return breaker;
}
