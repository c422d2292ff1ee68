/**
 * Turns what a test says ("/ask latest question:…") into the `data` of an INTERACTION_CREATE.
 * When the command was registered with the fake, options are typed and checked against the
 * registration, as Discord's own client would: unknown or missing required options, values
 * outside the declared choices, or autocomplete on an option without it are test mistakes.
 */
import type { APIApplicationCommand, APIApplicationCommandOption } from 'discord.js';
import type { MemberInput } from './types.ts';

/** A primitive option value; its type is taken from the registered command, else inferred. */
export type OptionValue = string | number | boolean;

/** One option exactly as Discord sends it, for full control. */
export interface RawOption {
  name: string;
  type: number;
  value: OptionValue;
  focused?: boolean;
}

/** What a test says about a slash command invocation. */
export interface SlashCommandInput {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** `{ question: 'Who won?', limit: 3 }`, or raw options. */
  options?: Record<string, OptionValue> | RawOption[];
  member?: MemberInput;
}

/** An autocomplete request: the command as typed so far, and the option being typed. */
export interface AutocompleteInput extends SlashCommandInput {
  /** Name of the option the user is typing in; its value is the partial text (default ''). */
  focused: string;
}

const OptionType = { Subcommand: 1, Group: 2, String: 3, Integer: 4, Boolean: 5, Number: 10 } as const;

function inferType(value: OptionValue): number {
  if (typeof value === 'string') return OptionType.String;
  if (typeof value === 'boolean') return OptionType.Boolean;
  return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
}

function fits(type: number, value: OptionValue): boolean {
  switch (type) {
    case OptionType.String:
      return typeof value === 'string';
    case OptionType.Integer:
      return typeof value === 'number' && Number.isInteger(value);
    case OptionType.Number:
      return typeof value === 'number';
    case OptionType.Boolean:
      return typeof value === 'boolean';
    default:
      return false;
  }
}

type OptionDefinition = APIApplicationCommandOption & {
  options?: OptionDefinition[];
  required?: boolean;
  autocomplete?: boolean;
  choices?: { value: OptionValue }[];
};

/** The option definitions that apply at the invoked (sub)command, checking the path exists. */
function definitionsAt(command: APIApplicationCommand, input: SlashCommandInput): OptionDefinition[] {
  const top = (command.options ?? []) as OptionDefinition[];
  const path = `/${command.name}`;
  const pick = (list: OptionDefinition[], name: string, type: number, what: string): OptionDefinition[] => {
    const found = list.find((o) => o.name === name && o.type === type);
    if (!found) {
      const known = list.filter((o) => o.type === type).map((o) => o.name);
      throw new Error(`FakeDiscord: ${path} has no ${what} "${name}" (registered: ${known.join(', ') || 'none'})`);
    }
    return found.options ?? [];
  };
  let level = top;
  if (input.subcommandGroup !== undefined) level = pick(level, input.subcommandGroup, OptionType.Group, 'subcommand group');
  if (input.subcommand !== undefined) level = pick(level, input.subcommand, OptionType.Subcommand, 'subcommand');
  if (level.some((o) => o.type === OptionType.Subcommand || o.type === OptionType.Group)) {
    throw new Error(`FakeDiscord: ${path} needs a ${level.some((o) => o.type === OptionType.Group) ? 'subcommandGroup' : 'subcommand'}`);
  }
  return level;
}

/** A readable name for the interaction in failure messages: `/ask latest`. */
export function commandLabel(input: SlashCommandInput): string {
  return ['/' + input.name, input.subcommandGroup, input.subcommand].filter((p) => p !== undefined).join(' ');
}

/**
 * Builds `data` for a chat-input command (type 2) or autocomplete (type 4) interaction.
 * `registered` is the command as the bot registered it, if it did.
 */
export function buildCommandData(
  input: SlashCommandInput,
  registered: APIApplicationCommand | undefined,
  commandId: string,
  focused?: string,
): Record<string, unknown> {
  const label = commandLabel(input);
  const definitions = registered ? definitionsAt(registered, input) : undefined;
  const given: RawOption[] = Array.isArray(input.options)
    ? input.options.map((o) => ({ ...o }))
    : Object.entries(input.options ?? {}).map(([name, value]) => {
        const definition = definitions?.find((d) => d.name === name);
        if (definitions && !definition) {
          throw new Error(`FakeDiscord: ${label} has no option "${name}" (registered: ${definitions.map((d) => d.name).join(', ') || 'none'})`);
        }
        return { name, type: definition?.type ?? inferType(value), value };
      });
  if (focused !== undefined) {
    const definition = definitions?.find((d) => d.name === focused);
    if (definitions && definition?.autocomplete !== true) {
      throw new Error(`FakeDiscord: option "${focused}" of ${label} was not registered with autocomplete: true`);
    }
    let option = given.find((o) => o.name === focused);
    if (!option) given.push((option = { name: focused, type: definition?.type ?? OptionType.String, value: '' }));
    option.focused = true;
  }
  for (const option of given) {
    const definition = definitions?.find((d) => d.name === option.name);
    if (!definition || option.focused) continue;
    if (!fits(definition.type, option.value)) {
      throw new Error(`FakeDiscord: option "${option.name}" of ${label} has type ${definition.type}; the fake sends only string, integer, number and boolean options, and got ${JSON.stringify(option.value)}`);
    }
    if (definition.choices && !definition.choices.some((c) => c.value === option.value)) {
      throw new Error(`FakeDiscord: ${JSON.stringify(option.value)} is not one of the choices of option "${option.name}" of ${label}`);
    }
  }
  if (definitions && focused === undefined) {
    const missing = definitions.filter((d) => d.required === true && !given.some((o) => o.name === d.name));
    if (missing.length > 0) throw new Error(`FakeDiscord: ${label} needs option(s) ${missing.map((d) => d.name).join(', ')}`);
  }
  let options: unknown[] = given;
  if (input.subcommand !== undefined) options = [{ name: input.subcommand, type: OptionType.Subcommand, options }];
  if (input.subcommandGroup !== undefined) options = [{ name: input.subcommandGroup, type: OptionType.Group, options }];
  return {
    id: commandId,
    name: input.name,
    type: 1,
    options,
    ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
  };
}
