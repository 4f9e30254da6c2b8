import { ConnectionMode, ReactFlow, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useT } from '../../i18n/index.ts';
import { useCallback, useMemo, useRef } from 'react';
import { anatomyOf, frameOf, useStableSelect } from '../hooks.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import { layoutAnatomy, structureKey, type AnatomyLayout, type AnatomyNode } from './layout.ts';
import { ContainerNode } from './nodes/ContainerNode.tsx';
import { K8sNode, LaneNode } from './nodes/K8sNode.tsx';
import { PodNode } from './nodes/PodNode.tsx';
import { SandboxNode } from './nodes/SandboxNode.tsx';
import { VolumeNode } from './nodes/VolumeNode.tsx';
import { trafficEdges } from './traffic.ts';

const nodeTypes: NodeTypes = {
  k8snode: K8sNode,
  pod: PodNode,
  container: ContainerNode,
  sandbox: SandboxNode,
  volume: VolumeNode,
  lane: LaneNode,
};

const fitViewOptions = { padding: 0.04, maxZoom: 1.1 };
const proOptions = { hideAttribution: true };

/**
 * The anatomy, drawn with React Flow. The layout is recomputed only when the pod's structure
 * changes; the cards read their own state from the store.
 */
export function Anatomy() {
  const t = useT();
  const cache = useRef<{ key: string; graph: AnatomyLayout } | null>(null);
  const graph = usePodscope((s) => {
    const vm = anatomyOf(s);
    const key = structureKey(vm);
    if (cache.current?.key !== key) cache.current = { key, graph: layoutAnatomy(vm) };
    return cache.current.graph;
  });
  const key = cache.current?.key ?? '';
  // Localhost traffic is drawn over the stable layout as it happens.
  const traffic = useStableSelect((s) => trafficEdges(frameOf(s)));
  const edges = useMemo(
    () => (traffic.length ? [...graph.edges, ...traffic] : graph.edges),
    [graph.edges, traffic],
  );
  const theme = usePodscope((s) => s.theme);
  const select = usePodscope((s) => s.select);
  // A click handler also gives nodes pointer events (React Flow drops them for static nodes).
  const onNodeClick = useCallback(
    (_: unknown, node: AnatomyNode) => {
      if (node.data.podName) select(node.data.podName);
    },
    [select],
  );
  const hasPods = graph.nodes.length > 0;
  return (
    <section className="podscope-anatomy" aria-label={t('anatomy.region')}>
      {!hasPods ? (
        <p className="podscope-anatomy-empty">{t('anatomy.waiting')}</p>
      ) : (
        <ReactFlow
          key={key}
          nodes={graph.nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={0.15}
          maxZoom={2}
          onNodeClick={onNodeClick}
          connectionMode={ConnectionMode.Loose}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          zoomOnScroll={false}
          panOnScroll
          preventScrolling={false}
          zoomOnDoubleClick={false}
          proOptions={proOptions}
          colorMode={theme === 'auto' ? 'system' : theme}
        />
      )}
    </section>
  );
}
