/**
 * The anatomy's geometry: a pure function from a frame to React Flow nodes and edges.
 * Positions depend only on the pod's structure (which containers and volumes exist, in
 * spec order), never on their state, so nothing jumps while the simulation runs.
 */
import type { Edge, Node } from '@xyflow/react';
import type { FrameInput } from './input.ts';
import { buildAnatomy, type AnatomyVM, type PodVM } from './model.ts';

export const CARD_W = 260;
export const CARD_H = 222;
export const GAP = 28;
export const PAD = 22;
export const POD_HEADER = 92;
export const LANE_LABEL = 30;
export const SANDBOX_H = 188;
export const VOLUME_W = 232;
export const VOLUME_H = 168;
export const NODE_HEADER = 46;
export const MAX_APP_COLUMNS = 4;

export type AnatomyNodeData = {
  podName: string;
  /** Container, volume or node name; lane kind for lane labels. */
  name: string;
  gone?: boolean;
};

export type AnatomyNode = Node<AnatomyNodeData>;

export interface AnatomyLayout {
  nodes: AnatomyNode[];
  edges: Edge[];
  width: number;
  height: number;
}

/** A string that changes exactly when the layout would. */
export function structureKey(vm: AnatomyVM, ghosts: readonly PodVM[] = []): string {
  const parts: string[] = [];
  for (const n of vm.nodes) {
    parts.push(`N${n.name}`);
    for (const p of n.pods) {
      parts.push(
        `P${p.name}`,
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

function podBox(pod: PodVM, podId: string): PodBox {
  const nodes: AnatomyNode[] = [];
  const edges: Edge[] = [];
  const data = (name: string): AnatomyNodeData => ({ podName: pod.name, name, gone: pod.gone });
  const initLane = pod.containers.filter((c) => c.kind !== 'app');
  const apps = pod.containers.filter((c) => c.kind === 'app');
  const columns = Math.max(1, Math.min(MAX_APP_COLUMNS, apps.length));
  const appRows = Math.ceil(apps.length / columns);
  const innerW = Math.max(
    initLane.length * (CARD_W + GAP) - GAP,
    columns * (CARD_W + GAP) - GAP,
    2 * CARD_W + GAP,
  );
  const volX = PAD + innerW + GAP;
  const hasVolumes = pod.volumes.length > 0;
  const width = PAD * 2 + innerW + (hasVolumes ? GAP + VOLUME_W : 0);

  let y = POD_HEADER;
  if (initLane.length) {
    nodes.push({
      id: `${podId}/lane-init`,
      type: 'lane',
      parentId: podId,
      position: { x: PAD, y },
      data: data('init'),
      draggable: false,
      selectable: false,
      width: innerW,
      height: LANE_LABEL,
    });
    y += LANE_LABEL;
    initLane.forEach((c, i) => {
      nodes.push({
        id: `${podId}/c/${c.name}`,
        type: 'container',
        parentId: podId,
        position: { x: PAD + i * (CARD_W + GAP), y },
        data: data(c.name),
        width: CARD_W,
        height: CARD_H,
      });
      if (i > 0) {
        edges.push({
          id: `${podId}/order/${i}`,
          source: `${podId}/c/${initLane[i - 1]!.name}`,
          target: `${podId}/c/${c.name}`,
          sourceHandle: 'r',
          targetHandle: 'l',
          type: 'straight',
          className: 'podscope-edge-order',
          markerEnd: { type: 'arrowclosed', width: 18, height: 18 },
        });
      }
    });
    y += CARD_H + GAP;
  }

  nodes.push({
    id: `${podId}/lane-app`,
    type: 'lane',
    parentId: podId,
    position: { x: PAD, y },
    data: data('app'),
    draggable: false,
    selectable: false,
    width: innerW,
    height: LANE_LABEL,
  });
  y += LANE_LABEL;
  apps.forEach((c, i) => {
    nodes.push({
      id: `${podId}/c/${c.name}`,
      type: 'container',
      parentId: podId,
      position: {
        x: PAD + (i % columns) * (CARD_W + GAP),
        y: y + Math.floor(i / columns) * (CARD_H + GAP),
      },
      data: data(c.name),
      width: CARD_W,
      height: CARD_H,
    });
  });
  y += Math.max(1, appRows) * (CARD_H + GAP);

  nodes.push({
    id: `${podId}/sandbox`,
    type: 'sandbox',
    parentId: podId,
    position: { x: PAD, y },
    data: data('pause'),
    width: innerW,
    height: SANDBOX_H,
  });
  y += SANDBOX_H + PAD;

  pod.volumes.forEach((v, i) => {
    const id = `${podId}/v/${v.name}`;
    nodes.push({
      id,
      type: 'volume',
      parentId: podId,
      position: { x: volX, y: POD_HEADER + LANE_LABEL + i * (VOLUME_H + GAP) },
      data: data(v.name),
      width: VOLUME_W,
      height: VOLUME_H,
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
  const volBottom = POD_HEADER + LANE_LABEL + pod.volumes.length * (VOLUME_H + GAP) + PAD;
  return { nodes, edges, width, height: Math.max(y, volBottom) };
}

/** Lays out an anatomy view model (plus pods that are gone but still shown as lost). */
export function layoutAnatomy(vm: AnatomyVM, ghosts: readonly PodVM[] = []): AnatomyLayout {
  const nodes: AnatomyNode[] = [];
  const edges: Edge[] = [];
  let x = 0;
  let height = 0;
  const byNode = vm.nodes.map((n) => ({
    name: n.name,
    pods: [...n.pods, ...ghosts.filter((g) => g.nodeName === n.name)],
  }));
  for (const g of ghosts) {
    if (!byNode.some((n) => n.name === g.nodeName)) byNode.push({ name: g.nodeName, pods: [g] });
  }
  for (const n of byNode) {
    const nodeId = `node:${n.name}`;
    const boxes = n.pods.map((p) => ({
      pod: p,
      id: `pod:${p.name}`,
      box: podBox(p, `pod:${p.name}`),
    }));
    let px = PAD;
    let innerH = 0;
    const children: AnatomyNode[] = [];
    for (const b of boxes) {
      children.push({
        id: b.id,
        type: 'pod',
        parentId: nodeId,
        position: { x: px, y: NODE_HEADER },
        data: { podName: b.pod.name, name: b.pod.name, gone: b.pod.gone },
        width: b.box.width,
        height: b.box.height,
      });
      children.push(...b.box.nodes);
      edges.push(...b.box.edges);
      px += b.box.width + GAP;
      innerH = Math.max(innerH, b.box.height);
    }
    // An empty node stays small: it says the node exists and holds nothing (yet).
    const width = boxes.length ? px - GAP + PAD : 240;
    const h = boxes.length ? NODE_HEADER + innerH + PAD : NODE_HEADER + 60;
    nodes.push({
      id: nodeId,
      type: 'k8snode',
      position: { x, y: 0 },
      data: { podName: '', name: n.name },
      width,
      height: h,
    });
    nodes.push(...children);
    x += width + GAP * 2;
    height = Math.max(height, h);
  }
  return { nodes, edges, width: Math.max(0, x - GAP * 2), height };
}

/** The frame's anatomy, laid out. */
export function layout(frame: FrameInput, ghosts: readonly PodVM[] = []): AnatomyLayout {
  return layoutAnatomy(buildAnatomy(frame), ghosts);
}
