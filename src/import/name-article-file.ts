const MAX_SLUG_LENGTH = 60;

/**
 * A file-name slug of a title: lower-case ASCII letters and digits joined by
 * hyphens, accents folded and apostrophes dropped, at most 60 characters and cut at a hyphen.
 * Titles with no letter or digit give `untitled`.
 *
 * @example slugifyTitle('Syria: “Ceasefire” holds in Aleppo') // 'syria-ceasefire-holds-in-aleppo'
 */
export function slugifyTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return 'untitled';
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_SLUG_LENGTH);
}

/**
 * The file name of an imported article: `<id>-<slug>.txt`, with the row
 * number standing in for a missing id. Characters of the id that are unsafe
 * in file names become `_`.
 *
 * @example nameArticleFile({ id: '1914947530', row: 1, title: 'Syria attack' }) // '1914947530-syria-attack.txt'
 * @example nameArticleFile({ id: null, row: 7, title: 'Syria attack' }) // '7-syria-attack.txt'
 */
export function nameArticleFile({ id, row, title }: { id: string | null; row: number; title: string }): string {
  const safeId = id?.trim().replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') ?? '';
  return `${safeId === '' ? String(row) : safeId}-${slugifyTitle(title)}.txt`;
}
