/**
 * `limit` items picked at even steps through `items` (all of them when
 * `limit` is at least their number), so a quick run still covers every
 * topic or article of a sorted list rather than only the first ones.
 *
 * @example spreadSample([0, 1, 2, 3, 4, 5], 3) // [0, 2, 4]
 */
export function spreadSample<T>(items: readonly T[], limit: number): T[] {
  if (limit >= items.length) return [...items];
  if (limit <= 0) return [];
  const picked: T[] = [];
  for (let i = 0; i < limit; i++) picked.push(items[Math.floor((i * items.length) / limit)]!);
  return picked;
}
