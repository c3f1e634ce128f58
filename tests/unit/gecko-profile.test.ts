import { describe, expect, test } from 'vitest';
import { BEGIN_MARK, END_MARK, longestTasks } from '../../scripts/lib/gecko-profile';

// A profile in Gecko's format: markers as rows of [name, start, end, phase, category, data]
// against each thread's string table. Phases: 0 instant, 1 interval, 2 start, 3 end.
function thread(processName: string, rows: Array<[string, number, number, number, Record<string, unknown>?]>) {
  const strings: string[] = [];
  const id = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  return {
    name: 'GeckoMain',
    processName,
    stringTable: strings,
    markers: {
      schema: { name: 0, startTime: 1, endTime: 2, phase: 3, category: 4, data: 5 },
      data: rows.map(([name, start, end, phase, data]) => [id(name), start, end, phase, 0, data]),
    },
  };
}
const mark = (name: string, time: number, innerWindowID = 1): [string, number, number, number, Record<string, unknown>] => [
  'UserTiming',
  time,
  0,
  0,
  { type: 'UserTiming', name, innerWindowID },
];

describe('longest main-thread work from a Gecko profile', () => {
  test('takes the longest unit of work inside each window, in any web-content process', () => {
    const page = thread('Web Content', [
      mark(BEGIN_MARK, 100),
      ['Perform microtasks', 120, 150, 1],
      ['Awake', 110, 900, 1], // spans many tasks: never counted
      ['setTimeout callback', 200, 0, 2],
      ['setTimeout callback', 0, 242, 3], // a start/end pair: 42 ms
      mark(`${END_MARK}page|on|0`, 500),
      ['Perform microtasks', 600, 700, 1], // after the window
    ]);
    const frame = thread('Web Content', [['LongTask', 300, 361, 1]]); // a cross-origin frame's process
    const addon = thread('WebExtensions', [['LongTask', 150, 400, 1]]); // the background page: not the page's thread
    const parent = thread('Parent Process', [['GCSlice', 150, 250, 1]]); // the browser's UI: not the page's thread
    const result = longestTasks({ threads: [parent], processes: [{ threads: [page] }, { threads: [frame] }, { threads: [addon] }] });
    expect(result.get('page|on|0')).toBe(61);
  });

  test("each process's times count from its own start", () => {
    // The page's process started 300 ms after the parent, the frame's process 100 ms after it.
    const page = thread('Web Content', [mark(BEGIN_MARK, 100), mark(`${END_MARK}page|on|0`, 200)]); // 400–500 in parent time
    const early = thread('Web Content', [['LongTask', 150, 210, 1]]); // 250–310: before the window
    const inside = thread('Web Content', [['Perform microtasks', 350, 380, 1]]); // 450–480: inside it
    const profile = {
      meta: { startTime: 1000 },
      threads: [],
      processes: [
        { meta: { startTime: 1300 }, threads: [page] },
        { meta: { startTime: 1100 }, threads: [early] },
        { meta: { startTime: 1100 }, threads: [inside] },
      ],
    };
    expect(longestTasks(profile).get('page|on|0')).toBe(30);
  });

  test('a frame marking its own beginning does not shorten the page window', () => {
    const page = thread('Web Content', [
      mark(BEGIN_MARK, 100, 1),
      ['Perform microtasks', 110, 190, 1],
      mark(BEGIN_MARK, 150, 2), // a same-process iframe's document
      mark(`${END_MARK}top|on|0`, 400, 1),
    ]);
    expect(longestTasks({ threads: [page] }).get('top|on|0')).toBe(80);
  });

  test('a window with no work reports 0', () => {
    const page = thread('Web Content', [mark(BEGIN_MARK, 10), mark(`${END_MARK}quiet|off|0`, 20)]);
    expect(longestTasks({ threads: [page] }).get('quiet|off|0')).toBe(0);
  });
});
