/**
 * Runs one build as a child process and measures it from the outside: wall
 * time, CPU time of the whole process tree (via GNU time's rusage of waited
 * children), peak resident memory (sampled from /proc, summed over every live
 * process of the tree, and the largest single process), and each output line
 * with the moment it arrived, so build phases can be told apart.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Line { ms: number; text: string }

export interface Measured {
  code: number | null;
  /** Killed after the timeout. */
  timedOut: boolean;
  wallMs: number;
  /** User + system CPU seconds of the process and all its descendants (GNU time, or the /proc samples when higher). */
  cpuSeconds?: number;
  /** Peak of the summed memory (PSS, so shared pages count once) of every process in the tree, sampled every 200 ms. */
  peakTreeRssMB: number;
  /** Largest RSS any single process reached (kernel figure when /usr/bin/time is there). */
  peakProcessRssMB: number;
  /** When the peak was reached, ms after start. */
  peakMs: number;
  /** The processes at the moment of the peak, largest first: `name` (RSS MB). */
  atPeak: { name: string; rssMB: number }[];
  /** Summed RSS once a second: [ms since start, MB]. */
  rssTimeline: [number, number][];
  /** CPU seconds used so far by the tree, sampled: [ms since start, seconds]; to give each phase its CPU time. */
  cpuTimeline: [number, number][];
  /** Meaningful output lines with their arrival time; per-page lines are only counted. */
  lines: Line[];
  /** Astro's per-page lines: how many, how many it copied from the incremental build's cache, first and last. */
  pageLines: { count: number; reused: number; firstMs?: number; lastMs?: number };
  /** The last 200 lines, for failures. */
  tail: string[];
  loadBefore: number;
  loadAfter: number;
}

const ANSI = /\x1b\[[0-9;]*m/g;
const GNU_TIME = '/usr/bin/time';
const PAGE_SIZE_KB = 4;
/** USER_HZ, the unit of CPU times in /proc/<pid>/stat (100 on Linux). */
const CLOCK_TICKS = 100;

function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return NaN;
  }
}

/**
 * A process's proportional set size (kB): shared pages divided among the
 * processes sharing them. Summing RSS instead counts a child that was just
 * forked (and has not yet become the Pagefind binary) as a second copy of
 * the whole build.
 */
function pss(pid: number): number | undefined {
  try {
    const line = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Summed PSS and largest RSS (kB) of `root` and its descendants, from /proc. */
function treeRss(root: number): { sum: number; max: number; cpuTicks: number; processes: { name: string; rssMB: number }[] } {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  const ticks = new Map<number, number>();
  const names = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      names.set(Number(name), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * PAGE_SIZE_KB);
      // utime + stime, and the same for children it has waited for.
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  let sum = 0;
  let max = 0;
  let cpuTicks = 0;
  const processes: { name: string; rssMB: number }[] = [];
  for (const [pid, kb] of rss) {
    if (!inTree(pid)) continue;
    sum += pss(pid) ?? kb;
    cpuTicks += ticks.get(pid) ?? 0;
    max = Math.max(max, kb);
    if (kb > 10 * 1024) processes.push({ name: names.get(pid) ?? String(pid), rssMB: Math.round(kb / 1024) });
  }
  return { sum, max, cpuTicks, processes: processes.sort((a, b) => b.rssMB - a.rssMB) };
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Output lines that are only counted, not kept (one per page written). */
  isPageLine?: (text: string) => boolean;
  /** Prints lines as they arrive. */
  echo?: (text: string) => void;
  /** Writes every output line, with its arrival time in ms, to this file. */
  logFile?: string;
}

export function measure(command: string, args: string[], options: RunOptions): Promise<Measured> {
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const loadBefore = loadAverage();
  const start = performance.now();
  // Its own process group, so a timeout (or the benchmark being stopped) ends the whole build.
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stopChild = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  process.once('exit', stopChild);
  const lines: Line[] = [];
  const tail: string[] = [];
  const pageLines: Measured['pageLines'] = { count: 0, reused: 0 };
  const logStream = options.logFile ? createWriteStream(options.logFile) : undefined;
  let peakSum = 0;
  let peakMax = 0;
  let atPeak: Measured['atPeak'] = [];
  let peakMs = 0;
  const rssTimeline: Measured['rssTimeline'] = [];
  const cpuTimeline: Measured['cpuTimeline'] = [];
  let cpuHigh = 0;
  const sample = () => {
    if (!child.pid) return;
    const { sum, max, processes, cpuTicks } = treeRss(child.pid);
    const ms = performance.now() - start;
    // Ticks of a process that ended unwaited are lost; never let the running total go down.
    cpuHigh = Math.max(cpuHigh, cpuTicks / CLOCK_TICKS);
    cpuTimeline.push([Math.round(ms), cpuHigh]);
    if (sum > peakSum) {
      peakSum = sum;
      atPeak = processes;
      peakMs = ms;
    }
    peakMax = Math.max(peakMax, max);
    if (ms - (rssTimeline.at(-1)?.[0] ?? -Infinity) >= 1000) rssTimeline.push([Math.round(ms), Math.round(sum / 1024)]);
  };
  const sampler = setInterval(sample, 200);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }, options.timeoutMs);

  const onData = (buffered: { rest: string }) => (chunk: Buffer) => {
    const ms = performance.now() - start;
    const parts = (buffered.rest + chunk.toString('utf8')).split('\n');
    buffered.rest = parts.pop() ?? '';
    for (const raw of parts) {
      const text = raw.replace(ANSI, '').trimEnd();
      if (!text.trim()) continue;
      logStream?.write(`${Math.round(ms)}\t${text}\n`);
      tail.push(text);
      if (tail.length > 200) tail.shift();
      if (options.isPageLine?.(text)) {
        pageLines.count++;
        // Astro marks a page copied from the incremental build's cache "(restored)" or "(cached)".
        if (/\((restored|cached)\)/.test(text)) pageLines.reused++;
        pageLines.firstMs ??= ms;
        pageLines.lastMs = ms;
        continue;
      }
      lines.push({ ms, text });
      options.echo?.(text);
    }
  };
  child.stdout.on('data', onData({ rest: '' }));
  child.stderr.on('data', onData({ rest: '' }));

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      process.removeListener('exit', stopChild);
      clearInterval(sampler);
      clearTimeout(timer);
      logStream?.end();
      const wallMs = performance.now() - start;
      let cpuSeconds: number | undefined = cpuHigh;
      let kernelMaxKb = 0;
      if (useTime && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1] ?? NaN);
        cpuSeconds = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
        // GNU time only counts descendants that were waited for; a helper process its parent
        // never reaps (Pagefind's) only shows in the samples.
        cpuSeconds = Math.max(cpuSeconds, cpuHigh);
        kernelMaxKb = field('Maximum resident set size \\(kbytes\\)') || 0;
        rmSync(timeFile, { force: true });
      }
      resolve({
        code, timedOut, wallMs, cpuSeconds,
        peakTreeRssMB: peakSum / 1024,
        peakProcessRssMB: Math.max(peakMax, kernelMaxKb) / 1024,
        atPeak, peakMs, rssTimeline, cpuTimeline,
        lines, pageLines, tail, loadBefore, loadAfter: loadAverage(),
      });
    });
  });
}
