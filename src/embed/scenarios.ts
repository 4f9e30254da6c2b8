/**
 * The scenario ids an embed can name (`scenario=ID`, `<pod-scope scenario>`). A tiny registry
 * until the scenario gallery (issue 9) lands: point `SCENARIOS` at src/scenarios then.
 */
import { DEFAULT_RUN } from '../views/defaultRun.ts';
import type { Run } from '../worker/protocol.ts';

export const DEFAULT_SCENARIO_ID = 'default';

const CRASH_LOOP_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: crashing-pod
spec:
  restartPolicy: Always
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'echo starting; sleep 5; exit 1']
`;

const SCENARIOS: Readonly<Record<string, Run>> = {
  [DEFAULT_SCENARIO_ID]: DEFAULT_RUN,
  'crash-loop': { manifest: CRASH_LOOP_MANIFEST, seed: 1, actions: [] },
};

export function scenarioIds(): string[] {
  return Object.keys(SCENARIOS);
}

/** The scenario's run (a fresh copy), or undefined for an unknown id. */
export function scenarioRun(id: string): Run | undefined {
  const run = Object.hasOwn(SCENARIOS, id) ? SCENARIOS[id] : undefined;
  return run && structuredClone(run);
}

export function defaultRun(): Run {
  return scenarioRun(DEFAULT_SCENARIO_ID)!;
}
