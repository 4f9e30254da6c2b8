import { describe, expect, it } from 'vitest';
import { aggregateEvents, eventsBlock, inferSource, recordEvents } from './events.ts';
import type { KubectlEventInput } from './events.ts';
import { tabwrite } from './tabwriter.ts';
import { DEFAULT_EPOCH_MS } from './time.ts';

const s = (sec: number) => sec * 1000;
const app = 'spec.containers{app}';
const POD = 'web-7c9d8b6f5-x2x9k';

function ev(
  sec: number,
  reason: string,
  message: string,
  type: 'Normal' | 'Warning' = 'Normal',
  fieldPath: string | null = app,
): KubectlEventInput {
  return fieldPath === null
    ? { atMs: s(sec), type, reason, message }
    : { atMs: s(sec), type, reason, message, fieldPath };
}

/** The pod of events.md §11: liveness probe returning 500, observed at t = 200 s. */
function section11Events(): KubectlEventInput[] {
  const list: KubectlEventInput[] = [
    ev(0, 'Scheduled', `Successfully assigned default/${POD} to worker-1`, 'Normal', null),
    ev(1, 'Pulling', 'Pulling image "nginx:1.27"'),
    ev(
      5,
      'Pulled',
      'Successfully pulled image "nginx:1.27" in 3.874s (3.874s including waiting). Image size: 72223946 bytes.',
    ),
    ev(5, 'Created', 'Container created'),
    ev(5, 'Started', 'Container started'),
  ];
  const unhealthy = 'Liveness probe failed: HTTP probe failed with statuscode: 500';
  const killing = 'Container app failed liveness probe, will be restarted';
  const present =
    'Container image "nginx:1.27" already present on machine and can be accessed by the pod';
  for (const t of [45, 55, 65]) list.push(ev(t, 'Unhealthy', unhealthy, 'Warning'));
  list.push(ev(65, 'Killing', killing));
  list.push(ev(75, 'Pulled', present), ev(75, 'Created', 'Container created'));
  list.push(ev(75, 'Started', 'Container started'));
  for (const t of [125, 135, 145]) list.push(ev(t, 'Unhealthy', unhealthy, 'Warning'));
  list.push(ev(145, 'Killing', killing));
  list.push(ev(155, 'Pulled', present), ev(155, 'Created', 'Container created'));
  list.push(ev(155, 'Started', 'Container started'));
  list.push(ev(185, 'Unhealthy', unhealthy, 'Warning'));
  return list;
}

const NOW = new Date(DEFAULT_EPOCH_MS + s(200));

describe('describe Events table (events.md §11)', () => {
  it('renders the exact example, kubectl 1.35+', () => {
    const rows = aggregateEvents(section11Events(), NOW, { podName: POD });
    expect(tabwrite(eventsBlock(rows))).toBe(
      [
        'Events:',
        '  Type     Reason     Age                  From               Message',
        '  ----     ------     ----                 ----               -------',
        `  Normal   Scheduled  3m20s                default-scheduler  Successfully assigned default/${POD} to worker-1`,
        '  Normal   Pulling    3m19s                kubelet            spec.containers{app}: Pulling image "nginx:1.27"',
        '  Normal   Pulled     3m15s                kubelet            spec.containers{app}: Successfully pulled image "nginx:1.27" in 3.874s (3.874s including waiting). Image size: 72223946 bytes.',
        '  Normal   Killing    55s (x2 over 2m15s)  kubelet            spec.containers{app}: Container app failed liveness probe, will be restarted',
        '  Normal   Created    45s (x3 over 3m15s)  kubelet            spec.containers{app}: Container created',
        '  Normal   Started    45s (x3 over 3m15s)  kubelet            spec.containers{app}: Container started',
        '  Normal   Pulled     45s (x2 over 2m5s)   kubelet            spec.containers{app}: Container image "nginx:1.27" already present on machine and can be accessed by the pod',
        '  Warning  Unhealthy  15s (x7 over 2m35s)  kubelet            spec.containers{app}: Liveness probe failed: HTTP probe failed with statuscode: 500',
        '',
      ].join('\n'),
    );
  });

  it('kubectl ≤ 1.34 prints no fieldPath prefix', () => {
    const rows = aggregateEvents(section11Events(), NOW, { fieldPathPrefix: false });
    expect(rows.map((r) => r.message)[1]).toBe('Pulling image "nginx:1.27"');
  });

  it('prints <none> without a table when there are no events', () => {
    expect(eventsBlock(aggregateEvents([], NOW))).toBe('Events:\t<none>\n');
  });

  it('ignores occurrences after now (a seek back)', () => {
    const rows = aggregateEvents(section11Events(), new Date(DEFAULT_EPOCH_MS + s(6)));
    expect(rows.map((r) => `${r.reason} ${r.age}`)).toEqual([
      'Scheduled 6s',
      'Pulling 5s',
      'Pulled 1s',
      'Created 1s',
      'Started 1s',
    ]);
  });
});

describe('recording rules (events.md §10)', () => {
  it.each([
    ['Scheduled', 'default-scheduler'],
    ['FailedScheduling', 'default-scheduler'],
    ['NodeNotReady', 'node-controller'],
    ['TaintManagerEviction', 'taint-eviction-controller'],
    ['SuccessfulCreate', 'replicaset-controller'],
    ['ScalingReplicaSet', 'deployment-controller'],
    ['BackOff', 'kubelet'],
  ])('%s is recorded by %s', (reason, from) => {
    expect(inferSource(reason)).toBe(from);
  });

  it('a different message makes a separate row; the same message counts', () => {
    const rec = recordEvents([
      ev(1, 'Failed', 'Error: ErrImagePull', 'Warning'),
      ev(2, 'Failed', 'Failed to pull image "x"', 'Warning'),
      ev(3, 'Failed', 'Error: ErrImagePull', 'Warning'),
    ]);
    expect(rec.map((r) => [r.message, r.count])).toEqual([
      ['Error: ErrImagePull', 2],
      ['Failed to pull image "x"', 1],
    ]);
  });

  it('the fieldPath is part of the dedup key', () => {
    const rec = recordEvents([
      ev(1, 'Started', 'Container started', 'Normal', 'spec.containers{a}'),
      ev(1, 'Started', 'Container started', 'Normal', 'spec.containers{b}'),
    ]);
    expect(rec).toHaveLength(2);
  });

  it('timestamps have 1-second resolution', () => {
    const rec = recordEvents([{ ...ev(0, 'Pulling', 'x'), atMs: 1999 }]);
    expect(rec[0]!.firstMs).toBe(DEFAULT_EPOCH_MS + 1000);
  });

  it('folds the 10th distinct message of one reason into "(combined from similar events)"', () => {
    const list = Array.from({ length: 12 }, (_, i) =>
      ev(i, 'Unhealthy', `Liveness probe failed: output ${i}`, 'Warning'),
    );
    const rec = recordEvents(list);
    expect(rec).toHaveLength(10);
    expect(rec[9]!.message).toBe(
      '(combined from similar events): Liveness probe failed: output 11',
    );
    expect(rec[9]!.count).toBe(3);
  });

  it('the spam filter keeps 25 occurrences then one per 5 minutes, and counts jump', () => {
    // BackOff every 10 s from 0 to 1140 s: 115 occurrences of one message. The bucket
    // (25 tokens, +1 per 300 s) accepts 0…240 s, then 300, 600 and 900 s; the dedup cache
    // counted every occurrence, so the update at 900 s says x91.
    const list = Array.from({ length: 115 }, (_, i) =>
      ev(
        i * 10,
        'BackOff',
        'Back-off restarting failed container app in pod p_default(u)',
        'Warning',
      ),
    );
    const [row] = aggregateEvents(list, new Date(DEFAULT_EPOCH_MS + s(1150)));
    expect(row!.age).toBe('4m10s (x91 over 19m)');
  });

  it('the scheduler forms a series: first message kept, count from the series', () => {
    const rows = aggregateEvents(
      [
        ev(0, 'FailedScheduling', '0/1 nodes are available: 1 Insufficient cpu.', 'Warning', null),
        ev(60, 'FailedScheduling', '0/1 nodes are available: 1 Too many pods.', 'Warning', null),
      ],
      new Date(DEFAULT_EPOCH_MS + s(90)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.age).toBe('30s (x2 over 90s)');
    expect(rows[0]!.message).toBe('0/1 nodes are available: 1 Insufficient cpu.');
  });

  it('events of other objects are left out of the pod describe', () => {
    const rows = aggregateEvents(
      [
        {
          ...ev(0, 'SuccessfulCreate', 'Created pod: p', 'Normal', null),
          object: { kind: 'ReplicaSet', name: 'rs' },
        },
        { ...ev(1, 'Pulling', 'Pulling image "x"'), object: { kind: 'Pod', name: 'p' } },
      ],
      new Date(DEFAULT_EPOCH_MS + s(2)),
      { podName: 'p' },
    );
    expect(rows.map((r) => r.reason)).toEqual(['Pulling']);
  });
});
