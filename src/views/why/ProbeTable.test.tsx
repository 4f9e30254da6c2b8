import { beforeAll, describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { createSimulation } from '../../engine/index.ts';
import { createPodscopeStore, type SimView } from '../../store/createPodscopeStore.ts';
import { StoreProvider } from '../../store/StoreProvider.tsx';
import { I18nProvider, loadLocale } from '../../i18n/index.ts';
import { ProbeTable } from './ProbeTable.tsx';

const MANIFEST = `apiVersion: v1
kind: Pod
metadata: { name: liveness-exec }
spec:
  containers:
  - name: liveness
    image: busybox:1.36
    args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']
    livenessProbe:
      exec: { command: ['cat', '/tmp/healthy'] }
      initialDelaySeconds: 5
      periodSeconds: 5
`;

function render(untilMs: number, locale: 'en' | 'zh-CN' = 'en'): string {
  const sim = createSimulation({ manifest: MANIFEST, seed: 1 });
  sim.advanceTo(untilMs);
  const store = createPodscopeStore(
    {
      transport: 'in-thread',
      send: () => {},
      onMessage: () => () => {},
      dispose: () => {},
    },
    { manifest: '', seed: 1, actions: [] },
    { schedule: () => {} },
  );
  store.setState({
    frame: {
      nowMs: sim.nowMs,
      pods: [{ name: 'liveness-exec', pod: sim.pod(), runtime: sim.runtime() }],
      rows: [],
      events: [],
      logs: {},
    } as unknown as SimView,
  });
  const ssr = { ...store, getInitialState: store.getState };
  return renderToString(
    <StoreProvider store={ssr}>
      <I18nProvider locale={locale}>
        <ProbeTable podName="liveness-exec" />
      </I18nProvider>
    </StoreProvider>,
  );
}

describe('ProbeTable', () => {
  beforeAll(() => Promise.all([loadLocale('en'), loadLocale('zh-CN')]));

  it('shows the liveness ticks: failures counted up to the restart', () => {
    const html = render(46_000);
    expect(html).toContain('Probe ticks');
    expect(html.replace(/<!-- -->/g, '')).toContain('liveness · liveness');
    expect(html).toContain('3 failed');
    expect(html).toContain('kills and restarts the container');
    expect(html).toContain('cat: can&#x27;t open &#x27;/tmp/healthy&#x27;');
  });

  it('speaks Chinese with the docs’ terms', () => {
    const html = render(46_000, 'zh-CN');
    expect(html).toContain('存活态探针');
    expect(html).toContain('杀死并重启容器');
  });

  it('renders nothing before any probe ran', () => {
    expect(render(0)).toBe('');
  });
});
