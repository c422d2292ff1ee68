const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The months' English names, January first. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The number (1–12) of a month's name written whole or short ("Feb", "Sept.", "February"), or null. */
export function monthNumber(name: string): number | null {
  const key = name.replace(/\.$/, '').slice(0, 3).toLowerCase();
  const index = MONTH_NAMES.findIndex((month) => month.slice(0, 3).toLowerCase() === key);
  return index < 0 ? null : index + 1;
}

/** A month's name written whole or short, as a regular expression's source: "Feb", "Sept.", "February". */
export const MONTH_PATTERN = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';

/** The weekdays' English names, Sunday first, as `Date.getUTCDay` numbers them. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The year, month (1–12) and day of a date written YYYY-MM-DD, or null for anything else (null included). */
export function isoDateParts(value: string | null): { year: number; month: number; day: number } | null {
  const match = value === null ? null : ISO_DATE.exec(value);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

/**
 * True when `value` is a calendar date written YYYY-MM-DD that exists
 * (so `2017-02-29` and `2017-13-45` are rejected).
 */
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads a publication date as the files write it: `2017-06-16`, a full ISO
 * timestamp (`2017-06-16T09:30:00Z`, taken as the calendar date it names) or a
 * JavaScript Date (YAML front matter yields those). Returns the ISO date, or
 * null with no guess when the value is not a real date.
 */
export function normalizeIsoDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const datePart = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed)?.[1];
  return datePart !== undefined && isValidIsoDate(datePart) ? datePart : null;
}
