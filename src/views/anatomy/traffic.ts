/**
 * Traffic between the containers of one pod, drawn as it happens: a connection a container
 * opened to a neighbour over the shared network namespace (localhost or the pod IP) shows as
 * an animated edge for a few seconds of cluster time. Pure: frame in, React Flow edges out.
 */
import { MarkerType, type BuiltInEdge, type Edge } from '@xyflow/react';
import type { ConnectionInput, ContainerRuntimeInput, FrameInput } from './input.ts';

/** How long (cluster time) a connection stays drawn after it was made. */
export const TRAFFIC_WINDOW_MS = 8_000;

export function trafficEdges(frame: FrameInput, windowMs = TRAFFIC_WINDOW_MS): Edge[] {
  const now = frame.nowMs ?? 0;
  const edges: Edge[] = [];
  for (const p of frame.pods ?? []) {
    const podName = p.name ?? p.pod.metadata?.name ?? '';
    const containers = (p.runtime as { containers?: readonly ContainerRuntimeInput[] } | undefined)
      ?.containers;
    const latest = new Map<string, ConnectionInput & { atMs: number }>();
    for (const c of containers ?? []) {
      for (const conn of c.inside?.connections ?? []) {
        if (!conn.to || conn.to === conn.from || conn.via === 'service') continue;
        const at =
          conn.atMs ??
          (conn.afterStartMs !== undefined && c.startedAtMs !== undefined
            ? c.startedAtMs + conn.afterStartMs
            : undefined);
        if (at === undefined || at > now || at < now - windowMs) continue;
        const key = `${conn.from}>${conn.to}:${conn.port}`;
        const seen = latest.get(key);
        if (!seen || seen.atMs <= at) latest.set(key, { ...conn, atMs: at });
      }
    }
    for (const [key, conn] of latest) {
      const podId = `pod:${podName}`;
      const host = conn.via === 'localhost' ? 'localhost' : 'pod IP';
      const edge: BuiltInEdge = {
        id: `${podId}/traffic/${key}`,
        source: `${podId}/c/${conn.from}`,
        target: `${podId}/c/${conn.to}`,
        sourceHandle: 'b',
        targetHandle: 'bt',
        // A U under the two cards, in the gap above the sandbox.
        type: 'smoothstep',
        pathOptions: { offset: 14, borderRadius: 10 },
        animated: true,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        label: `${host}:${conn.port}`,
        className: conn.ok
          ? 'podscope-edge-traffic'
          : 'podscope-edge-traffic podscope-edge-refused',
        ariaLabel: `${conn.from} → ${host}:${conn.port} → ${conn.to}${conn.summary ? `: ${conn.summary}` : ''}`,
      };
      edges.push(edge);
    }
  }
  return edges;
}
