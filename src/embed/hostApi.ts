/**
 * The postMessage API between a host page and a Podscope frame (documented in README.md,
 * "Embedding"). Every message is a plain object with `source: 'podscope'` and a `type`:
 *
 *   host → frame  load { manifest } · play · pause · speed { value } · seek { ms } · dispatch { action }
 *                 · export { format: 'png' | 'svg' }
 *   frame → host  ready · state { nowMs, pods } · event { event } · error { errors }
 *                 · exported { format, dataUrl }
 *
 * Security: the API is off unless an origin is given (`&origin=`); messages from any other
 * origin are ignored, and replies are posted to that origin only — never to '*'.
 */
import type { Action, HostMessage, PodRow, Run, SimEvent } from '../worker/protocol.ts';
import { isObject, validateAction, validateManifestText, type ManifestError } from './validate.ts';

export const SOURCE = 'podscope';

/** A pod row as the host receives it: the `kubectl get pods` columns. */
export type HostPodRow = Pick<PodRow, 'name' | 'ready' | 'status' | 'restarts' | 'age'>;

export type HostToFrame =
  | { source: typeof SOURCE; type: 'load'; manifest: string }
  | { source: typeof SOURCE; type: 'play' }
  | { source: typeof SOURCE; type: 'pause' }
  | { source: typeof SOURCE; type: 'speed'; value: number }
  | { source: typeof SOURCE; type: 'seek'; ms: number }
  | { source: typeof SOURCE; type: 'dispatch'; action: Action }
  | { source: typeof SOURCE; type: 'export'; format: ExportFormat };

/** What `export` can produce: the current view of the diagram as an image. */
export type ExportFormat = 'png' | 'svg';

export type FrameToHost =
  | { source: typeof SOURCE; type: 'ready' }
  | { source: typeof SOURCE; type: 'state'; nowMs: number; pods: HostPodRow[] }
  | { source: typeof SOURCE; type: 'event'; event: SimEvent }
  | { source: typeof SOURCE; type: 'error'; errors: ManifestError[] }
  | { source: typeof SOURCE; type: 'exported'; format: ExportFormat; dataUrl: string };

/** What the API drives: the instance's store actions (adapted by the mount). */
export interface HostControls {
  load(run: Run): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  seek(ms: number): void;
  dispatch(action: Action): void;
  currentRun(): Run;
  /** The current view of the diagram as a data URL (absent where nothing is drawn). */
  exportView?(format: ExportFormat): Promise<string>;
}

export interface HostApiOptions {
  /** The only origin accepted and answered (exact match). */
  origin: string;
  /** The window messages arrive at (the frame's own window). */
  listenOn: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Where replies go (the host page: `window.parent`). */
  target: { postMessage(message: unknown, targetOrigin: string): void };
  controls: HostControls;
  /** The instance's simulation messages (frames, errors). */
  onSimMessage(listener: (msg: HostMessage) => void): () => void;
  /** Notified after a run is replaced, so events start afresh. */
  onRunChange?(listener: () => void): () => void;
  warn?: (message: string, data?: unknown) => void;
}

/** Checks a message from the host; returns it, or why it is malformed. */
export function parseHostMessage(data: unknown): HostToFrame | string {
  if (!isObject(data) || data.source !== SOURCE) return 'not a podscope message';
  switch (data.type) {
    case 'load':
      return typeof data.manifest === 'string'
        ? { source: SOURCE, type: 'load', manifest: data.manifest }
        : 'load needs manifest: YAML text';
    case 'play':
    case 'pause':
      return { source: SOURCE, type: data.type };
    case 'speed':
      return typeof data.value === 'number' && Number.isFinite(data.value) && data.value > 0
        ? { source: SOURCE, type: 'speed', value: data.value }
        : 'speed needs value: a positive number';
    case 'seek':
      return typeof data.ms === 'number' && Number.isFinite(data.ms) && data.ms >= 0
        ? { source: SOURCE, type: 'seek', ms: Math.round(data.ms) }
        : 'seek needs ms: a number ≥ 0';
    case 'dispatch': {
      const action = validateAction(data.action);
      return typeof action === 'string'
        ? `dispatch needs an engine action: ${action}`
        : { source: SOURCE, type: 'dispatch', action };
    }
    case 'export':
      return data.format === 'png' || data.format === 'svg'
        ? { source: SOURCE, type: 'export', format: data.format }
        : `export needs format: "png" or "svg", not ${JSON.stringify(data.format)}`;
    default:
      return `unknown type ${JSON.stringify(data.type)}`;
  }
}

const sameEvent = (a: SimEvent, b: SimEvent) => JSON.stringify(a) === JSON.stringify(b);

/** Wires the API; returns a function that removes it. Posts `ready` once listening. */
export function attachHostApi(opts: HostApiOptions): () => void {
  const { origin, target, controls } = opts;
  const warn = opts.warn ?? ((m, d) => console.warn(`[podscope] ${m}`, d));
  const post = (msg: FrameToHost) => target.postMessage(msg, origin);

  const onMessage = (e: MessageEvent) => {
    if (e.origin !== origin) return;
    const msg = parseHostMessage(e.data);
    if (typeof msg === 'string') {
      if (isObject(e.data) && e.data.source === SOURCE)
        warn(`ignored a malformed message: ${msg}`, e.data);
      return;
    }
    switch (msg.type) {
      case 'load': {
        const errors = validateManifestText(msg.manifest);
        if (errors.length > 0) {
          post({ source: SOURCE, type: 'error', errors });
          return;
        }
        forget();
        controls.load({ manifest: msg.manifest, seed: controls.currentRun().seed, actions: [] });
        return;
      }
      case 'play':
        return controls.play();
      case 'pause':
        return controls.pause();
      case 'speed':
        return controls.setSpeed(msg.value);
      case 'seek':
        return controls.seek(msg.ms);
      case 'dispatch':
        return controls.dispatch(msg.action);
      case 'export': {
        const { format } = msg;
        const fail = (message: string) =>
          post({ source: SOURCE, type: 'error', errors: [{ field: 'format', message }] });
        if (!controls.exportView) return fail('export is not available in this frame');
        let pending: Promise<string>;
        try {
          pending = controls.exportView(format);
        } catch (e) {
          return fail(`export failed: ${(e as Error).message}`);
        }
        pending.then(
          (dataUrl) => post({ source: SOURCE, type: 'exported', format, dataUrl }),
          (e: unknown) => fail(`export failed: ${(e as Error).message ?? String(e)}`),
        );
        return;
      }
    }
  };

  // Rows: post when any kubectl column changes. Events: the log restarts after a seek back or
  // a load; only events past what the host has already seen on this timeline are posted
  // (a replay after seeking back repeats nothing; a fork posts its new future).
  let lastRows = '';
  let log: SimEvent[] = [];
  let seen: SimEvent[] = [];
  const forget = () => {
    seen = [];
    lastRows = '';
  };
  const onSim = (m: HostMessage) => {
    if (m.type === 'error') {
      if (m.code === 'manifest' || m.code === 'action')
        post({
          source: SOURCE,
          type: 'error',
          errors: (m.errors as ManifestError[] | undefined)?.length
            ? (m.errors as ManifestError[])
            : [{ field: '', message: m.message }],
        });
      return;
    }
    if (m.type !== 'frame') return;
    const f = m.frame;
    if (f.rows) {
      const pods = f.rows.map(({ name, ready, status, restarts, age }) => ({
        name,
        ready,
        status,
        restarts,
        age,
      }));
      const key = JSON.stringify(pods);
      if (key !== lastRows) {
        lastRows = key;
        post({ source: SOURCE, type: 'state', nowMs: f.nowMs, pods });
      }
    }
    if (f.events.reset) log = [...f.events.items];
    else if (f.events.items.length > 0) log = log.concat(f.events.items);
    else return;
    let i = 0;
    while (i < log.length && i < seen.length && sameEvent(log[i]!, seen[i]!)) i++;
    if (i === log.length) return;
    for (const event of log.slice(i)) post({ source: SOURCE, type: 'event', event });
    seen = [...log];
  };

  opts.listenOn.addEventListener('message', onMessage as EventListener);
  const offSim = opts.onSimMessage(onSim);
  const offRun = opts.onRunChange?.(forget) ?? (() => {});
  post({ source: SOURCE, type: 'ready' });

  return () => {
    opts.listenOn.removeEventListener('message', onMessage as EventListener);
    offSim();
    offRun();
  };
}
