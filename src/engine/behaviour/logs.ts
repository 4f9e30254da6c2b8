/**
 * Container logs: what each container instance printed on stdout/stderr
 * (echo, cat, ps, server start and access lines), kept per instance so that
 * `kubectl logs --previous` can show the last terminated one.
 */
import type { ContainerInstance, LogLine, PodSystem } from './types.ts';

/** Lines kept per instance (up to 1,000 more between trims); older lines are dropped (and counted). */
export const MAX_LOG_LINES = 5000;

/** Appends `text` (split on newlines; one trailing newline is not an extra line). */
export function logLine(
  sys: PodSystem,
  inst: ContainerInstance,
  text: string,
  stream: 'stdout' | 'stderr' = 'stdout',
): void {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  for (const line of body.split('\n')) {
    inst.logs.push({ atMs: sys.nowMs, stream, text: line });
  }
  // Trimmed in batches of 1,000 lines (no O(n) splice per line).
  if (inst.logs.length > MAX_LOG_LINES + 1000) {
    const drop = inst.logs.length - MAX_LOG_LINES;
    inst.logs.splice(0, drop);
    inst.droppedLogLines += drop;
  }
}

export interface LogsOptions {
  /** The previous (last terminated) instance instead of the current one. */
  previous?: boolean;
  /** Include timestamps as `kubectl logs --timestamps` (ISO from the epoch). */
  timestamps?: boolean;
}

function instancesOf(sys: PodSystem, container: string): ContainerInstance[] {
  return sys.instances.filter((i) => i.name === container);
}

/** The log lines of a container's current (or previous) instance. Throws like kubectl when there is none. */
export function containerLogLines(
  sys: PodSystem,
  container: string,
  opts: LogsOptions = {},
): LogLine[] {
  const all = instancesOf(sys, container);
  const inst = opts.previous ? all[all.length - 2] : all[all.length - 1];
  if (!inst) {
    if (opts.previous) {
      throw new Error(
        `previous terminated container "${container}" in pod "${sys.podName}" not found`,
      );
    }
    return [];
  }
  return inst.logs;
}

/** `kubectl logs` text lines. */
export function containerLogs(sys: PodSystem, container: string, opts: LogsOptions = {}): string[] {
  return containerLogLines(sys, container, opts).map((l) =>
    opts.timestamps
      ? `${new Date(sys.epochMs + l.atMs).toISOString().replace('Z', '000000Z')} ${l.text}`
      : l.text,
  );
}
