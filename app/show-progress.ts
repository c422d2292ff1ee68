import cliProgress from 'cli-progress';
import type { LoadProgress } from '../src/app-state/create-app-state.ts';

const PHASE_LABEL: Record<LoadProgress['phase'], string> = { reading: 'reading', indexing: 'indexing' };
// Small folders load in a blink: showing progress for them is only noise.
const SHOW_AFTER_MS = 1000;

/**
 * A progress bar on standard error for the interactive console, one bar per
 * phase (reading files, indexing articles), shown only when a load lasts.
 * Returns the listener and a function that clears the bar.
 */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): { onProgress: (p: LoadProgress) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | undefined;
  let phase: LoadProgress['phase'] | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    stop,
    onProgress(progress) {
      if (progress.elapsedMs < SHOW_AFTER_MS && bar === undefined) return;
      if (phase !== progress.phase) {
        stop();
        phase = progress.phase;
        bar = new cliProgress.SingleBar(
          { stream, format: `${PHASE_LABEL[progress.phase].padEnd(8)} [{bar}] {value}/{total} {unit} | {duration}s`, hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
        );
        bar.start(progress.total, progress.done, { unit: progress.phase === 'reading' ? 'files' : 'articles' });
      }
      bar?.update(progress.done);
      if (progress.done >= progress.total) stop();
    },
  };
}

/**
 * Periodic log lines for the bot ("indexed 40,000/100,000 articles, 12 s"),
 * at most one per `everyMs`, plus the last of each phase.
 */
export function createProgressLog(log: (line: string) => void, everyMs = 5000): (p: LoadProgress) => void {
  let lastAt = 0;
  return (progress) => {
    const finished = progress.done >= progress.total;
    if (!finished && progress.elapsedMs - lastAt < everyMs) return;
    if (finished && progress.elapsedMs < SHOW_AFTER_MS) return;
    lastAt = progress.elapsedMs;
    const verb = progress.phase === 'reading' ? 'read' : 'indexed';
    const unit = progress.phase === 'reading' ? 'files' : 'articles';
    log(`${verb} ${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')} ${unit}, ${Math.round(progress.elapsedMs / 1000)} s`);
  };
}
