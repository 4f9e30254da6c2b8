/**
 * kubectl's own panels, moving with the timeline: `get pods -w`, `describe pod`,
 * `logs` (per container, `--previous`) and the pod's YAML, with the describe Events
 * table under the tabs. Everything derives from the store's current view; what a
 * terminal would print is shown verbatim in monospace and never translated.
 */
import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import {
  DEFAULT_EPOCH_MS,
  formatEventRows,
  recordEvents,
  sortForDescribe,
  type EventRow,
} from '../../engine/printers.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import type { PodscopeState } from '../../store/createPodscopeStore.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import type * as DescribePrinterModule from '../../engine/describePrinter.ts';
import type * as YamlPrinterModule from '../../engine/yamlPrinter.ts';
import type { ContainerLogs, PodFrame, PodRow, SimEvent, WatchLine } from '../../store/types.ts';
import { useLayout } from '../shell/layoutMode.ts';
import { WhyStatus } from '../why/WhyStatus.tsx';
import { commandLine, containerNames, kubectlEvents, logsOutput } from './terminal.ts';
import '../../styles/panels.css';

const TABS = ['watch', 'describe', 'logs', 'yaml'] as const;
/** In the drawer (compact layouts) the Events table is a tab of its own. */
const DRAWER_TABS = [...TABS, 'events'] as const;
/** A kubectl panel tab. */
export type KubectlTab = (typeof DRAWER_TABS)[number];
type Tab = KubectlTab;
/** The embed's `panels=` id each tab belongs to (get pods -w and describe are `kubectl`). */
const panelOf = (tab: Tab) =>
  tab === 'logs' || tab === 'yaml' || tab === 'events' ? tab : 'kubectl';
const TAB_LABEL: Record<Tab, MessageKey> = {
  watch: 'panels.tab.watch',
  describe: 'panels.tab.describe',
  logs: 'panels.tab.logs',
  yaml: 'panels.tab.yaml',
  events: 'panels.tab.events',
};

const NO_PODS: PodFrame[] = [];
const NO_ROWS: PodRow[] = [];
const NO_EVENTS: SimEvent[] = [];
const NO_LOGS: Record<string, ContainerLogs> = {};

const selectPods = (s: PodscopeState) => s.frame?.pods ?? NO_PODS;
const selectRows = (s: PodscopeState) => s.frame?.rows ?? NO_ROWS;
const selectEvents = (s: PodscopeState) => s.frame?.events ?? NO_EVENTS;
const selectLogs = (s: PodscopeState) => s.frame?.logs ?? NO_LOGS;
const selectOpenPanel = (s: PodscopeState) => s.openPanel;
const selectDrawerOpen = (s: PodscopeState) => s.drawerOpen;
const selectSetDrawerOpen = (s: PodscopeState) => s.setDrawerOpen;
/** Kubernetes ages have whole seconds: the printers re-run once a simulated second. */
const selectNowSec = (s: PodscopeState) => Math.floor((s.frame?.nowMs ?? 0) / 1000);

const NO_WATCH: readonly WatchLine[] = [];
const selectWatch = (s: PodscopeState) => s.frame?.watch ?? NO_WATCH;
const selectWatchHeader = (s: PodscopeState) => s.frame?.watchHeader ?? '';
/** How many watch lines were printed by now (the history covers the whole future). */
const selectWatchCount = (s: PodscopeState) => {
  const lines = s.frame?.watch ?? NO_WATCH;
  const now = s.frame?.nowMs ?? 0;
  let n = lines.length;
  while (n > 0 && lines[n - 1]!.atMs > now) n--;
  return n;
};

/**
 * The watch up to now, as the terminal shows it. The worker records a line each
 * time a pod's row changed, at engine instants, so it is the same at every speed,
 * after a seek and from a link.
 */
function useWatchText(): string {
  const all = usePodscope(selectWatch);
  const header = usePodscope(selectWatchHeader);
  const count = usePodscope(selectWatchCount);
  return useMemo(
    () => (count ? [header, ...all.slice(0, count).map((l) => l.text)].join('\n') : ''),
    [all, header, count],
  );
}

function Terminal({
  command,
  lines,
  label,
  follow = false,
}: {
  command: string;
  lines: string;
  label: string;
  /** Keep the end in view as lines are appended (unless the reader scrolled up). */
  follow?: boolean;
}) {
  const ref = useRef<HTMLPreElement>(null);
  const atEnd = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (follow && el && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [follow, lines]);
  return (
    <pre
      ref={ref}
      className="podscope-terminal"
      role="region"
      tabIndex={0}
      aria-label={label}
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      <span className="podscope-terminal-prompt">{command}</span>
      {'\n'}
      {lines}
    </pre>
  );
}

const WatchPane = memo(function WatchPane({
  lines,
  row,
}: {
  lines: string;
  /** The selected pod's row now: its STATUS, READY and RESTARTS explain themselves. */
  row: PodRow | undefined;
}) {
  const t = useT();
  const command = commandLine('watch', '');
  return (
    <>
      <Terminal
        command={command}
        lines={lines}
        label={t('panels.terminal', { command: command.slice(2) })}
        follow
      />
      {row && (
        <p className="podscope-panels-why">
          <span>{t('panels.watch.why')}</span>
          <WhyStatus column="status" value={row.status} podName={row.name} />
          <WhyStatus column="ready" value={row.ready} podName={row.name} />
          <WhyStatus column="restarts" value={row.restarts} podName={row.name} />
        </p>
      )}
    </>
  );
});

type DescribePrinter = typeof DescribePrinterModule;
let describePrinter: Promise<DescribePrinter> | undefined;
let describePrinterLoaded: DescribePrinter | undefined;
/** `kubectl describe` loads the first time the describe tab opens. */
export const loadDescribePrinter = () =>
  (describePrinter ??= import('../../engine/describePrinter.ts').then(
    (m) => (describePrinterLoaded = m),
  ));

const DescribePane = memo(function DescribePane({
  frame,
  events,
}: {
  frame: PodFrame;
  events: readonly SimEvent[];
}) {
  const t = useT();
  const nowSec = usePodscope(selectNowSec);
  const [printer, setPrinter] = useState<DescribePrinter | undefined>(describePrinterLoaded);
  useEffect(() => {
    let live = true;
    void loadDescribePrinter().then((m) => live && setPrinter(m));
    return () => {
      live = false;
    };
  }, []);
  const text = useMemo(
    () =>
      printer
        ? printer.describePod(
            frame.pod,
            kubectlEvents(events),
            new Date(DEFAULT_EPOCH_MS + nowSec * 1000),
            { epochMs: DEFAULT_EPOCH_MS },
          )
        : '',
    [printer, frame.pod, events, nowSec],
  );
  const command = commandLine('describe', frame.name);
  return (
    <Terminal
      command={command}
      lines={text.replace(/\n$/, '')}
      label={t('panels.terminal', { command: command.slice(2) })}
    />
  );
});

const LogsPane = memo(function LogsPane({ frame }: { frame: PodFrame }) {
  const t = useT();
  const logs = usePodscope(selectLogs);
  const names = useMemo(() => containerNames(frame.pod), [frame.pod]);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [previous, setPrevious] = useState(false);
  const container = picked && names.includes(picked) ? picked : names[names.length - 1];
  const pickerId = useId();
  const buffer = container ? logs[`${frame.name}/${container}`] : undefined;
  const lines = container ? logsOutput(frame.pod, container, buffer, previous) : [];
  const command = commandLine(
    'logs',
    frame.name,
    names.length > 1 ? container : undefined,
    previous,
  );
  const truncated = previous ? false : (buffer?.truncated ?? false);
  return (
    <>
      <div className="podscope-panels-toolbar">
        <label htmlFor={pickerId}>{t('panels.logs.container')}</label>
        <select id={pickerId} value={container ?? ''} onChange={(e) => setPicked(e.target.value)}>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <label className="podscope-panels-check">
          <input
            type="checkbox"
            checked={previous}
            onChange={(e) => setPrevious(e.target.checked)}
          />
          {t('panels.logs.previous')}
        </label>
      </div>
      {truncated && (
        <p className="podscope-panels-note">
          {t('panels.logs.truncated', { count: buffer?.current.length ?? 0 })}
        </p>
      )}
      <Terminal
        command={command}
        lines={lines.join('\n')}
        label={t('panels.terminal', { command: command.slice(2) })}
        follow
      />
    </>
  );
});

type YamlPrinter = typeof YamlPrinterModule;
let yamlPrinter: Promise<YamlPrinter> | undefined;
let yamlPrinterLoaded: YamlPrinter | undefined;
/** `-o yaml` carries the YAML library: it loads the first time a YAML tab opens. */
export const loadYamlPrinter = () =>
  (yamlPrinter ??= import('../../engine/yamlPrinter.ts').then((m) => (yamlPrinterLoaded = m)));

const YamlPane = memo(function YamlPane({ frame }: { frame: PodFrame }) {
  const t = useT();
  const [printer, setPrinter] = useState<YamlPrinter | undefined>(yamlPrinterLoaded);
  useEffect(() => {
    let live = true;
    void loadYamlPrinter().then((m) => live && setPrinter(m));
    return () => {
      live = false;
    };
  }, []);
  const text = useMemo(() => (printer ? printer.podToYaml(frame.pod) : ''), [printer, frame.pod]);
  const command = commandLine('yaml', frame.name);
  return (
    <Terminal
      command={command}
      lines={text.replace(/\n$/, '')}
      label={t('panels.terminal', { command: command.slice(2) })}
    />
  );
});

/** The describe Events table, as a real table; Warning rows carry a text mark. */
export const EventsTable = memo(function EventsTable({
  podName,
  events,
}: {
  podName: string;
  events: readonly SimEvent[];
}) {
  const t = useT();
  const nowSec = usePodscope(selectNowSec);
  // Record once per change of the list; re-format the ages once a simulated second.
  const recorded = useMemo(
    () =>
      sortForDescribe(recordEvents(kubectlEvents(events), { epochMs: DEFAULT_EPOCH_MS, podName })),
    [events, podName],
  );
  const rows: EventRow[] = useMemo(
    () => formatEventRows(recorded, new Date(DEFAULT_EPOCH_MS + nowSec * 1000)),
    [recorded, nowSec],
  );
  return (
    <div
      className="podscope-events"
      role="region"
      tabIndex={0}
      aria-label={t('panels.events.caption', { pod: podName })}
    >
      <table className="podscope-events-table">
        <caption>{t('panels.events.caption', { pod: podName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panels.events.type')}</th>
            <th scope="col">{t('panels.events.reason')}</th>
            <th scope="col">{t('panels.events.age')}</th>
            <th scope="col">{t('panels.events.from')}</th>
            <th scope="col">{t('panels.events.message')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="podscope-events-none">
                {t('panels.events.none')}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr
              key={r.key}
              className={r.type === 'Warning' ? 'podscope-events-row--warning' : undefined}
            >
              <td className="podscope-events-type">
                {r.type === 'Warning' && (
                  <span
                    className="podscope-events-mark"
                    role="img"
                    aria-label={t('panels.events.warningMark')}
                  >
                    ⚠
                  </span>
                )}
                {r.type}
              </td>
              <td className="podscope-events-reason">{r.reason}</td>
              <td className="podscope-events-age">{r.age}</td>
              <td className="podscope-events-from">{r.from}</td>
              <td className="podscope-events-message">
                {r.fieldPath && <span className="podscope-events-fieldpath">{r.fieldPath}: </span>}
                {r.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** The WAI-ARIA tabs pattern: roving tabindex, arrows/Home/End move and select. */
function Tabs({
  tabs,
  selected,
  onSelect,
  label,
  idBase,
  render,
}: {
  tabs: readonly Tab[];
  selected: Tab;
  onSelect: (tab: Tab) => void;
  label: string;
  idBase: string;
  render: (tab: Tab) => string;
}) {
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.indexOf(selected);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab);
    refs.current[tab]?.focus();
  };
  return (
    <div className="podscope-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[tab] = el;
          }}
          type="button"
          role="tab"
          id={`${idBase}-tab-${tab}`}
          aria-selected={tab === selected}
          aria-controls={`${idBase}-panel`}
          tabIndex={tab === selected ? 0 : -1}
          className="podscope-tab"
          data-podscope-panel={panelOf(tab)}
          onClick={() => onSelect(tab)}
        >
          {render(tab)}
        </button>
      ))}
    </div>
  );
}

export interface KubectlPanelsProps {
  /** Tab shown first (default: the store's `openPanel` when it names one, else `watch`). */
  initialTab?: Tab;
  /** Extra content after the Events table (e.g. a slot for the app shell). */
  children?: ReactNode;
}

/** The kubectl panels: tabs for get pods -w, describe, logs and YAML, then the Events table. */
export function KubectlPanels({ initialTab, children }: KubectlPanelsProps) {
  const t = useT();
  const pods = usePodscope(selectPods);
  const rows = usePodscope(selectRows);
  const events = usePodscope(selectEvents);
  const watchText = useWatchText();
  const openPanel = usePodscope(selectOpenPanel);
  const [tab, setTab] = useState<Tab>(
    () => initialTab ?? (openPanel === 'logs' || openPanel === 'yaml' ? openPanel : 'watch'),
  );
  const [podPick, setPodPick] = useState<string | undefined>(undefined);
  const { mode } = useLayout();
  const inDrawer = mode !== 'wide';
  const drawerOpen = usePodscope(selectDrawerOpen);
  const setDrawerOpen = usePodscope(selectSetDrawerOpen);
  const shown = inDrawer ? DRAWER_TABS : TABS;
  // Back in the wide layout, the Events table is under the tabs again.
  const current: Tab = !inDrawer && tab === 'events' ? 'watch' : tab;
  const open = !inDrawer || drawerOpen;
  const onSelect = (next: Tab) => {
    setTab(next);
    if (inDrawer) setDrawerOpen(true);
  };
  const idBase = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const podSelectId = `${idBase}-pod`;
  const frame = pods.find((p) => p.name === podPick) ?? pods[0];
  const podEvents = useMemo(() => eventsAbout(events, frame?.name), [events, frame?.name]);

  /** The selected tab's content (nothing while the drawer is closed). */
  const pane = (): ReactNode => {
    if (!open) return null;
    if (current === 'watch')
      return <WatchPane lines={watchText} row={rows.find((r) => r.name === frame?.name)} />;
    if (!frame) return <p className="podscope-panels-note">{t('panels.noPod')}</p>;
    switch (current) {
      case 'describe':
        return <DescribePane frame={frame} events={podEvents} />;
      case 'logs':
        return <LogsPane key={frame.name} frame={frame} />;
      case 'yaml':
        return <YamlPane frame={frame} />;
      case 'events':
        return <EventsTable podName={frame.name} events={podEvents} />;
    }
  };

  return (
    <section className="podscope-panels" aria-label={t('panels.region')}>
      <div className="podscope-panels-head">
        <Tabs
          tabs={shown}
          selected={current}
          onSelect={onSelect}
          label={t('panels.tabs')}
          idBase={idBase}
          render={(x) => t(TAB_LABEL[x])}
        />
        {pods.length > 1 && (
          <span className="podscope-panels-pod">
            <label htmlFor={podSelectId}>{t('panels.pod')}</label>
            <select
              id={podSelectId}
              value={frame?.name}
              onChange={(e) => setPodPick(e.target.value)}
            >
              {pods.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </span>
        )}
        {inDrawer && (
          <button
            type="button"
            className="podscope-btn podscope-btn--small podscope-drawer-toggle"
            aria-expanded={drawerOpen}
            aria-controls={`${idBase}-panel`}
            onClick={() => setDrawerOpen(!drawerOpen)}
          >
            <span aria-hidden="true">{drawerOpen ? '▾' : '▴'}</span>{' '}
            {t(drawerOpen ? 'panels.drawer.hide' : 'panels.drawer.show')}
          </button>
        )}
      </div>
      <div
        className="podscope-tabpanel"
        data-podscope-panel={panelOf(current)}
        role="tabpanel"
        id={`${idBase}-panel`}
        aria-labelledby={`${idBase}-tab-${current}`}
        hidden={!open}
      >
        {pane()}
      </div>
      {!inDrawer && (
        <div data-podscope-panel="events">
          {frame ? (
            <EventsTable podName={frame.name} events={podEvents} />
          ) : (
            <p className="podscope-panels-note">{t('panels.noPod')}</p>
          )}
        </div>
      )}
      {children}
    </section>
  );
}

/**
 * The events about one pod: those whose object is this Pod, and those that name no
 * object (the kubelet's, about the pod it runs). Events about other objects
 * (ReplicaSet, Node…) are not listed by `kubectl describe pod`.
 */
function eventsAbout(events: readonly SimEvent[], pod: string | undefined): readonly SimEvent[] {
  if (!pod || !events.some((e) => e.object)) return events;
  return events.filter((e) => !e.object || (e.object.kind === 'Pod' && e.object.name === pod));
}
