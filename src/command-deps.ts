/**
 * Wires the command runners to the router, the providers and (where a server runs) the caption links. The shell,
 * the CLI and the chat adapters all get their dependencies here, so they behave the same.
 */
import type { CommandDeps } from '../commands/deps.ts';
import type { CaptionLinks } from './captions/caption-links.ts';
import type { MediaLinks } from './captions/media-links.ts';
import type { Config } from './config.ts';
import { createProviders, type ProviderOverrides } from './providers/create-providers.ts';
import type { ProviderSet } from './providers/provider-set.ts';
import { resolveSource, searchWithProvider, type RouterOptions } from './providers/router.ts';

export interface CommandDepsOptions {
  config: Config;
  /** Built from the configuration when absent. */
  providers?: ProviderSet;
  /** Overrides for the provider clients (tests). */
  providerOverrides?: ProviderOverrides;
  cwd?: string;
  fetchOptions?: RouterOptions['fetchOptions'];
  wait?: RouterOptions['wait'];
  urlCheck?: RouterOptions['urlCheck'];
  uploadHeaders?: RouterOptions['uploadHeaders'];
  captions?: CaptionLinks;
  /** Stable media links, where a server runs. */
  media?: MediaLinks;
}

export function createCommandDeps(options: CommandDepsOptions): CommandDeps {
  const router: RouterOptions = {
    config: options.config,
    providers:
      options.providers ??
      createProviders(options.config, { ...options.providerOverrides, ...(options.urlCheck ? { urlCheck: options.urlCheck } : {}) }),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.fetchOptions ? { fetchOptions: options.fetchOptions } : {}),
    ...(options.wait ? { wait: options.wait } : {}),
    ...(options.urlCheck ? { urlCheck: options.urlCheck } : {}),
    ...(options.uploadHeaders ? { uploadHeaders: options.uploadHeaders } : {}),
  };
  return {
    resolve: (ref, request) => resolveSource(ref, request, router),
    providerSearch: (ref, words, signal) => searchWithProvider(ref, words, router, signal),
    ...(options.captions ? { captions: options.captions } : {}),
    ...(options.media ? { media: options.media } : {}),
  };
}
