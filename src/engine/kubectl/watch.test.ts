import { describe, expect, it } from 'vitest';
import { appendRowChange, getPodsWatchLines, rowIdentity, type RowChange } from './watch.ts';

const row = (ready: string, status: string, restarts: string, age: string) => ({
  name: 'myapp-pod',
  ready,
  status,
  restarts,
  age,
});

describe('getPodsWatchLines', () => {
  it('prints nothing before the pod exists', () => {
    expect(getPodsWatchLines([])).toEqual([]);
  });

  it('aligns the first flush like kubectl (minwidth 6, padding 3)', () => {
    expect(getPodsWatchLines([{ atMs: 0, row: row('0/2', 'Pending', '0', '0s') }])).toEqual([
      'NAME        READY   STATUS    RESTARTS   AGE',
      'myapp-pod   0/2     Pending   0          0s',
    ]);
  });

  it('never narrows a column; a wider value widens it from that line on (RememberWidths)', () => {
    const changes: RowChange[] = [
      { atMs: 0, row: row('0/2', 'Pending', '0', '0s') },
      { atMs: 1000, row: row('0/2', 'Init:0/2', '0', '1s') },
      { atMs: 11000, row: row('1/2', 'Running', '0', '11s') },
      { atMs: 16000, row: row('1/2', 'CrashLoopBackOff', '1 (1s ago)', '16s') },
      { atMs: 19000, row: row('1/2', 'Running', '1 (3s ago)', '19s') },
    ];
    expect(getPodsWatchLines(changes)).toEqual([
      'NAME        READY   STATUS    RESTARTS   AGE',
      'myapp-pod   0/2     Pending   0          0s',
      'myapp-pod   0/2     Init:0/2   0          1s',
      'myapp-pod   1/2     Running    0          11s',
      'myapp-pod   1/2     CrashLoopBackOff   1 (1s ago)   16s',
      'myapp-pod   1/2     Running            1 (3s ago)   19s',
    ]);
  });

  it('the rows present when the watch starts share one flush', () => {
    const lines = getPodsWatchLines(
      [
        { atMs: 0, row: { ...row('1/1', 'Running', '0', '5m'), name: 'web-a' } },
        { atMs: 0, row: { ...row('0/1', 'ContainerCreating', '0', '1s'), name: 'web-bbbbbb' } },
      ],
      2,
    );
    expect(lines).toEqual([
      'NAME         READY   STATUS              RESTARTS   AGE',
      'web-a        1/1     Running             0          5m',
      'web-bbbbbb   0/1     ContainerCreating   0          1s',
    ]);
  });
});

describe('appendRowChange', () => {
  it('adds a line only when READY, STATUS or the restart count change', () => {
    let h = appendRowChange([], 0, [row('0/1', 'Pending', '0', '0s')]);
    const same = appendRowChange(h, 1000, [row('0/1', 'Pending', '0', '1s')]);
    expect(same).toBe(h);
    h = appendRowChange(h, 2000, [row('1/1', 'Running', '0', '2s')]);
    h = appendRowChange(h, 9000, [row('1/1', 'Running', '1 (1s ago)', '9s')]);
    h = appendRowChange(h, 12000, [row('1/1', 'Running', '1 (4s ago)', '12s')]);
    expect(h.map((c) => [c.atMs, c.row.status, c.row.restarts])).toEqual([
      [0, 'Pending', '0'],
      [2000, 'Running', '0'],
      [9000, 'Running', '1 (1s ago)'],
    ]);
  });

  it('cuts the history after a seek back', () => {
    let h = appendRowChange([], 0, [row('0/1', 'Pending', '0', '0s')]);
    h = appendRowChange(h, 5000, [row('1/1', 'Running', '0', '5s')]);
    h = appendRowChange(h, 2000, [row('0/1', 'Pending', '0', '2s')]);
    expect(h.map((c) => c.atMs)).toEqual([0]);
  });

  it('starts over when a run is reloaded (time back to 0)', () => {
    let h = appendRowChange([], 0, [{ ...row('0/1', 'Pending', '0', '0s'), name: 'old' }]);
    h = appendRowChange(h, 5000, [{ ...row('1/1', 'Running', '0', '5s'), name: 'old' }]);
    h = appendRowChange(h, 0, [{ ...row('0/1', 'Pending', '0', '0s'), name: 'new' }]);
    expect(h.map((c) => c.row.name)).toEqual(['new']);
  });

  it('tracks each pod separately', () => {
    let h = appendRowChange([], 0, [{ ...row('0/1', 'Pending', '0', '0s'), name: 'a' }]);
    h = appendRowChange(h, 1000, [
      { ...row('0/1', 'Pending', '0', '1s'), name: 'a' },
      { ...row('0/1', 'Pending', '0', '0s'), name: 'b' },
    ]);
    expect(h.map((c) => c.row.name)).toEqual(['a', 'b']);
  });

  it('rowIdentity ignores AGE and "(… ago)"', () => {
    expect(rowIdentity(row('1/1', 'Running', '2 (5s ago)', '1m'))).toBe(
      rowIdentity(row('1/1', 'Running', '2 (9m ago)', '10m')),
    );
  });
});
