import {
  ConnectionMode,
  ReactFlow,
  type EdgeTypes,
  type NodeTypes,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useT } from '../../i18n/index.ts';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { anatomyOf, frameOf, useStableSelect } from '../hooks.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import {
  DETAILS,
  layoutAnatomy,
  structureKey,
  type AnatomyLayout,
  type AnatomyNode,
  type Detail,
} from './layout.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { chooseDetail, fitViewport, MAX_ZOOM, MIN_ZOOM, zoomBy, type Size } from './fit.ts';
import { ContainerNode } from './nodes/ContainerNode.tsx';
import { GateEdge } from './nodes/GateEdge.tsx';
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

const edgeTypes: EdgeTypes = { gate: GateEdge };

const proOptions = { hideAttribution: true };

type Layouts = Record<Detail, AnatomyLayout>;

/** The stage element's own size, observed (the same in the app, an iframe and <pod-scope>). */
function useElementSize(el: HTMLElement | null): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    if (!el) return;
    const read = () => {
      const r = el.getBoundingClientRect();
      const w = Math.round(el.clientWidth || r.width);
      const h = Math.round(el.clientHeight || r.height);
      setSize((s) => (s && s.width === w && s.height === h ? s : { width: w, height: h }));
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return size;
}

/**
 * The anatomy, drawn with React Flow, filling the stage it is given. The layouts (one per
 * detail level) are recomputed only when the pod's structure changes; the detail level and
 * the zoom follow the stage's size; the cards read their own state from the store.
 */
export function Anatomy() {
  const t = useT();
  const cache = useRef<{ key: string; layouts: Layouts } | null>(null);
  const layouts = usePodscope((s) => {
    const vm = anatomyOf(s);
    const key = structureKey(vm);
    if (cache.current?.key !== key) {
      const all = {} as Layouts;
      for (const d of DETAILS) all[d] = layoutAnatomy(vm, [], { detail: d });
      cache.current = { key, layouts: all };
    }
    return cache.current.layouts;
  });
  const key = cache.current?.key ?? '';
  const [stageEl, setStageEl] = useState<HTMLElement | null>(null);
  const stage = useElementSize(stageEl);
  const detail: Detail = stage ? chooseDetail(layouts, stage) : 'compact';
  const graph = layouts[detail];
  const fitted = useMemo(() => (stage ? fitViewport(graph, stage) : null), [graph, stage]);
  const [viewport, setViewport] = useState<Viewport>({ x: 0, y: 0, zoom: 1 });
  // Every change of the stage's size or of the structure re-fits.
  useEffect(() => {
    if (fitted) setViewport({ x: fitted.x, y: fitted.y, zoom: fitted.zoom });
  }, [fitted]);

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
  const fit = useCallback(() => {
    if (fitted) setViewport({ x: fitted.x, y: fitted.y, zoom: fitted.zoom });
  }, [fitted]);
  const zoom = useCallback(
    (factor: number) => {
      if (stage) setViewport((vp) => zoomBy(vp, factor, stage));
    },
    [stage],
  );
  const hasPods = graph.nodes.length > 0;
  const partial = fitted !== null && !fitted.fits;
  return (
    <section
      className="podscope-anatomy"
      aria-label={t('anatomy.region')}
      ref={setStageEl}
      data-detail={detail}
      style={
        {
          '--podscope-anatomy-fit-height': `${Math.ceil(graph.height * MIN_ZOOM + 16)}px`,
        } as React.CSSProperties
      }
    >
      {!hasPods ? (
        <p className="podscope-anatomy-empty">{t('anatomy.waiting')}</p>
      ) : (
        <>
          <ReactFlow
            key={key}
            nodes={graph.nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            viewport={viewport}
            onViewportChange={setViewport}
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            onNodeClick={onNodeClick}
            connectionMode={ConnectionMode.Loose}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            zoomOnScroll={false}
            zoomOnPinch
            panOnScroll={false}
            preventScrolling={false}
            zoomOnDoubleClick={false}
            proOptions={proOptions}
            colorMode={theme === 'auto' ? 'system' : theme}
          />
          <div className="podscope-stage-tools" role="toolbar" aria-label={t('stage.tools')}>
            {partial && <span className="podscope-stage-note">{t('stage.fitPartial')}</span>}
            <button
              type="button"
              className="podscope-btn podscope-btn--small"
              aria-label={
                partial ? `${t('stage.fitLabel')} (${t('stage.fitPartial')})` : t('stage.fitLabel')
              }
              onClick={fit}
            >
              {t('stage.fit')}
            </button>
            <button
              type="button"
              className="podscope-btn podscope-btn--small"
              aria-label={t('stage.zoomOut')}
              disabled={viewport.zoom <= MIN_ZOOM + 1e-3}
              onClick={() => zoom(1 / 1.2)}
            >
              −
            </button>
            <button
              type="button"
              className="podscope-btn podscope-btn--small"
              aria-label={t('stage.zoomIn')}
              disabled={viewport.zoom >= MAX_ZOOM - 1e-3}
              onClick={() => zoom(1.2)}
            >
              +
            </button>
            <ExportMenu stage={stageEl} />
          </div>
        </>
      )}
    </section>
  );
}
