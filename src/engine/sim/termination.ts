/**
 * What an ended container instance leaves in `terminated.message`
 * (kubelet `kuberuntime_container.go`, `getTerminationMessage`): the last
 * 4096 bytes of the file at `terminationMessagePath` (default
 * `/dev/termination-log`); with `terminationMessagePolicy:
 * FallbackToLogsOnError`, an empty file and a non-zero exit, the last 80
 * lines of its log, at most 2048 bytes.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { ContainerRec } from './state.ts';

const MAX_MESSAGE_BYTES = 4096;
const FALLBACK_LINES = 80;
const FALLBACK_BYTES = 2048;

/** The lines an instance printed until `endMs` (relative to nothing: absolute time). */
export function instanceLogs(rec: ContainerRec, endAbsMs: number): string[] {
  if (!rec.program || rec.startedAtMs === undefined) return [];
  const end = endAbsMs - rec.startedAtMs;
  const lines = rec.program.logs.filter((l) => l.atMs <= end).map((l) => l.line);
  const rep = rec.program.repeat;
  if (rep && end >= rep.startMs) {
    const n = Math.floor((end - rep.startMs) / rep.periodMs) + 1;
    const first = Math.max(0, n - Math.ceil(1000 / rep.lines.length));
    for (let i = first; i < n; i++) lines.push(...rep.lines);
  }
  return lines;
}

/** The termination message of an instance that ended with `code` at `endMs`, if any. */
export function terminationMessage(
  rec: ContainerRec,
  spec: Container,
  code: number,
  endMs: number,
): string | undefined {
  const file = rec.program?.terminationMessage ?? '';
  if (file !== '') return file.length > MAX_MESSAGE_BYTES ? file.slice(-MAX_MESSAGE_BYTES) : file;
  if (spec.terminationMessagePolicy !== 'FallbackToLogsOnError' || code === 0) return undefined;
  const lines = instanceLogs(rec, endMs).slice(-FALLBACK_LINES);
  if (lines.length === 0) return undefined;
  const text = `${lines.join('\n')}\n`;
  return text.length > FALLBACK_BYTES ? text.slice(-FALLBACK_BYTES) : text;
}
