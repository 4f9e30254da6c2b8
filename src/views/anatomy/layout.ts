/**
 * The anatomy's geometry: a pure function from a frame (and a detail level) to React Flow
 * nodes and edges. Positions depend only on the pod's structure (which containers and volumes
 * exist, in spec order, on which nodes) and on the detail level, never on their state, so
 * nothing jumps while the simulation runs.
 *
 * Detail levels, chosen by the stage from its size in screen pixels (see fit.ts):
 * - `full`: every card shows everything (image, probes, ports, exits, pull decision); init
 *   containers above the app containers, volumes beside them, the pause container's four
 *   namespace bands at the foundation.
 * - `compact`: landscape. Cards show name, state, restarts and the back-off ring (details on
 *   hover, focus or tap); the lanes sit side by side, volumes are one-line chips below them,
 *   the namespace bands are condensed to one row.
 * - `narrow`: portrait (phones, tall frames). Compact cards in one column.
 * Nodes with no pods collapse to a small chip ("node-2 · no pods") below the busy ones.
 */
import type { Edge, Node } from '@xyflow/react';
import type { FrameInput } from './input.ts';
import { buildAnatomy, type AnatomyVM, type PodVM } from './model.ts';

export type Detail = 'full' | 'compact' | 'narrow';
/** From the most detailed to the least. */
export const DETAILS: readonly Detail[] = ['full', 'compact', 'narrow'];

export interface Dims {
  cardW: number;
  cardH: number;
  gap: number;
  /** Between init cards (room for the order arrow). */
  initGap: number;
  pad: number;
  podHeader: number;
  lane: number;
  sandboxH: number;
  volumeW: number;
  volumeH: number;
  nodeHeader: number;
  nodePad: number;
  /** Lane label height; 0: no lane labels (the cards' kind labels and the order arrows say it). */
  /** App containers per row (init containers too, in one column layouts). */
  maxColumns: number;
  lanes: 'stacked' | 'side';
  volumes: 'beside' | 'below';
  /** Init containers in one column (top to bottom) instead of a row. */
  initColumn: boolean;
  idleW: number;
  idleH: number;
}

export const DIMS: Readonly<Record<Detail, Readonly<Dims>>> = {
  full: {
    cardW: 290,
    cardH: 252,
    gap: 28,
    initGap: 28,
    pad: 20,
    podHeader: 96,
    lane: 30,
    sandboxH: 204,
    volumeW: 260,
    volumeH: 184,
    nodeHeader: 44,
    nodePad: 20,
    maxColumns: 4,
    lanes: 'stacked',
    volumes: 'beside',
    initColumn: false,
    idleW: 220,
    idleH: 44,
  },
  compact: {
    cardW: 250,
    cardH: 96,
    gap: 12,
    initGap: 30,
    pad: 12,
    podHeader: 104,
    lane: 0,
    sandboxH: 64,
    volumeW: 230,
    volumeH: 48,
    nodeHeader: 28,
    nodePad: 10,
    maxColumns: 4,
    lanes: 'side',
    volumes: 'below',
    initColumn: false,
    idleW: 210,
    idleH: 32,
  },
  narrow: {
    cardW: 320,
    cardH: 96,
    gap: 12,
    initGap: 24,
    pad: 10,
    podHeader: 176,
    lane: 0,
    sandboxH: 164,
    volumeW: 320,
    volumeH: 48,
    nodeHeader: 30,
    nodePad: 8,
    maxColumns: 1,
    lanes: 'stacked',
    volumes: 'below',
    initColumn: true,
    idleW: 210,
    idleH: 32,
  },
};

// The full level's sizes, under their historical names.
export const CARD_W = DIMS.full.cardW;
export const CARD_H = DIMS.full.cardH;
export const GAP = DIMS.full.gap;
export const PAD = DIMS.full.pad;
export const POD_HEADER = DIMS.full.podHeader;
export const LANE_LABEL = DIMS.full.lane;
export const SANDBOX_H = DIMS.full.sandboxH;
export const VOLUME_W = DIMS.full.volumeW;
export const VOLUME_H = DIMS.full.volumeH;
export const NODE_HEADER = DIMS.full.nodeHeader;
export const MAX_APP_COLUMNS = DIMS.full.maxColumns;

export type AnatomyNodeData = {
  podName: string;
  /** Container, volume or node name; lane kind for lane labels. */
  name: string;
  gone?: boolean;
  detail?: Detail;
  /** A node with nothing scheduled on it, drawn as a chip. */
  idle?: boolean;
  /** The sandbox: where each container's namespace wire arrives (x from its left edge). */
  wires?: readonly NamespaceWire[];
};

/** A container joined to the pause container's namespaces (NET, UTS, IPC; PID when shared). */
export interface NamespaceWire {
  container: string;
  x: number;
  pid: boolean;
}

export type AnatomyNode = Node<AnatomyNodeData>;

export interface AnatomyLayout {
  nodes: AnatomyNode[];
  edges: Edge[];
  width: number;
  height: number;
  detail: Detail;
}

export interface LayoutOptions {
  detail?: Detail;
  /** Pods that are gone but still shown as lost. */
  ghosts?: readonly PodVM[];
}

/** A string that changes exactly when the layout would (at any detail level). */
export function structureKey(vm: AnatomyVM, ghosts: readonly PodVM[] = []): string {
  const parts: string[] = [];
  for (const n of vm.nodes) {
    parts.push(`N${n.name}`);
    for (const p of n.pods) {
      parts.push(
        `P${p.name}${p.pidShared ? '+pid' : ''}`,
        ...p.containers.map((c) => `${c.kind[0]}${c.name}`),
        ...p.volumes.map((v) => `v${v.name}>${v.mounts.map((m) => m.container).join(',')}`),
      );
    }
  }
  for (const g of ghosts) parts.push(`G${g.nodeName}/${g.name}`);
  return parts.join('|');
}

interface PodBox {
  nodes: AnatomyNode[];
  edges: Edge[];
  width: number;
  height: number;
}

function podBox(pod: PodVM, podId: string, detail: Detail): PodBox {
  const d = DIMS[detail];
  const nodes: AnatomyNode[] = [];
  const edges: Edge[] = [];
  const data = (name: string): AnatomyNodeData => ({
    podName: pod.name,
    name,
    gone: pod.gone,
    detail,
  });
  const initLane = pod.containers.filter((c) => c.kind !== 'app');
  const apps = pod.containers.filter((c) => c.kind === 'app');
  const columns = Math.max(1, Math.min(d.maxColumns, apps.length));
  const appRows = Math.max(1, Math.ceil(apps.length / columns));
  const appW = columns * (d.cardW + d.gap) - d.gap;
  const appH = appRows * (d.cardH + d.gap) - d.gap;
  const initW = !initLane.length
    ? 0
    : d.initColumn
      ? d.cardW
      : initLane.length * (d.cardW + d.initGap) - d.initGap;
  const initH = !initLane.length
    ? 0
    : d.initColumn
      ? initLane.length * (d.cardH + d.initGap) - d.initGap
      : d.cardH;
  const laneGap = d.gap * 2;
  const lanesW =
    d.lanes === 'side' ? (initW ? initW + laneGap : 0) + appW : Math.max(initW, appW, d.cardW);
  const minW =
    d.lanes === 'side' ? 2 * d.cardW + d.gap : detail === 'full' ? 2 * d.cardW + d.gap : d.cardW;
  const innerW = Math.max(lanesW, minW);

  const lane = (kind: 'init' | 'app', x: number, y: number, width: number) =>
    d.lane > 0 &&
    nodes.push({
      id: `${podId}/lane-${kind}`,
      type: 'lane',
      parentId: podId,
      position: { x, y },
      data: data(kind),
      draggable: false,
      selectable: false,
      width,
      height: d.lane,
    });
  const centres: { name: string; x: number }[] = [];
  const card = (name: string, x: number, y: number) => {
    centres.push({ name, x: x + d.cardW / 2 });
    nodes.push({
      id: `${podId}/c/${name}`,
      type: 'container',
      parentId: podId,
      position: { x, y },
      data: data(name),
      width: d.cardW,
      height: d.cardH,
    });
  };

  const top = d.podHeader;
  let y = top;
  let appX = d.pad;
  let appY = top;
  if (initLane.length) {
    lane('init', d.pad, y, d.lanes === 'side' ? initW : innerW);
    const cy = y + d.lane;
    initLane.forEach((c, i) => {
      if (d.initColumn) card(c.name, d.pad, cy + i * (d.cardH + d.initGap));
      else card(c.name, d.pad + i * (d.cardW + d.initGap), cy);
      if (i > 0) {
        edges.push({
          id: `${podId}/order/${i}`,
          source: `${podId}/c/${initLane[i - 1]!.name}`,
          target: `${podId}/c/${c.name}`,
          sourceHandle: d.initColumn ? 'b' : 'r',
          targetHandle: d.initColumn ? 't' : 'l',
          type: 'straight',
          className: 'podscope-edge-order',
          markerEnd: { type: 'arrowclosed', width: 18, height: 18 },
        });
      }
    });
    if (d.lanes === 'side') appX = d.pad + initW + laneGap;
    else appY = cy + initH + d.gap;
  }
  // The gate between the init containers and the app containers: it opens when the pod is
  // Initialized (drawn by GateEdge from the pod's condition).
  const lastInit = initLane.at(-1);
  if (lastInit && apps.length) {
    const side = d.lanes === 'side';
    edges.push({
      id: `${podId}/gate`,
      source: `${podId}/c/${lastInit.name}`,
      target: `${podId}/c/${apps[0]!.name}`,
      sourceHandle: side ? 'r' : 'b',
      targetHandle: side ? 'l' : 't',
      type: 'gate',
      data: { podName: pod.name },
    });
  }
  lane('app', appX, appY, d.lanes === 'side' ? appW : innerW);
  apps.forEach((c, i) =>
    card(
      c.name,
      appX + (i % columns) * (d.cardW + d.gap),
      appY + d.lane + Math.floor(i / columns) * (d.cardH + d.gap),
    ),
  );
  const lanesBottom = Math.max(appY + d.lane + appH, initLane.length ? top + d.lane + initH : 0);
  y = lanesBottom + d.gap;

  let width = d.pad * 2 + innerW;
  let volBottom = 0;
  if (d.volumes === 'below' && pod.volumes.length) {
    const perRow = Math.max(1, Math.floor((innerW + d.gap) / (d.volumeW + d.gap)));
    pod.volumes.forEach((v, i) => {
      nodes.push({
        id: `${podId}/v/${v.name}`,
        type: 'volume',
        parentId: podId,
        position: {
          x: d.pad + (i % perRow) * (d.volumeW + d.gap),
          y: y + Math.floor(i / perRow) * (d.volumeH + d.gap),
        },
        data: data(v.name),
        width: d.volumeW,
        height: d.volumeH,
      });
    });
    y += Math.ceil(pod.volumes.length / perRow) * (d.volumeH + d.gap);
  }

  // Every container joins the sandbox's namespaces: a wire from its card down to the pause
  // container (PID too when shareProcessNamespace is set).
  const wires: NamespaceWire[] = centres.map((c) => ({
    container: c.name,
    x: c.x - d.pad,
    pid: pod.pidShared,
  }));
  nodes.push({
    id: `${podId}/sandbox`,
    type: 'sandbox',
    parentId: podId,
    position: { x: d.pad, y },
    data: { ...data('pause'), wires },
    width: innerW,
    height: d.sandboxH,
  });
  for (const w of wires) {
    edges.push({
      id: `${podId}/ns/${w.container}`,
      source: `${podId}/c/${w.container}`,
      target: `${podId}/sandbox`,
      sourceHandle: 'b',
      targetHandle: `ns-${w.container}`,
      type: 'straight',
      className: `podscope-edge-ns${w.pid ? ' podscope-edge-ns--pid' : ''}`,
      ariaLabel: `${w.container} → pause: ${w.pid ? 'NET, UTS, IPC, PID' : 'NET, UTS, IPC'}`,
    });
  }
  y += d.sandboxH + d.pad;

  if (d.volumes === 'beside' && pod.volumes.length) {
    const volX = d.pad + innerW + d.gap;
    width += d.gap + d.volumeW;
    pod.volumes.forEach((v, i) => {
      const id = `${podId}/v/${v.name}`;
      nodes.push({
        id,
        type: 'volume',
        parentId: podId,
        position: { x: volX, y: top + d.lane + i * (d.volumeH + d.gap) },
        data: data(v.name),
        width: d.volumeW,
        height: d.volumeH,
      });
      for (const m of v.mounts) {
        edges.push({
          id: `${id}/mount/${m.container}`,
          source: id,
          target: `${podId}/c/${m.container}`,
          sourceHandle: 'l',
          targetHandle: 'm',
          className: 'podscope-edge-mount',
          ariaLabel: `${v.name} → ${m.container}:${m.mountPath}`,
        });
      }
    });
    volBottom = top + d.lane + pod.volumes.length * (d.volumeH + d.gap) + d.pad;
  }
  return { nodes, edges, width, height: Math.max(y, volBottom) };
}

/** Lays out an anatomy view model at a detail level (default `full`). */
export function layoutAnatomy(
  vm: AnatomyVM,
  ghosts: readonly PodVM[] = [],
  opts: { detail?: Detail } = {},
): AnatomyLayout {
  const detail = opts.detail ?? 'full';
  const d = DIMS[detail];
  const nodes: AnatomyNode[] = [];
  const edges: Edge[] = [];
  const byNode = vm.nodes.map((n) => ({
    name: n.name,
    pods: [...n.pods, ...ghosts.filter((g) => g.nodeName === n.name)],
  }));
  for (const g of ghosts) {
    if (!byNode.some((n) => n.name === g.nodeName)) byNode.push({ name: g.nodeName, pods: [g] });
  }
  let x = 0;
  let busyH = 0;
  const idle: string[] = [];
  for (const n of byNode) {
    if (!n.pods.length) {
      idle.push(n.name);
      continue;
    }
    const nodeId = `node:${n.name}`;
    let px = d.nodePad;
    let innerH = 0;
    const children: AnatomyNode[] = [];
    for (const p of n.pods) {
      const id = `pod:${p.name}`;
      const box = podBox(p, id, detail);
      children.push({
        id,
        type: 'pod',
        parentId: nodeId,
        position: { x: px, y: d.nodeHeader },
        data: { podName: p.name, name: p.name, gone: p.gone, detail },
        width: box.width,
        height: box.height,
      });
      children.push(...box.nodes);
      edges.push(...box.edges);
      px += box.width + d.gap;
      innerH = Math.max(innerH, box.height);
    }
    const width = px - d.gap + d.nodePad;
    const height = d.nodeHeader + innerH + d.nodePad;
    nodes.push({
      id: nodeId,
      type: 'k8snode',
      position: { x, y: 0 },
      data: { podName: '', name: n.name, detail },
      width,
      height,
    });
    nodes.push(...children);
    x += width + d.gap * 2;
    busyH = Math.max(busyH, height);
  }
  const busyW = Math.max(0, x - d.gap * 2);
  // Idle nodes: one row of chips below the busy nodes (wrapping to the busy nodes' width).
  const y0 = busyH ? busyH + d.gap : 0;
  const perRow = Math.max(1, Math.floor((Math.max(busyW, d.idleW) + d.gap) / (d.idleW + d.gap)));
  idle.forEach((name, i) => {
    nodes.push({
      id: `node:${name}`,
      type: 'k8snode',
      position: {
        x: (i % perRow) * (d.idleW + d.gap),
        y: y0 + Math.floor(i / perRow) * (d.idleH + d.gap),
      },
      data: { podName: '', name, detail, idle: true },
      width: d.idleW,
      height: d.idleH,
    });
  });
  const idleRows = Math.ceil(idle.length / perRow);
  const idleW = idle.length ? Math.min(idle.length, perRow) * (d.idleW + d.gap) - d.gap : 0;
  return {
    nodes,
    edges,
    width: Math.max(busyW, idleW),
    height: idle.length ? y0 + idleRows * (d.idleH + d.gap) - d.gap : busyH,
    detail,
  };
}

/** The frame's anatomy, laid out (`ghosts` may be passed alone, as before). */
export function layout(
  frame: FrameInput,
  opts: LayoutOptions | readonly PodVM[] = {},
): AnatomyLayout {
  const o: LayoutOptions = Array.isArray(opts) ? { ghosts: opts } : (opts as LayoutOptions);
  return layoutAnatomy(buildAnatomy(frame), o.ghosts ?? [], { detail: o.detail });
}
