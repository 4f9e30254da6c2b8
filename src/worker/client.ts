import { wrap, type Command, type Envelope, type HostMessage } from './protocol.ts';

export type Transport = 'worker' | 'in-thread';

export interface SimClient {
  /** Where the simulation runs now; a worker that fails to start switches this to 'in-thread'. */
  readonly transport: Transport;
  send(cmd: Command): void;
  onMessage(listener: (msg: HostMessage) => void): () => void;
  dispose(): void;
}

interface Link {
  post(data: Envelope<Command>): void;
  close(): void;
}

function inThreadLink(deliver: (data: unknown) => void): Link {
  // The host on the main thread, behind the same protocol: messages are cloned and
  // delivered asynchronously, as they would be across a worker boundary. The engine is
  // loaded only when this fallback is needed, so it never weighs on the first load.
  let host: { receive(data: unknown): void; dispose(): void } | undefined;
  let closed = false;
  const queue: unknown[] = [];
  void Promise.all([import('./host.ts'), import('./defaultEngine.ts')]).then(
    ([{ createHost }, { defaultEngine }]) => {
      if (closed) return;
      host = createHost(
        {
          post: (message) => {
            const copy = structuredClone(message);
            queueMicrotask(() => deliver(copy));
          },
          wallNow: () => performance.now(),
          every: (ms, tick) => {
            const id = setInterval(tick, ms);
            return () => clearInterval(id);
          },
        },
        { engine: defaultEngine },
      );
      for (const data of queue.splice(0)) host.receive(data);
    },
  );
  return {
    post: (data) => {
      const copy = structuredClone(data);
      if (host) {
        const h = host;
        queueMicrotask(() => h.receive(copy));
      } else queue.push(copy);
    },
    close: () => {
      closed = true;
      host?.dispose();
    },
  };
}

/** How long a worker may take to announce itself before the fallback takes over. */
const WORKER_START_TIMEOUT_MS = 10_000;

function workerLink(deliver: (data: unknown) => void, onFail: () => void): Link | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  let started = false;
  let failed = false;
  const fail = () => {
    if (started || failed) return;
    failed = true;
    clearTimeout(timer);
    worker.terminate();
    onFail();
  };
  // A worker that never says `ready` (blocked without an error event) is given up on.
  const timer = setTimeout(fail, WORKER_START_TIMEOUT_MS);
  worker.onmessage = (e: MessageEvent<unknown>) => {
    if (failed) return;
    started = true;
    clearTimeout(timer);
    deliver(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    if (!started) return fail();
    // The worker itself broke after starting: the page offers a restart.
    deliver(
      wrap<HostMessage>({
        type: 'error',
        code: 'engine',
        fatal: true,
        message: e.message || 'the simulation worker failed',
      }),
    );
  };
  worker.onmessageerror = () =>
    deliver(
      wrap<HostMessage>({
        type: 'error',
        code: 'engine',
        fatal: false,
        message: 'a message from the simulation could not be read',
      }),
    );
  return {
    post: (data) => {
      if (!failed) worker.postMessage(data);
    },
    close: () => {
      clearTimeout(timer);
      worker.terminate();
    },
  };
}

/**
 * Connects to a simulation host: a dedicated Web Worker when one can start, else the
 * same host on the main thread (strict embeds, a CSP without worker-src, file://).
 * Commands sent before a failing worker is detected are replayed to the fallback.
 */
export function createSimClient(opts: { transport?: Transport } = {}): SimClient {
  const listeners = new Set<(msg: HostMessage) => void>();
  const sent: Envelope<Command>[] = [];
  let ready = false;
  let disposed = false;

  const deliver = (data: unknown) => {
    if (disposed) return;
    const env = data as Envelope<HostMessage> | undefined;
    if (!env || typeof env !== 'object' || !env.msg) return;
    if (env.msg.type === 'ready') {
      ready = true;
      sent.length = 0;
    }
    for (const l of listeners) l(env.msg);
  };

  let transport: Transport = 'worker';
  const fallBack = () => {
    if (disposed) return;
    transport = 'in-thread';
    link = inThreadLink(deliver);
    for (const data of sent.splice(0)) link.post(data);
  };

  let link: Link =
    (opts.transport !== 'in-thread' && workerLink(deliver, fallBack)) ||
    ((transport = 'in-thread'), inThreadLink(deliver));

  return {
    get transport() {
      return transport;
    },
    send(cmd) {
      const data = wrap(cmd);
      if (!ready && transport === 'worker') sent.push(data);
      link.post(data);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      link.close();
      listeners.clear();
    },
  };
}
