/**
 * Exports what the anatomy stage shows right now, as SVG or PNG, without third-party code:
 * the React Flow element is cloned with every computed style inlined, wrapped in an SVG
 * <foreignObject>, and (for PNG) drawn onto a canvas. Works in either theme, because the
 * computed colours are what is copied.
 */

export type ExportFormat = 'png' | 'svg';

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';

function inlineStyles(source: Element, target: Element): void {
  const cs = getComputedStyle(source);
  let text = '';
  for (let i = 0; i < cs.length; i++) {
    const name = cs.item(i);
    // Transitions and animations would only make the snapshot differ from the screen.
    if (name.startsWith('transition') || name.startsWith('animation')) continue;
    text += `${name}:${cs.getPropertyValue(name)};`;
  }
  (target as HTMLElement).setAttribute('style', text);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

/** The stage's diagram element, or an error worded for the user. */
export function diagramOf(stage: Element | null): HTMLElement {
  const el = stage?.querySelector<HTMLElement>('.react-flow');
  if (!el) throw new Error('there is no diagram to export yet');
  return el;
}

/** The current view of a React Flow element as an SVG data URL. */
export function exportSvg(flow: HTMLElement): string {
  const rect = flow.getBoundingClientRect();
  const width = Math.max(1, Math.round(rect.width));
  const height = Math.max(1, Math.round(rect.height));
  const clone = flow.cloneNode(true) as HTMLElement;
  inlineStyles(flow, clone);
  // Controls and open popovers are not part of the picture.
  clone.querySelectorAll('.podscope-view-controls, script').forEach((n) => n.remove());
  clone.style.position = 'relative';
  clone.style.inset = 'auto';
  clone.style.width = `${width}px`;
  clone.style.height = `${height}px`;
  const wrapper = document.createElementNS(XHTML, 'div');
  wrapper.setAttribute('style', `width:${width}px;height:${height}px;overflow:hidden`);
  wrapper.appendChild(clone);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const fo = document.createElementNS(SVG_NS, 'foreignObject');
  fo.setAttribute('x', '0');
  fo.setAttribute('y', '0');
  fo.setAttribute('width', String(width));
  fo.setAttribute('height', String(height));
  fo.appendChild(wrapper);
  svg.appendChild(fo);
  const text = new XMLSerializer().serializeToString(svg);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
}

/** The current view as a PNG data URL (drawn at twice the CSS size, for slides). */
export async function exportPng(flow: HTMLElement, scale = 2): Promise<string> {
  const svgUrl = exportSvg(flow);
  const rect = flow.getBoundingClientRect();
  const img = new Image();
  img.src = svgUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(rect.width * scale));
  canvas.height = Math.max(1, Math.round(rect.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw to a canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  return canvas.toDataURL('image/png');
}

/** Exports the diagram inside a stage (or any root holding one) as a data URL. */
export async function exportView(root: Element | null, format: ExportFormat): Promise<string> {
  const flow = diagramOf(root);
  return format === 'svg' ? exportSvg(flow) : exportPng(flow);
}
