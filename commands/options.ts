/**
 * The `--name value` options shared by commands: split from the other words, checked, and reported with a
 * message that names the option and what it accepts.
 */
import { PROVIDERS, type ProviderName } from '../src/domain/media-ref.ts';
import { cut } from './parse-ref.ts';

export interface CommonOptions {
  provider?: ProviderName;
  lang?: string;
  glossary?: string;
  highlightsSeconds?: number;
}

export type OptionsOutcome = { ok: true; options: CommonOptions; words: string[] } | { ok: false; error: string; hint: string };

export const MIN_HIGHLIGHTS_SECONDS = 5;
export const MAX_HIGHLIGHTS_SECONDS = 3600;

const OPTION_NAMES = ['provider', 'lang', 'glossary', 'highlights'] as const;
type OptionName = (typeof OPTION_NAMES)[number];

/** Separates options from plain words. `allowed` names the options this command takes. */
export function splitOptions(tokens: readonly string[], allowed: readonly OptionName[]): OptionsOutcome {
  const options: CommonOptions = {};
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.startsWith('--') || token === '--') {
      words.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = (eq === -1 ? token.slice(2) : token.slice(2, eq)).toLowerCase();
    if (!(allowed as readonly string[]).includes(name)) {
      return {
        ok: false,
        error: `Unknown option "${cut(token, 40)}".`,
        hint: allowed.length ? `Options here: ${allowed.map((a) => `--${a}`).join(', ')}.` : 'This command takes no options.',
      };
    }
    let value: string | undefined = eq === -1 ? tokens[++i] : token.slice(eq + 1);
    if (value === undefined || value === '' || value.startsWith('--')) {
      return { ok: false, error: `--${name} needs a value.`, hint: optionHint(name as OptionName) };
    }
    const problem = applyOption(options, name as OptionName, value);
    if (problem) return { ok: false, error: problem, hint: optionHint(name as OptionName) };
    value = undefined;
  }
  return { ok: true, options, words };
}

function applyOption(options: CommonOptions, name: OptionName, value: string): string | undefined {
  switch (name) {
    case 'provider': {
      const provider = value.toLowerCase();
      if (!(PROVIDERS as readonly string[]).includes(provider)) return `"${cut(value, 40)}" is not a provider Recap knows.`;
      options.provider = provider as ProviderName;
      return undefined;
    }
    case 'lang': {
      if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/.test(value)) return `"${cut(value, 40)}" is not a language code.`;
      options.lang = value.toLowerCase().replace('_', '-');
      return undefined;
    }
    case 'glossary': {
      if (!/^[A-Za-z0-9._-]{1,128}$/.test(value)) return `"${cut(value, 40)}" is not a glossary id.`;
      options.glossary = value;
      return undefined;
    }
    case 'highlights': {
      const seconds = parseSeconds(value);
      if (seconds === undefined) return `"${cut(value, 40)}" is not a highlight length.`;
      options.highlightsSeconds = seconds;
      return undefined;
    }
  }
}

function optionHint(name: OptionName): string {
  switch (name) {
    case 'provider':
      return `Providers: ${PROVIDERS.join(', ')}.`;
    case 'lang':
      return 'Use a language code such as en, es, pt or ja.';
    case 'glossary':
      return 'Use the glossary id from Backstage.';
    case 'highlights':
      return `Give seconds from ${MIN_HIGHLIGHTS_SECONDS} to ${MAX_HIGHLIGHTS_SECONDS}, e.g. 90, 90s or 2m.`;
  }
}

/** `90`, `90s`, `2m`, `1m30s` → seconds, within the allowed range. */
export function parseSeconds(text: string): number | undefined {
  const match = /^(?:(\d{1,4})m)?(?:(\d{1,5})s?)?$/i.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const seconds = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
  if (seconds < MIN_HIGHLIGHTS_SECONDS || seconds > MAX_HIGHLIGHTS_SECONDS) return undefined;
  return seconds;
}
