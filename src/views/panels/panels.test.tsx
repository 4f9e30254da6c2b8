import { beforeAll, describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import type { Pod } from 'kubernetes-types/core/v1';
import { createPodscopeStore, type SimView } from '../../store/createPodscopeStore.ts';
import { StoreProvider } from '../../store/StoreProvider.tsx';
import { I18nProvider, loadLocale } from '../../i18n/index.ts';
import type { SimEvent } from '../../store/types.ts';
import { KubectlPanels, loadDescribePrinter, loadYamlPrinter } from './KubectlPanels.tsx';
import { TimelineChart } from '../timeline/TimelineChart.tsx';
import { commandLine, containerNames, kubectlEvents, logsOutput } from './terminal.ts';

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'myapp-pod', namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: {
    nodeName: 'node-1',
    initContainers: [{ name: 'init-html', image: 'busybox:1.36' }],
    containers: [{ name: 'web', image: 'nginx:1.25' }],
  },
  status: {
    phase: 'Running',
    containerStatuses: [
      {
        name: 'web',
        image: 'nginx:1.25',
        imageID: '',
        ready: false,
        restartCount: 2,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: {
          terminated: {
            exitCode: 1,
            reason: 'Error',
            startedAt: '2025-01-01T00:00:20Z',
            finishedAt: '2025-01-01T00:00:30Z',
          },
        },
      },
    ],
  },
};

const events: SimEvent[] = [
  {
    atMs: 0,
    type: 'Normal',
    reason: 'Scheduled',
    message: 'Successfully assigned default/myapp-pod to node-1',
  },
  {
    atMs: 31_000,
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container web in pod myapp-pod_default(u)',
    fieldPath: 'spec.containers{web}',
  },
  {
    atMs: 41_000,
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container web in pod myapp-pod_default(u)',
    fieldPath: 'spec.containers{web}',
  },
];

function view(): SimView {
  return {
    nowMs: 52_000,
    playing: false,
    speed: 1,
    horizonMs: 60_000,
    nextEventAtMs: null,
    crashed: false,
    pods: [{ name: 'myapp-pod', pod, runtime: {} }],
    nodes: [],
    rows: [
      {
        name: 'myapp-pod',
        ready: '0/1',
        status: 'CrashLoopBackOff',
        restarts: '2 (22s ago)',
        age: '52s',
      },
    ],
    events,
    logs: {
      'myapp-pod/web': {
        pod: 'myapp-pod',
        container: 'web',
        current: [],
        previous: ['starting', 'boom'],
        truncated: false,
      },
    },
    actions: [{ atMs: 20_000, action: { kind: 'crash', container: 'web', exitCode: 1 } }],
    lanes: [
      {
        pod: 'myapp-pod',
        container: 'web',
        kind: 'app',
        segments: [
          { fromMs: 0, toMs: 5000, state: 'pulling', reason: 'ContainerCreating' },
          { fromMs: 5000, toMs: 30_000, state: 'running' },
          { fromMs: 30_000, state: 'backoff', reason: 'CrashLoopBackOff' },
        ],
        restarts: [{ atMs: 20_000, restartCount: 1 }],
      },
    ],
  } as unknown as SimView;
}

function render(node: React.ReactNode, locale: 'en' | 'zh-CN' = 'en') {
  const sent: unknown[] = [];
  const store = createPodscopeStore(
    {
      transport: 'in-thread',
      send: (cmd) => sent.push(cmd),
      onMessage: () => () => {},
      dispose: () => {},
    },
    { manifest: '', seed: 1, actions: [] },
    { schedule: () => {} },
  );
  store.setState({ frame: view() });
  // Server rendering reads the store's initial state: serve the current one.
  const ssr = { ...store, getInitialState: store.getState };
  const html = renderToString(
    <StoreProvider store={ssr}>
      <I18nProvider locale={locale}>{node}</I18nProvider>
    </StoreProvider>,
  );
  return { html, sent, store };
}

describe('KubectlPanels', () => {
  // describe and -o yaml load on demand; a server render shows what is loaded.
  beforeAll(() =>
    Promise.all([loadLocale('en'), loadLocale('zh-CN'), loadDescribePrinter(), loadYamlPrinter()]),
  );

  it('renders ARIA tabs with the first selected and one tab stop', () => {
    const { html } = render(<KubectlPanels />);
    expect(html).toContain('role="tablist"');
    expect(html.match(/role="tab"/g)).toHaveLength(4);
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(html.match(/tabindex="0" class="podscope-tab"/g)).toHaveLength(1);
    expect(html).toContain('role="tabpanel"');
  });

  it('shows the Events table with the Warning row marked by text and aggregated', () => {
    const { html } = render(<KubectlPanels />);
    expect(html).toContain('Events (kubectl describe pod myapp-pod)');
    expect(html).toContain('aria-label="warning"');
    expect(html).toContain('11s (x2 over 21s)');
    expect(html).toContain('default-scheduler');
  });

  it('describe, logs and YAML tabs print what kubectl prints', () => {
    expect(render(<KubectlPanels initialTab="describe" />).html).toContain(
      'Reason:       CrashLoopBackOff',
    );
    const logs = render(<KubectlPanels initialTab="logs" />).html;
    expect(logs).toContain('$ kubectl logs myapp-pod -c web');
    expect(logs).toContain('Previous instance (--previous)');
    expect(render(<KubectlPanels initialTab="yaml" />).html).toContain('phase: Running');
  });

  it('translates UI labels, never kubectl output', () => {
    const { html } = render(<KubectlPanels initialTab="describe" />, 'zh-CN');
    expect(html).toContain('事件（kubectl describe pod myapp-pod）');
    expect(html).toContain('Restart Count:  2');
  });
});

describe('TimelineChart', () => {
  it('is a slider with cluster-time value text', () => {
    const { html } = render(<TimelineChart />);
    expect(html).toContain('role="slider"');
    expect(html).toContain('aria-valuenow="52"');
    expect(html).toContain('aria-valuemax="60"');
    expect(html).toContain('aria-valuetext="cluster time 0:52 of 1:00"');
  });

  it('names the lanes and has a legend in words', () => {
    const { html } = render(<TimelineChart />);
    expect(html).toContain('web');
    for (const word of ['waiting', 'pulling image', 'running', 'terminated', 'back-off'])
      expect(html).toContain(word);
  });
});

describe('terminal helpers', () => {
  it('commandLine', () => {
    expect(commandLine('logs', 'p', 'c', true)).toBe('$ kubectl logs p -c c --previous');
    expect(commandLine('yaml', 'p')).toBe('$ kubectl get pod p -o yaml');
  });

  it('logsOutput prints the API error when there is no such instance', () => {
    const fresh: Pod = {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c' }] },
      status: {
        containerStatuses: [
          {
            name: 'c',
            image: 'x',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ContainerCreating' } },
          },
        ],
      },
    };
    expect(logsOutput(fresh, 'c', undefined, false)).toEqual([
      'Error from server (BadRequest): container "c" in pod "p" is waiting to start: ContainerCreating',
    ]);
    expect(logsOutput(fresh, 'c', undefined, true)).toEqual([
      'Error from server (BadRequest): previous terminated container "c" in pod "p" not found',
    ]);
    expect(logsOutput(pod, 'web', { current: [], previous: ['boom'] }, true)).toEqual(['boom']);
  });

  it('containerNames lists init containers first', () => {
    expect(containerNames(pod)).toEqual(['init-html', 'web']);
  });

  it('kubectlEvents names the pod of an event that carries one', () => {
    const [e] = kubectlEvents([
      { atMs: 0, type: 'Normal', reason: 'Pulling', message: 'x', pod: 'a' },
    ]);
    expect(e!.object).toEqual({ kind: 'Pod', name: 'a' });
  });
});
