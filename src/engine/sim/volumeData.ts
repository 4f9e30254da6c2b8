/**
 * Volume data as pod state: what the pod's containers wrote to its volumes
 * outlives the container instance that wrote it.
 *
 * Each container's program carries its writes (relative to its start, from
 * the behaviour layer's run). When an instance ends, its writes up to that
 * instant join the pod's `volumeLog` (absolute times); a container starting
 * later gets that log and sees the files — an init container's output, its
 * own previous instance's, a counter an init container keeps across its
 * retries. A running instance's writes are read from its program up to now.
 * The log goes with the pod (an emptyDir is deleted with it); a container's
 * writable layer is never in it.
 */
import type { VolumeOp } from '../behaviour/index.ts';
import type { ContainerRec, PodState } from './state.ts';

/** Ops older than this (before the replay window of running peers) are folded together. */
const KEEP_HISTORY_MS = 11 * 60_000;

/** The pod's volume writes before `startMs`, relative to it (for a container starting then). */
export function volumeLogFor(p: PodState, startMs: number): VolumeOp[] | undefined {
  const log = p.volumeLog;
  if (!log?.length) return undefined;
  const out: VolumeOp[] = [];
  for (const op of log) if (op.atMs <= startMs) out.push({ ...op, atMs: op.atMs - startMs });
  return out.length ? out : undefined;
}

/** An instance ended at `endMs`: what it wrote until then becomes the pod's. */
export function commitWrites(p: PodState, r: ContainerRec, endMs: number): void {
  const writes = r.program?.writes;
  if (!writes?.length || r.startedAtMs === undefined) return;
  const start = r.startedAtMs;
  const log = p.volumeLog ?? [];
  for (const w of writes) if (start + w.atMs <= endMs) log.push({ ...w, atMs: start + w.atMs });
  log.sort((a, b) => a.atMs - b.atMs);
  p.volumeLog = compact(log, endMs - KEEP_HISTORY_MS);
}

/** Before `cutoffMs` only each file's last change matters (and a removal of nothing, not even that). */
function compact(log: VolumeOp[], cutoffMs: number): VolumeOp[] {
  const old = log.filter((op) => op.atMs < cutoffMs);
  if (old.length < 2) return log;
  const last = new Map<string, VolumeOp>();
  for (const op of old) last.set(`${op.volume}\u0000${op.path}`, op);
  const kept = [...last.values()].filter((op) => op.content !== null);
  kept.sort((a, b) => a.atMs - b.atMs);
  return [...kept, ...log.filter((op) => op.atMs >= cutoffMs)];
}

export interface VolumeFile {
  path: string;
  size: number;
  preview: string;
  writer: string;
  mtimeMs: number;
}

const PREVIEW_CHARS = 120;

/** Every volume's files at `nowMs`: the committed log plus running instances' writes so far. */
export function volumeFilesAt(p: PodState, nowMs: number): Record<string, VolumeFile[]> {
  const ops: VolumeOp[] = [...(p.volumeLog ?? [])];
  for (const r of p.containers) {
    if (r.state !== 'running' || r.startedAtMs === undefined) continue;
    for (const w of r.program?.writes ?? []) {
      const at = r.startedAtMs + w.atMs;
      if (at <= nowMs) ops.push({ ...w, atMs: at });
    }
  }
  ops.sort((a, b) => a.atMs - b.atMs);
  const files = new Map<string, Map<string, VolumeOp>>();
  for (const op of ops) {
    if (op.atMs > nowMs) break;
    const vol = files.get(op.volume) ?? new Map<string, VolumeOp>();
    if (op.content === null) vol.delete(op.path);
    else vol.set(op.path, op);
    files.set(op.volume, vol);
  }
  const out: Record<string, VolumeFile[]> = {};
  for (const [volume, vol] of files) {
    out[volume] = [...vol.values()]
      .map((op) => ({
        path: op.path,
        size: (op.content ?? '').length,
        preview: (op.content ?? '').slice(0, PREVIEW_CHARS),
        writer: op.writer,
        mtimeMs: op.atMs,
      }))
      .sort((a, b) => a.path.localeCompare(b.path));
  }
  return out;
}
