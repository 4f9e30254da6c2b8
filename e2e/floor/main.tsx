// The stack's floor (e2e/floor/bench.mjs): react + react-dom + zustand + @xyflow/react +
// framer-motion LazyMotion/m (domMin, as the app), rendering one React Flow node shaped like a
// container card.
import { Handle, Position, ReactFlow, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { LazyMotion, m } from 'framer-motion';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';

const useStore = create<{ name: string }>(() => ({ name: 'app' }));
const loadFeatures = () => import('./features.ts').then((mod) => mod.default);

function Card({ data }: NodeProps<Node<{ name: string }>>) {
  return (
    <m.article aria-label={`Container ${data.name}`} animate={{ opacity: 1 }}>
      <Handle type="target" position={Position.Left} />
      {data.name}
    </m.article>
  );
}

const nodeTypes = { card: Card };

function App() {
  const name = useStore((s) => s.name);
  const nodes: Node<{ name: string }>[] = [
    { id: '1', type: 'card', position: { x: 0, y: 0 }, data: { name } },
  ];
  return (
    <LazyMotion features={loadFeatures} strict>
      <ReactFlow nodes={nodes} nodeTypes={nodeTypes} fitView />
    </LazyMotion>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
