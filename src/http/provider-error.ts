/**
 * The error every provider call throws: it names the provider, method, URL (secrets scrubbed, no query string
 * values), HTTP status and the provider's own code, and says whether a retry may help.
 */
import { RecapError, type ErrorCode } from '../errors.ts';

export interface ProviderErrorDetails {
  provider: string;
  method: string;
  /** Already scrubbed: origin and path, query values removed. */
  url: string;
  status?: number;
  providerCode?: string;
  /** The provider's own message, for operators (it may be technical). */
  providerMessage?: string;
  retryable: boolean;
  /** What the user can do. */
  hint?: string;
  code?: ErrorCode;
  cause?: unknown;
}

export class ProviderError extends RecapError {
  readonly provider: string;
  readonly method: string;
  readonly url: string;
  readonly status: number | undefined;
  readonly providerCode: string | undefined;
  readonly providerMessage: string | undefined;

  constructor(message: string, details: ProviderErrorDetails) {
    super(details.code ?? 'provider_error', message, {
      retryable: details.retryable,
      ...(details.hint ? { hint: details.hint } : {}),
      ...(details.cause !== undefined ? { cause: details.cause } : {}),
    });
    this.name = 'ProviderError';
    this.provider = details.provider;
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.providerCode = details.providerCode;
    this.providerMessage = details.providerMessage;
  }

  /** One line for logs: `assemblyai GET https://api.assemblyai.com/v2/transcript/abc → 503 (code x): message`. */
  describe(): string {
    const status = this.status !== undefined ? ` → ${this.status}` : '';
    const code = this.providerCode ? ` (code ${this.providerCode})` : '';
    return `${this.provider} ${this.method} ${this.url}${status}${code}: ${this.providerMessage ?? this.message}`;
  }
}
