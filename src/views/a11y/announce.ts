/**
 * What a screen reader hears as the simulation runs: a pure diff between two anatomies,
 * one message per container whose state reason or restart count changed, and per pod whose
 * kubectl STATUS changed.
 */
import type { MessageKey, Params } from '../../i18n/index.ts';
import type { AnatomyVM } from '../anatomy/model.ts';

export interface Announcement {
  key: MessageKey;
  params: Params;
}

export type Snapshot = Map<string, string>;

export function snapshotOf(vm: AnatomyVM, statuses: ReadonlyMap<string, string>): Snapshot {
  const snap: Snapshot = new Map();
  for (const n of vm.nodes) {
    for (const p of n.pods) {
      snap.set(`pod/${p.name}`, statuses.get(p.name) ?? p.phase);
      for (const c of p.containers)
        snap.set(`c/${p.name}/${c.name}`, `${c.reason}|${c.restartCount}`);
    }
  }
  return snap;
}

export function announcements(prev: Snapshot | undefined, next: Snapshot): Announcement[] {
  if (!prev) return [];
  const out: Announcement[] = [];
  for (const [id, value] of next) {
    if (prev.get(id) === value) continue;
    const parts = id.split('/');
    if (parts[0] === 'pod') {
      out.push({ key: 'live.pod', params: { name: parts[1]!, status: value } });
    } else {
      const [reason = '', count = '0'] = value.split('|');
      out.push({
        key: 'live.container',
        params: { pod: parts[1]!, name: parts[2]!, reason, count },
      });
    }
  }
  return out;
}
