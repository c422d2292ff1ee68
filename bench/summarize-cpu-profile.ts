/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went:
 * self time by package or project file, the functions with the most self
 * time, and the project functions with the most inclusive time (their own
 * plus everything they called; recursion counted once).
 *
 *   npx tsx bench/summarize-cpu-profile.ts <file.cpuprofile> [--top N]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The parts of a `.cpuprofile` file read here. */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds spent in one function or group. */
export interface TimeEntry {
  name: string;
  ms: number;
}

/** Where a profile's time went. */
export interface ProfileSummary {
  totalMs: number;
  /** Self time by package (`minisearch`, `wink-nlp`, …), project file (`src/…`), or V8 bucket (`(garbage collector)`). */
  byGroup: TimeEntry[];
  topSelf: TimeEntry[];
  /** Project functions (under src/) by inclusive time. */
  projectInclusive: TimeEntry[];
  /** Any function by inclusive time (library entry points included). */
  topInclusive: TimeEntry[];
}

const PROJECT_ROOT = pathToFileURL(resolve(import.meta.dirname, '..')).href + '/';

/** Summarises a CPU profile; `top` bounds each list. */
export function summarizeCpuProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

  const group = new Map<string, number>();
  const self = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    add(group, groupOf(frame), us);
    add(self, keyOf(frame), us);
  }

  // Inclusive time: every node's subtree, credited to each function once per path.
  const inclusive = new Map<string, number>();
  const subtree = new Map<number, number>();
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const roots = profile.nodes.filter((n) => !childIds.has(n.id));
  const totalOf = (node: ProfileNode): number => {
    const cached = subtree.get(node.id);
    if (cached !== undefined) return cached;
    // Iterative post-order: profiles can be deeper than the JS stack allows.
    const stack: Array<{ node: ProfileNode; visited: boolean }> = [{ node, visited: false }];
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (top.visited) {
        let sum = selfUs.get(top.node.id) ?? 0;
        for (const child of top.node.children ?? []) sum += subtree.get(child) ?? 0;
        subtree.set(top.node.id, sum);
        continue;
      }
      stack.push({ node: top.node, visited: true });
      for (const child of top.node.children ?? []) stack.push({ node: byId.get(child)!, visited: false });
    }
    return subtree.get(node.id)!;
  };
  for (const root of roots) totalOf(root);
  const walk: Array<{ node: ProfileNode; onPath: Set<string> }> = roots.map((node) => ({ node, onPath: new Set() }));
  while (walk.length > 0) {
    const { node, onPath } = walk.pop()!;
    const key = keyOf(node.callFrame);
    let path = onPath;
    if (!onPath.has(key)) {
      add(inclusive, key, subtree.get(node.id) ?? 0);
      path = new Set(onPath).add(key);
    }
    for (const child of node.children ?? []) walk.push({ node: byId.get(child)!, onPath: path });
  }

  const sorted = (map: Map<string, number>, keep: (name: string) => boolean = () => true) =>
    [...map]
      .filter(([name]) => keep(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000 }));
  const isBucket = (name: string) => name.startsWith('(');
  return {
    totalMs: totalUs / 1000,
    byGroup: sorted(group),
    topSelf: sorted(self),
    projectInclusive: sorted(inclusive, (name) => name.includes(' src/')),
    topInclusive: sorted(inclusive, (name) => !isBucket(name) && !name.startsWith('(anonymous) node:') && !name.includes(' bench/')),
  };
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function shortUrl(url: string): string {
  if (url.startsWith(PROJECT_ROOT)) url = url.slice(PROJECT_ROOT.length);
  const modules = url.lastIndexOf('node_modules/');
  return modules >= 0 ? url.slice(modules + 'node_modules/'.length) : url;
}

function keyOf(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  // tsx compiles a project file onto one line: its line number says nothing.
  return frame.lineNumber === 0 ? `${name} ${shortUrl(frame.url)}` : `${name} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function groupOf(frame: CallFrame): string {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const url = shortUrl(frame.url);
  if (url.startsWith('node:')) return 'node: internals';
  if (url.startsWith('src/') || url.startsWith('bench/') || url.startsWith('eval/')) return url;
  const parts = url.split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
}

/** The summary as Markdown-ish lines. */
export function formatProfileSummary(summary: ProfileSummary): string[] {
  const pct = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1)}%`;
  const list = (title: string, entries: TimeEntry[]) => [
    `${title}:`,
    ...entries.map((e) => `  ${(e.ms / 1000).toFixed(2).padStart(8)} s ${pct(e.ms).padStart(6)}  ${e.name}`),
  ];
  return [
    `CPU profile: ${(summary.totalMs / 1000).toFixed(1)} s sampled`,
    ...list('Self time by package / project file', summary.byGroup),
    ...list('Functions by self time', summary.topSelf),
    ...list('Project functions by inclusive time', summary.projectInclusive),
    ...list('All functions by inclusive time', summary.topInclusive),
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' } } });
  const file = positionals[0];
  if (file === undefined) {
    console.error('Usage: npx tsx bench/summarize-cpu-profile.ts <file.cpuprofile> [--top N]');
    process.exitCode = 2;
  } else {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    console.log(formatProfileSummary(summarizeCpuProfile(profile, Number(values.top ?? 25))).join('\n'));
  }
}
