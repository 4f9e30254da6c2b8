/// <reference lib="webworker" />
import { defaultEngine } from './defaultEngine.ts';
import { createHost } from './host.ts';

declare const self: DedicatedWorkerGlobalScope;

const host = createHost(
  {
    post: (message) => self.postMessage(message),
    wallNow: () => performance.now(),
    every: (ms, tick) => {
      const id = setInterval(tick, ms);
      return () => clearInterval(id);
    },
  },
  { engine: defaultEngine },
);

self.onmessage = (event: MessageEvent<unknown>) => host.receive(event.data);
