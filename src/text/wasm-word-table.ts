import { readFileSync } from 'node:fs';
import { isWordCodeUnit, WordTable, type WordValue } from './word-table.ts';

/** What scans text into words' numbers: a {@link WordTable} or a {@link WasmWordTable}. */
export interface WordScanner {
  /** See {@link WordTable.scan}. */
  scan(text: string, into: number[], from?: number): number;
}

// The parts of WebAssembly's memory and globals used here (Node's types declare no more than the namespace).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmGlobal {
  readonly value: number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface WordScanExports {
  memory: WasmMemory;
  init(limit: number): void;
  size(): number;
  scan(length: number, at: number, out: number): number;
  add(count: number): void;
  STAGE: WasmGlobal;
  MAX_STAGE: WasmGlobal;
  OUT: WasmGlobal;
  TEXT: WasmGlobal;
  GIVE_UP: WasmGlobal;
  missStart: WasmGlobal;
  missEnd: WasmGlobal;
  missOut: WasmGlobal;
}

const PAGE_BYTES = 65_536;
let compiled: object | undefined;

/**
 * A {@link WordTable} whose scan runs in WebAssembly (wasm/word-scan.ts,
 * compiled by `npm run wasm`), with its words' table in the module's
 * memory: the same numbers for the same text, about twice as fast on news
 * text. Reading the words of 450 MB of articles was the largest part of a
 * cold start's CPU at 100,000 articles (README, Scale). A text the module
 * gives up on (one holding a character beyond the BMP) is scanned by a
 * JavaScript {@link WordTable} with the same `resolve`, so `resolve` must
 * give a word the same value whenever asked.
 */
export class WasmWordTable implements WordScanner {
  readonly #resolve: (word: string) => WordValue;
  readonly #fallback: WordTable;
  readonly #wasm: WordScanExports;
  readonly #textAt: number;
  readonly #outAt: number;
  readonly #stageAt: number;
  readonly #maxStage: number;
  readonly #giveUp: number;
  // Views of the module's memory, renewed when it grows (growing detaches the old buffer).
  #buffer = new ArrayBuffer(0);
  #bytes = Buffer.alloc(0);
  #ints = new Int32Array(0);

  /**
   * `resolve` gives a word's value: a number (at least 0) or several; the
   * same value every time. The table holds at most `limit` words (and at
   * most about 500,000), and starts again when full.
   */
  constructor(resolve: (word: string) => WordValue, limit = 500_000) {
    this.#resolve = resolve;
    this.#fallback = new WordTable(resolve, limit);
    compiled ??= new wasmApi.Module(readFileSync(new URL('./word-scan.wasm', import.meta.url)));
    const instance = new wasmApi.Instance(compiled, { env: { isWordCode: isWordCodeUnit } });
    this.#wasm = instance.exports as unknown as WordScanExports;
    this.#textAt = this.#wasm.TEXT.value;
    this.#outAt = this.#wasm.OUT.value;
    this.#stageAt = this.#wasm.STAGE.value;
    this.#maxStage = this.#wasm.MAX_STAGE.value;
    this.#giveUp = this.#wasm.GIVE_UP.value;
    this.#grow(0);
    this.#wasm.init(limit);
  }

  /** How many words the WebAssembly table holds (texts it gave up on are not counted). */
  get size(): number {
    return this.#wasm.size();
  }

  /** See {@link WordTable.scan}: the same numbers, in the same order. */
  scan(text: string, into: number[], from = into.length): number {
    const wasm = this.#wasm;
    this.#grow(text.length);
    this.#bytes.write(text, this.#textAt, 'utf16le');
    let at = 0;
    let out = 0;
    for (;;) {
      const result = wasm.scan(text.length, at, out);
      if (result >= 0) {
        const first = this.#outAt >> 2;
        const ints = this.#ints;
        for (let i = 0; i < result; i++) into[from + i] = ints[first + i]!;
        return from + result;
      }
      if (result === this.#giveUp) return this.#fallback.scan(text, into, from);
      // A word the table lacks: resolved here, added there, and the scan resumes at it.
      at = wasm.missStart.value;
      const value = this.#resolve(text.slice(at, wasm.missEnd.value));
      const numbers = typeof value === 'number' ? [value] : value;
      if (numbers.length > this.#maxStage) return this.#fallback.scan(text, into, from);
      this.#ints.set(numbers, this.#stageAt >> 2);
      wasm.add(numbers.length);
      out = wasm.missOut.value;
    }
  }

  /** Grows the module's memory to hold a text of `length` code units, and renews the views of it. */
  #grow(length: number): void {
    const memory = this.#wasm.memory;
    const needed = this.#textAt + 2 * length;
    if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE_BYTES));
    if (memory.buffer !== this.#buffer) {
      this.#buffer = memory.buffer;
      this.#bytes = Buffer.from(this.#buffer);
      this.#ints = new Int32Array(this.#buffer);
    }
  }
}
