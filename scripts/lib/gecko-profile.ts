/**
 * Long tasks in Firefox, which has no Long Tasks API, from the Gecko profiler. Tests
 * start Firefox with the profiler running (markers only, main threads only), and it
 * writes its profile at shutdown. Pages mark where a measurement begins and ends with
 * performance.mark() (the profiler records those as UserTiming markers); this module
 * reads the profile and reports the longest piece of main-thread work in each window.
 *
 * Gecko's own "LongTask" marker is not enough: it is recorded for some event queues
 * only. A 1.7 s content-script task run from an extension message reply carried no
 * LongTask marker, only a 1.7 s "Perform microtasks" marker. So the measure is the
 * longest of LongTask and the markers Gecko records around each unit of work run on a
 * main thread (script, callbacks, microtask checkpoints, events, refresh ticks, GC
 * slices); each lies inside one task, so the result never exceeds the longest task.
 */
import { readFileSync } from 'node:fs';

/** Environment that makes Firefox profile from start-up and write the profile to `path` at shutdown. */
export function profilerEnv(path: string): Record<string, string> {
  return {
    MOZ_PROFILER_STARTUP: '1',
    // Markers only: no stack sampling, so the profiler adds next to nothing to the work it measures.
    MOZ_PROFILER_STARTUP_FEATURES: 'nostacksampling',
    MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
    MOZ_PROFILER_SHUTDOWN: path,
  };
}

/** Markers that each lie within a single main-thread task (Awake, Load or GCMajor span many). */
export const WORK_MARKERS = new Set([
  'LongTask',
  'Perform microtasks',
  'setTimeout callback',
  'setInterval callback',
  'requestAnimationFrame callbacks',
  'DOMEvent',
  'RefreshDriverTick',
  'ScriptEvaluation',
  'ScriptExecution',
  'SubScript',
  'ExtensionChild',
  'GCSlice',
  'CCSlice',
]);

export const BEGIN_MARK = 'backstory-window-begin';
export const END_MARK = 'backstory-window-end:';

type Interval = { name: string; start: number; end: number };
type Instant = { name: string; time: number; data: Record<string, unknown> | undefined };
type Thread = { process: string; intervals: Interval[]; instants: Instant[] };

type RawThread = {
  name: string;
  processName?: string;
  markers: { schema: Record<string, number>; data: unknown[][] };
  stringTable?: string[];
  stringArray?: string[];
};
type RawProfile = { meta?: { startTime?: number }; threads: RawThread[]; processes?: RawProfile[] };

/** Marker phases in the Gecko profile format. */
const INSTANT = 0;
const INTERVAL = 1;
const START = 2;
const END = 3;

/** Marker times in ms from the parent process's start (each process counts from its own start). */
export function readThreads(profile: RawProfile): Thread[] {
  const out: Thread[] = [];
  const base = profile.meta?.startTime ?? 0;
  for (const p of [profile, ...(profile.processes ?? [])]) {
    const shift = (p.meta?.startTime ?? base) - base;
    for (const th of p.threads) {
      if (th.name !== 'GeckoMain') continue;
      const strings = th.stringTable ?? th.stringArray ?? [];
      const s = th.markers.schema;
      const open = new Map<string, number[]>();
      const thread: Thread = { process: th.processName ?? '', intervals: [], instants: [] };
      for (const row of th.markers.data) {
        const name = strings[row[s.name] as number];
        const phase = row[s.phase] as number;
        const start = (row[s.startTime] as number) + shift;
        const end = (row[s.endTime] as number) + shift;
        if (phase === INTERVAL) thread.intervals.push({ name, start, end });
        else if (phase === START) (open.get(name) ?? open.set(name, []).get(name)!).push(start);
        else if (phase === END) {
          const begun = open.get(name)?.pop();
          if (begun !== undefined) thread.intervals.push({ name, start: begun, end });
        } else if (phase === INSTANT) thread.instants.push({ name, time: start, data: row[s.data] as Record<string, unknown> | undefined });
      }
      out.push(thread);
    }
  }
  return out;
}

/**
 * For each window a page closed with `performance.mark(END_MARK + label)`: the longest
 * main-thread work, in ms, in any web-content process, that started between the same
 * document's latest BEGIN_MARK before it and the end mark. Work in the parent process
 * or the add-on's own process (its background page) is not on a page's main thread.
 */
export function longestTasks(profile: RawProfile): Map<string, number> {
  const threads = readThreads(profile);
  // Pages run in "Web Content" processes ("Isolated Web Content" with site isolation); the parent process
  // (browser UI) and the add-on's own process (its background page) are other main threads.
  const content = threads.filter((t) => /Web Content/.test(t.process));
  const longTasks = content.flatMap((t) => t.intervals.filter((i) => WORK_MARKERS.has(i.name)));
  const result = new Map<string, number>();
  for (const t of threads) {
    const marks = t.instants
      .filter((i) => i.name === 'UserTiming' && typeof i.data?.name === 'string')
      .map((i) => ({ time: i.time, name: i.data!.name as string, window: i.data!.innerWindowID }))
      .sort((a, b) => a.time - b.time);
    // Per document: frames in the same process mark their own beginnings.
    const begins = new Map<unknown, number>();
    for (const m of marks) {
      if (m.name === BEGIN_MARK) begins.set(m.window, m.time);
      else if (m.name.startsWith(END_MARK) && begins.has(m.window)) {
        const from = begins.get(m.window)!;
        const longest = longTasks.filter((l) => l.start >= from && l.start < m.time).reduce((max, l) => Math.max(max, l.end - l.start), 0);
        result.set(m.name.slice(END_MARK.length), longest);
        begins.delete(m.window);
      }
    }
  }
  return result;
}

export function readProfile(path: string): RawProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as RawProfile;
}
