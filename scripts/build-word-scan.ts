/**
 * Compiles wasm/word-scan.ts (AssemblyScript) into src/text/word-scan.wasm,
 * the word scan of src/text/wasm-word-table.ts. Run it after changing the
 * source or upgrading AssemblyScript (`npm run wasm`); a test fails until the
 * committed file is what the source compiles to.
 *
 * The module is committed rather than built at install time so that the app
 * needs no compiler: AssemblyScript (and its 90 MB of binaryen) is a dev
 * dependency only.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import asc from 'assemblyscript/asc';

/** The AssemblyScript source. */
export const WORD_SCAN_SOURCE = join(import.meta.dirname, '..', 'wasm', 'word-scan.ts');
/** The compiled module, beside the module that loads it. */
export const WORD_SCAN_WASM = join(import.meta.dirname, '..', 'src', 'text', 'word-scan.wasm');

// No runtime or garbage collector (the module allocates nothing: its memory is laid out by hand), no
// assertions, optimised for speed.
const OPTIONS = ['--runtime', 'stub', '--noAssert', '-O3', '--initialMemory', '1'];

/** The module the source compiles to. */
export async function compileWordScan(): Promise<Uint8Array> {
  let binary: Uint8Array | undefined;
  const errors: string[] = [];
  const result = await asc.main([WORD_SCAN_SOURCE, ...OPTIONS, '--outFile', 'word-scan.wasm'], {
    writeFile: (name, contents) => {
      if (name.endsWith('.wasm') && typeof contents !== 'string') binary = contents;
    },
    stderr: { write: (chunk: string | Uint8Array) => void errors.push(String(chunk)) } as never,
  });
  if (result.error || !binary) throw new Error(`AssemblyScript could not compile ${WORD_SCAN_SOURCE}: ${result.error?.message ?? 'no module'}\n${errors.join('')}`);
  return binary;
}

if (process.argv[1] === import.meta.filename) {
  const binary = await compileWordScan();
  writeFileSync(WORD_SCAN_WASM, binary);
  console.log(`Wrote ${WORD_SCAN_WASM} (${binary.length} bytes).`);
}
