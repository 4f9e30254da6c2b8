import { describe, expect, it } from 'vitest';
import { frameFixture, podFixture, podInputFixture } from '../anatomy/fixtures.ts';
import { buildAnatomy } from '../anatomy/model.ts';
import { announcements, snapshotOf } from './announce.ts';

describe('live announcements', () => {
  it('says what changed, and nothing on the first frame', () => {
    const before = snapshotOf(
      buildAnatomy(
        frameFixture(0, [podInputFixture(podFixture({ status: { phase: 'Pending' } }))]),
      ),
      new Map([['myapp-pod', 'Init:0/2']]),
    );
    const after = snapshotOf(
      buildAnatomy(frameFixture(50_000)),
      new Map([['myapp-pod', 'CrashLoopBackOff']]),
    );
    expect(announcements(undefined, after)).toEqual([]);
    const said = announcements(before, after);
    expect(said).toContainEqual({
      key: 'live.pod',
      params: { name: 'myapp-pod', status: 'CrashLoopBackOff' },
    });
    expect(said).toContainEqual({
      key: 'live.container',
      params: { pod: 'myapp-pod', name: 'web', reason: 'CrashLoopBackOff', count: '3' },
    });
    expect(announcements(after, after)).toEqual([]);
  });
});
