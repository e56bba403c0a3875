/**
 * The `/recap` application command, generated from the command registry so that Discord offers exactly what the
 * grammar accepts: a `ref` (a link or id, or another command's words: `search …`, `help`), the `parts`, the
 * `highlights` length, `lang`, `provider`, and a `file` attachment.
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object
 */
import { MAX_HIGHLIGHTS_SECONDS, MIN_HIGHLIGHTS_SECONDS } from '../../commands/options.ts';
import { COMMANDS } from '../../commands/registry.ts';
import { PROVIDERS } from '../../src/domain/media-ref.ts';
import { PARTS } from '../../src/domain/recap.ts';

/** The option names `/recap` has; discord-refs.ts reads the same names back. */
export const OPTION = { ref: 'ref', parts: 'parts', highlights: 'highlights', lang: 'lang', provider: 'provider', file: 'file' } as const;

/** https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-type */
const OPTION_TYPE = { string: 3, integer: 4, attachment: 11 } as const;
/** Discord's limits on names and descriptions. */
export const COMMAND_LIMITS = { name: 32, description: 100, options: 25, choices: 25 } as const;

export interface CommandOptionDefinition {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
  choices?: { name: string; value: string }[];
}

export interface CommandDefinition {
  name: string;
  type: 1;
  description: string;
  options: CommandOptionDefinition[];
  /** Guilds (0) and the bot's DMs (1). */
  contexts: number[];
  /** Installed to a server (0). */
  integration_types: number[];
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The `/recap` command as Discord's PUT body wants it. */
export function recapCommandDefinition(): CommandDefinition {
  const recap = COMMANDS.find((c) => c.name === 'recap')!;
  // Every other command is reachable through `ref` ("search <ref> <words>", "status <job>"…); their names must fit.
  const others = COMMANDS.filter((c) => c.keyword).map((c) => c.keyword!);
  const options: CommandOptionDefinition[] = [
    { type: OPTION_TYPE.string, name: OPTION.ref, description: clip(`A link or id to recap, or a command: ${others.join(', ')}`, COMMAND_LIMITS.description), max_length: 2000 },
    { type: OPTION_TYPE.string, name: OPTION.parts, description: clip(`Only these parts: ${PARTS.join(' ')}`, COMMAND_LIMITS.description), max_length: 200 },
    {
      type: OPTION_TYPE.integer,
      name: OPTION.highlights,
      description: clip('Seconds of highlights to pick', COMMAND_LIMITS.description),
      min_value: MIN_HIGHLIGHTS_SECONDS,
      max_value: MAX_HIGHLIGHTS_SECONDS,
    },
    { type: OPTION_TYPE.string, name: OPTION.lang, description: 'Language code, e.g. en, de, pt (detected when left out)', max_length: 16 },
    {
      type: OPTION_TYPE.string,
      name: OPTION.provider,
      description: 'Who transcribes audio and video (the first configured one when left out)',
      choices: PROVIDERS.map((p) => ({ name: p, value: p })),
    },
    { type: OPTION_TYPE.attachment, name: OPTION.file, description: 'A recording, or a transcript (VTT, SRT, TXT)' },
  ];
  return {
    name: 'recap',
    type: 1,
    description: clip(recap.description, COMMAND_LIMITS.description),
    options,
    contexts: [0, 1],
    integration_types: [0],
  };
}
