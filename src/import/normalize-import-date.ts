import { isValidIsoDate, normalizeIsoDate } from '../text/iso-date.ts';

/** How to read a numeric date whose year comes last: `m/d/yyyy` or `d/m/yyyy`. */
export const DATE_ORDERS = ['mdy', 'dmy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/**
 * Reads a date column into an ISO date (`YYYY-MM-DD`). Accepts ISO dates and
 * timestamps (`2017-04-05`, `2017-04-05T09:30:00Z`) and numeric dates with
 * the year last, separated by `/`, `.` or `-` (`4/5/2017`), read month first
 * or day first as `order` says. Anything else, or a date that does not exist
 * (`2/30/2017`, `13/1/2017` month first), gives null: a date is never guessed.
 *
 * @example normalizeImportDate('4/5/2017') // '2017-04-05'
 * @example normalizeImportDate('4/5/2017', 'dmy') // '2017-05-04'
 */
export function normalizeImportDate(value: unknown, order: DateOrder = 'mdy'): string | null {
  if (typeof value !== 'string') return normalizeIsoDate(value);
  const trimmed = value.trim();
  const iso = normalizeIsoDate(trimmed);
  if (iso !== null) return iso;
  const match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [first, second, year] = [match[1]!, match[3]!, match[4]!];
  const [month, day] = order === 'mdy' ? [first, second] : [second, first];
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidIsoDate(candidate) ? candidate : null;
}
