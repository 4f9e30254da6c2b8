/**
 * Fitting the anatomy to its stage, pure: which detail level to draw and at what zoom, from
 * the stage's size in screen pixels. Type is never shrunk below legibility to make things fit:
 * the zoom is clamped at MIN_ZOOM (the smallest diagram type, 12 px, then renders at ≥ 11 px);
 * what still does not fit is reached by panning.
 */
import { DETAILS, type Detail } from './layout.ts';

/** The smallest type in the diagram, in CSS px at zoom 1 (anatomy.css). */
export const MIN_FONT_PX = 12;
/** The body type of the cards, in CSS px at zoom 1. */
export const BODY_FONT_PX = 14;
/** Fitting never zooms out: the type is never shrunk (12 px labels, 13–14 px body). */
export const MIN_ZOOM = 1;
/** Fitting never zooms in further (user zoom may). */
export const MAX_FIT_ZOOM = 1.8;
export const MAX_ZOOM = 3;
/** Space kept around the diagram, in screen px. */
export const FIT_PAD = 8;

export interface Size {
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The body size a reader needs on a stage this big: 13.5 px on a laptop, up to 17 px on a projector. */
export function readingPx(stage: Size): number {
  const m = Math.min(stage.width, stage.height);
  return Math.min(17, Math.max(13.5, 13.5 + ((m - 420) * 3) / 360));
}

/** The zoom that fits `content` in `stage` (unclamped). */
export function fitZoom(content: Size, stage: Size): number {
  if (content.width <= 0 || content.height <= 0) return 1;
  const w = Math.max(1, stage.width - 2 * FIT_PAD);
  const h = Math.max(1, stage.height - 2 * FIT_PAD);
  return Math.min(w / content.width, h / content.height);
}

/**
 * The most detailed level that fits at a reading size; when none does, the one of which the
 * stage shows most at MIN_ZOOM (the rest is reached by panning).
 */
export function chooseDetail(sizes: Readonly<Record<Detail, Size>>, stage: Size): Detail {
  const need = readingPx(stage) / BODY_FONT_PX;
  for (const d of DETAILS) if (fitZoom(sizes[d], stage) >= need) return d;
  // Nothing fits: the level that shows the largest part of itself at the reading size (the rest
  // is reached by panning), so a phone pans one way through a column rather than two ways.
  let best: Detail = DETAILS[0]!;
  for (const d of DETAILS) if (shownPart(sizes[d], stage) > shownPart(sizes[best], stage)) best = d;
  return best;
}

/** The part of `content` a stage shows at MIN_ZOOM (1 when it all fits). */
export function shownPart(content: Size, stage: Size): number {
  const w = Math.max(1, stage.width - 2 * FIT_PAD);
  const h = Math.max(1, stage.height - 2 * FIT_PAD);
  const z = MIN_ZOOM;
  return Math.min(1, w / (content.width * z || 1)) * Math.min(1, h / (content.height * z || 1));
}

/** The fitted viewport: centred when it fits, anchored top-left when it must be panned. */
export function fitViewport(content: Size, stage: Size): Viewport & { fits: boolean } {
  const raw = fitZoom(content, stage);
  const zoom = Math.min(MAX_FIT_ZOOM, Math.max(MIN_ZOOM, raw));
  const w = content.width * zoom;
  const h = content.height * zoom;
  const x = w <= stage.width - 2 * FIT_PAD ? (stage.width - w) / 2 : FIT_PAD;
  const y = h <= stage.height - 2 * FIT_PAD ? (stage.height - h) / 2 : FIT_PAD;
  return { x, y, zoom, fits: raw >= MIN_ZOOM };
}

/** Zooms by `factor` around the stage centre, clamped to [MIN_ZOOM, MAX_ZOOM]. */
export function zoomBy(vp: Viewport, factor: number, stage: Size): Viewport {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, vp.zoom * factor));
  const cx = stage.width / 2;
  const cy = stage.height / 2;
  const k = zoom / vp.zoom;
  return { zoom, x: cx - (cx - vp.x) * k, y: cy - (cy - vp.y) * k };
}
