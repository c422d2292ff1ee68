/**
 * A table of display names for outlets, read from a JSON object such as
 * `{ "reuters": "Reuters", "sana": "SANA" }`. Keys are matched ignoring case
 * and surrounding white space. Throws a prefixed error naming the problem
 * when the JSON is not an object of non-blank strings.
 *
 * @example parseSourceNames('{"ahram": "Al-Ahram"}').get('ahram') // 'Al-Ahram'
 */
export function parseSourceNames(json: string): Map<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`source names: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('source names: expected a JSON object mapping source values to display names');
  }
  const names = new Map<string, string>();
  for (const [key, name] of Object.entries(value)) {
    if (key.startsWith('$')) continue; // "$comment" and the like
    if (typeof name !== 'string' || name.trim() === '') {
      throw new Error(`source names: the name for "${key}" must be a non-blank string, got ${JSON.stringify(name)}`);
    }
    names.set(key.trim().toLowerCase(), name.trim());
  }
  return names;
}

/**
 * The display name for a source value from a table made by
 * {@link parseSourceNames}, or the value as written when the table has none.
 */
export function applySourceName(source: string, names: ReadonlyMap<string, string> | undefined): string {
  return names?.get(source.trim().toLowerCase()) ?? source;
}
