import type { Stats } from 'node:fs';

/**
 * What the article cache knows of a file: the SHA-256 of the bytes it
 * parsed, and the file's {@link fileStamp} when they were read (null when
 * the file was too fresh for its stamp to be trusted).
 */
export interface KnownFile {
  hash: string;
  stamp: string | null;
}

// File systems keep times at a granularity (a few milliseconds on ext4, 2 s
// on FAT): a file rewritten within it of being read, at the same size, would
// keep its stamp. So a file changed this recently before it is read gets no
// stamp, and is hashed again at the next start (git's "racily clean" rule).
const RACY_MS = 2_000;

/**
 * A file's size, modification and change times and inode, as one string, or
 * null when the file changed less than 2 s before `now`. Equal stamps mean
 * the file was not written since, short of someone resetting both times
 * (the change time cannot be set by ordinary means): the article cache then
 * trusts the hash it holds instead of reading and hashing the file again,
 * which at 100,000 files is most of a warm start.
 */
export function fileStamp(stats: Stats, now = Date.now()): string | null {
  if (now - Math.max(stats.mtimeMs, stats.ctimeMs) < RACY_MS) return null;
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}
