/**
 * The two kubelet rules the page's explanations quote, on their own (a few hundred bytes): the
 * restart decision and the crash-loop back-off schedule. The engine itself runs in the worker.
 */
export { crashLoopWaitMs } from './sim/backoff.ts';
export { containerShouldRestart } from './kubelet/podUtil.ts';
