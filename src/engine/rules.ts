/**
 * The kubelet rules the page's explanations quote, on their own (a few hundred bytes): the
 * restart decision and the crash-loop back-off schedule. The engine itself runs in the worker.
 */
export { crashLoopWaitMs } from './sim/backoff.ts';
export { containerShouldRestart } from './kubelet/podUtil.ts';
// The prober's tick table the Why? popover shows (pure over the runtime view).
export { probeSchedule } from './sim/probes/schedule.ts';
