/**
 * `kubectl describe pod` on its own (with the defaults kubectl shows): the page imports this on
 * demand, when the describe tab opens, so the kubectl panels' first paint does not carry it.
 */
export { describePod } from './kubectl/describe.ts';
