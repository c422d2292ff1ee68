/** A typed array of numbers that {@link withRoom} can grow. */
export type GrowableArray = Int32Array | Uint8Array | Uint16Array;

/**
 * `array` if it holds at least `size` items, else a copy of it with room for
 * at least `size`: `factor` times its length (and a few more), so that growing
 * item by item costs amortised constant time.
 */
export function withRoom<T extends GrowableArray>(array: T, size: number, factor = 2): T {
  if (size <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => T)(Math.max(size, Math.ceil(array.length * factor) + 16));
  larger.set(array);
  return larger;
}
