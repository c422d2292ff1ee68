import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded the first time it is used, not when the module
 * naming it is imported: parsers that only some files need (YAML front
 * matter, legacy encodings, HTML pages) then cost nothing to a start-up
 * that parses none, nor to each parsing worker as it starts.
 *
 * @example const yaml = lazyModule<typeof Yaml>('yaml'); yaml().parse(text)
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
