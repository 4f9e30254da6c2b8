/**
 * Fine-grained reads of the store for the views. Selectors return the same object while
 * nothing they show has changed, so a card re-renders only when its container does.
 */
import { useRef } from 'react';
import type { PodscopeState } from '../store/createPodscopeStore.ts';
import { usePodscope } from '../store/StoreProvider.tsx';
import type { FrameInput } from './anatomy/input.ts';
import { buildAnatomy, type AnatomyVM, type ContainerVM, type PodVM } from './anatomy/model.ts';

const EMPTY: FrameInput = { nowMs: 0, pods: [], nodes: [] };

/** The frame as the anatomy reads it (the store's merged view). */
export function frameOf(s: PodscopeState): FrameInput {
  return (s.frame as FrameInput | undefined) ?? EMPTY;
}

export function anatomyOf(s: PodscopeState): AnatomyVM {
  return buildAnatomy(frameOf(s));
}

export function podOf(vm: AnatomyVM, podName: string): PodVM | undefined {
  for (const n of vm.nodes) for (const p of n.pods) if (p.name === podName) return p;
  return undefined;
}

/**
 * `usePodscope` with value equality: the selected value is compared by its JSON, and the
 * previous object is returned when equal, so the component does not re-render.
 */
export function useStableSelect<T>(select: (s: PodscopeState) => T): T {
  const last = useRef<{ json: string; value: T } | null>(null);
  return usePodscope((s) => {
    const value = select(s);
    const json = JSON.stringify(value) ?? '';
    const prev = last.current;
    if (prev && prev.json === json) return prev.value;
    last.current = { json, value };
    return value;
  });
}

export function useContainer(podName: string, name: string): ContainerVM | undefined {
  return useStableSelect((s) =>
    podOf(anatomyOf(s), podName)?.containers.find((c) => c.name === name),
  );
}

/** The pod without its containers (which cards read on their own). */
export function usePodHeader(
  podName: string,
): (Omit<PodVM, 'containers'> & { containerNames: string[] }) | undefined {
  return useStableSelect((s) => {
    const p = podOf(anatomyOf(s), podName);
    if (!p) return undefined;
    const { containers, ...rest } = p;
    return { ...rest, containerNames: containers.map((c) => c.name) };
  });
}

export function usePod(podName: string): PodVM | undefined {
  return useStableSelect((s) => podOf(anatomyOf(s), podName));
}

/** The kubectl row of a pod (READY, STATUS, RESTARTS, AGE). */
export function useRow(podName: string) {
  return useStableSelect((s) => s.frame?.rows.find((r) => r.name === podName));
}
