/**
 * Discord's limits on what a bot sends, checked the way Discord answers: HTTP 400 with
 * `{ code: 50035, message: 'Invalid Form Body', errors }`, where `errors` nests by field path and
 * ends in `_errors: [{ code, message }]`. discord.js flattens that into its error message, e.g.
 * `data.embeds[0].description[BASE_TYPE_MAX_LENGTH]: Must be 4096 or fewer in length.`
 */

/** The JSON body of a Discord error answer. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: FormErrorTree;
}

/** One leaf of Discord's nested form-error object. */
export interface FormError {
  code: string;
  message: string;
}

/** Discord's nested form-error object: keys are field names or array indexes. */
export interface FormErrorTree {
  _errors?: FormError[];
  [field: string]: FormErrorTree | FormError[] | undefined;
}

/** Discord's limits, named as Discord's documentation names them. */
export const DISCORD_LIMITS = {
  contentMax: 2000,
  embedsMax: 10,
  embedTitleMax: 256,
  embedDescriptionMax: 4096,
  embedFieldsMax: 25,
  embedFieldNameMax: 256,
  embedFieldValueMax: 1024,
  embedFooterTextMax: 2048,
  embedAuthorNameMax: 256,
  embedTotalMax: 6000,
  actionRowsMax: 5,
  componentsPerRowMax: 5,
  customIdMax: 100,
  buttonLabelMax: 80,
  autocompleteChoicesMax: 25,
  choiceNameMax: 100,
  choiceValueMax: 100,
  commandNameMax: 32,
  commandDescriptionMax: 100,
  commandOptionsMax: 25,
  commandsPerScopeMax: 100,
} as const;

/** Chat-input command and option names; must also be lower case where a lower-case form exists. */
export const COMMAND_NAME_PATTERN = /^[-_\p{L}\p{N}]{1,32}$/u;

// Lengths are counted in code points (Python's len(), which Discord's API uses), so an emoji
// counts once; JavaScript's `.length` would count it twice.
function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

type FieldPath = readonly (string | number)[];

/** Collects form errors by path and renders Discord's 50035 body. */
export class FormErrors {
  readonly #root: FormErrorTree = {};
  #count = 0;

  add(path: FieldPath, code: string, message: string): void {
    let node = this.#root;
    for (const key of path) {
      const child = node[String(key)];
      if (child === undefined || Array.isArray(child)) {
        const created: FormErrorTree = {};
        node[String(key)] = created;
        node = created;
      } else node = child;
    }
    (node._errors ??= []).push({ code, message });
    this.#count++;
  }

  get isEmpty(): boolean {
    return this.#count === 0;
  }

  toBody(): DiscordErrorBody {
    return { code: 50035, message: 'Invalid Form Body', errors: this.#root };
  }

  maxLength(path: FieldPath, value: unknown, max: number): void {
    if (typeof value === 'string' && charCount(value) > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }

  length(path: FieldPath, value: unknown, min: number, max: number): void {
    if (typeof value !== 'string') {
      this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    const n = charCount(value);
    if (n < min || n > max) this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }

  maxItems(path: FieldPath, value: unknown, max: number): void {
    if (Array.isArray(value) && value.length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The characters that count toward Discord's 6000 limit for all embeds of one message:
 * title, description, field names and values, footer text and author name.
 */
export function embedTextLength(embeds: readonly unknown[]): number {
  let total = 0;
  for (const embed of embeds) {
    if (!isRecord(embed)) continue;
    total += charCount(text(embed.title)) + charCount(text(embed.description));
    for (const field of asArray(embed.fields)) {
      if (isRecord(field)) total += charCount(text(field.name)) + charCount(text(field.value));
    }
    if (isRecord(embed.footer)) total += charCount(text(embed.footer.text));
    if (isRecord(embed.author)) total += charCount(text(embed.author.name));
  }
  return total;
}

function checkEmbeds(errors: FormErrors, path: FieldPath, embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  errors.maxItems(path, embeds, DISCORD_LIMITS.embedsMax);
  embeds.forEach((embed, i) => {
    if (!isRecord(embed)) return;
    const at = [...path, i];
    errors.maxLength([...at, 'title'], embed.title, DISCORD_LIMITS.embedTitleMax);
    errors.maxLength([...at, 'description'], embed.description, DISCORD_LIMITS.embedDescriptionMax);
    errors.maxItems([...at, 'fields'], embed.fields, DISCORD_LIMITS.embedFieldsMax);
    asArray(embed.fields).forEach((field, j) => {
      if (!isRecord(field)) return;
      errors.length([...at, 'fields', j, 'name'], field.name, 1, DISCORD_LIMITS.embedFieldNameMax);
      errors.length([...at, 'fields', j, 'value'], field.value, 1, DISCORD_LIMITS.embedFieldValueMax);
    });
    if (isRecord(embed.footer)) {
      errors.maxLength([...at, 'footer', 'text'], embed.footer.text, DISCORD_LIMITS.embedFooterTextMax);
    }
    if (isRecord(embed.author)) {
      errors.maxLength([...at, 'author', 'name'], embed.author.name, DISCORD_LIMITS.embedAuthorNameMax);
    }
  });
  if (embedTextLength(embeds) > DISCORD_LIMITS.embedTotalMax) {
    errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${DISCORD_LIMITS.embedTotalMax}`);
  }
}

function checkComponents(errors: FormErrors, path: FieldPath, components: unknown): void {
  if (!Array.isArray(components)) return;
  components.forEach((row, i) => {
    if (!isRecord(row)) return;
    // Only classic action rows (type 1) are checked; Components V2 layouts pass through.
    if (row.type !== 1) return;
    errors.maxItems([...path, i, 'components'], row.components, DISCORD_LIMITS.componentsPerRowMax);
    asArray(row.components).forEach((component, j) => {
      if (!isRecord(component)) return;
      const at = [...path, i, 'components', j];
      if ('custom_id' in component) errors.length([...at, 'custom_id'], component.custom_id, 1, DISCORD_LIMITS.customIdMax);
      if (component.type === 2) errors.maxLength([...at, 'label'], component.label, DISCORD_LIMITS.buttonLabelMax);
    });
  });
  if (components.every((row) => isRecord(row) && row.type === 1)) {
    errors.maxItems(path, components, DISCORD_LIMITS.actionRowsMax);
  }
}

function checkAllowedMentions(errors: FormErrors, path: FieldPath, allowed: unknown): void {
  if (!isRecord(allowed)) return;
  const parse = asArray(allowed.parse);
  for (const kind of ['users', 'roles'] as const) {
    if (parse.includes(kind) && asArray(allowed[kind]).length > 0) {
      errors.add(path, 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.`);
    }
  }
  const unknown = parse.filter((p) => p !== 'users' && p !== 'roles' && p !== 'everyone');
  if (unknown.length > 0) errors.add([...path, 'parse'], 'BASE_TYPE_CHOICES', "Value must be one of ('roles', 'users', 'everyone').");
}

/** What a message create or edit body must satisfy, and where its fields sit in the request. */
export interface MessageCheck {
  /** Where the message fields sit: `['data']` in an interaction callback, `[]` on a webhook. */
  path: FieldPath;
  /** Whether the message that results has anything to show (content, embeds, components, files). */
  resultHasContent: boolean;
}

/** Checks a message body against Discord's limits; returns Discord's error body, or undefined if valid. */
export function checkMessageBody(body: unknown, check: MessageCheck): DiscordErrorBody | undefined {
  const errors = new FormErrors();
  if (isRecord(body)) {
    errors.maxLength([...check.path, 'content'], body.content, DISCORD_LIMITS.contentMax);
    checkEmbeds(errors, [...check.path, 'embeds'], body.embeds);
    checkComponents(errors, [...check.path, 'components'], body.components);
    checkAllowedMentions(errors, [...check.path, 'allowed_mentions'], body.allowed_mentions);
  }
  if (!errors.isEmpty) return errors.toBody();
  if (!check.resultHasContent) return { code: 50006, message: 'Cannot send an empty message' };
  return undefined;
}

/** Checks the choices of an autocomplete result (callback type 8). */
export function checkAutocompleteChoices(data: unknown): DiscordErrorBody | undefined {
  const errors = new FormErrors();
  const choices = isRecord(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return errors.toBody();
  }
  errors.maxItems(['data', 'choices'], choices, DISCORD_LIMITS.autocompleteChoicesMax);
  choices.forEach((choice, i) => {
    const at = ['data', 'choices', i];
    if (!isRecord(choice)) {
      errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    errors.length([...at, 'name'], choice.name, 1, DISCORD_LIMITS.choiceNameMax);
    if (typeof choice.value === 'string') errors.length([...at, 'value'], choice.value, 1, DISCORD_LIMITS.choiceValueMax);
    else if (typeof choice.value !== 'number') errors.add([...at, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
  return errors.isEmpty ? undefined : errors.toBody();
}

function checkName(errors: FormErrors, path: FieldPath, name: unknown, what: string): void {
  if (typeof name !== 'string') {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  } else if (!COMMAND_NAME_PATTERN.test(name) || name !== name.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', `${what} name is invalid`);
  }
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

/** Where an option list sits: a command's own options, a group's subcommands, or a subcommand's options. */
type OptionLevel = 'command' | 'group' | 'subcommand';

const TYPE_MIX_MESSAGE = 'Sub-command and sub-command group option types are mutually exclusive to all other types';

function checkOptions(errors: FormErrors, path: FieldPath, options: unknown, level: OptionLevel): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  errors.maxItems(path, options, DISCORD_LIMITS.commandOptionsMax);
  const seen = new Set<string>();
  let sawOptional = false;
  const kinds = new Set<'sub' | 'plain'>();
  options.forEach((option, i) => {
    const at = [...path, i];
    if (!isRecord(option)) {
      errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    checkName(errors, [...at, 'name'], option.name, 'Application command option');
    errors.length([...at, 'description'], option.description, 1, DISCORD_LIMITS.commandDescriptionMax);
    if (typeof option.name === 'string') {
      if (seen.has(option.name)) {
        errors.add([...at, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option name already exists');
      }
      seen.add(option.name);
    }
    const nested = option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP;
    kinds.add(nested ? 'sub' : 'plain');
    // A group holds only subcommands; a subcommand holds only plain options.
    const misplaced =
      (level === 'group' && option.type !== SUBCOMMAND) || (level === 'subcommand' && nested);
    if (misplaced) errors.add([...at, 'type'], 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', TYPE_MIX_MESSAGE);
    if (nested) {
      checkOptions(errors, [...at, 'options'], option.options, option.type === SUBCOMMAND_GROUP ? 'group' : 'subcommand');
    } else {
      if (option.required === true && sawOptional) {
        errors.add([...at, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
      }
      if (option.required !== true) sawOptional = true;
      errors.maxItems([...at, 'choices'], option.choices, DISCORD_LIMITS.autocompleteChoicesMax);
      asArray(option.choices).forEach((choice, j) => {
        if (!isRecord(choice)) return;
        errors.length([...at, 'choices', j, 'name'], choice.name, 1, DISCORD_LIMITS.choiceNameMax);
        if (typeof choice.value === 'string') errors.length([...at, 'choices', j, 'value'], choice.value, 1, DISCORD_LIMITS.choiceValueMax);
      });
    }
  });
  if (kinds.size > 1) errors.add(path, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', TYPE_MIX_MESSAGE);
}

function checkCommandInto(errors: FormErrors, path: FieldPath, command: unknown): void {
  if (!isRecord(command)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const type = command.type ?? 1;
  if (type === 1) {
    checkName(errors, [...path, 'name'], command.name, 'Command');
    errors.length([...path, 'description'], command.description, 1, DISCORD_LIMITS.commandDescriptionMax);
    checkOptions(errors, [...path, 'options'], command.options, 'command');
  } else {
    // User and message commands: free-form names up to 32 characters, and no description.
    errors.length([...path, 'name'], command.name, 1, DISCORD_LIMITS.commandNameMax);
    if (typeof command.description === 'string' && command.description !== '') {
      errors.add([...path, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have description');
    }
  }
}

/** Checks one command (POST /applications/{app}/commands). */
export function checkCommand(command: unknown): DiscordErrorBody | undefined {
  const errors = new FormErrors();
  checkCommandInto(errors, [], command);
  return errors.isEmpty ? undefined : errors.toBody();
}

/** Checks a full command list (PUT /applications/{app}/commands or its guild form). */
export function checkCommandList(commands: unknown): DiscordErrorBody | undefined {
  const errors = new FormErrors();
  if (!Array.isArray(commands)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return errors.toBody();
  }
  errors.maxItems([], commands, DISCORD_LIMITS.commandsPerScopeMax);
  const seen = new Set<string>();
  commands.forEach((command, i) => {
    checkCommandInto(errors, [i], command);
    if (isRecord(command) && typeof command.name === 'string') {
      const key = `${String(command.type ?? 1)}:${command.name}`;
      if (seen.has(key)) errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
      seen.add(key);
    }
  });
  return errors.isEmpty ? undefined : errors.toBody();
}
