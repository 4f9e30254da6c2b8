/**
 * The engine's only public surface. Layers above import from here and
 * nowhere else inside src/engine.
 */
export { SimClock } from './sim/clock.ts';
export type { JobId } from './sim/clock.ts';
