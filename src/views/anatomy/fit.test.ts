import { describe, expect, it } from 'vitest';
import { frameFixture } from './fixtures.ts';
import {
  chooseDetail,
  fitViewport,
  MAX_FIT_ZOOM,
  MAX_ZOOM,
  MIN_ZOOM,
  readingPx,
  shownPart,
  zoomBy,
} from './fit.ts';
import { DETAILS, layout, type Detail } from './layout.ts';

const sizes = () =>
  Object.fromEntries(
    DETAILS.map((d) => [d, layout(frameFixture(), { detail: d })]),
  ) as unknown as Record<Detail, { width: number; height: number }>;

describe('fit', () => {
  it('chooses the detail level from the stage size in screen pixels', () => {
    // The stages of today's app at 1280×720 and 1920×1080, a phone, a tall wide monitor.
    expect(chooseDetail(sizes(), { width: 845, height: 419 })).toBe('compact');
    expect(chooseDetail(sizes(), { width: 1267, height: 780 })).toBe('compact');
    expect(chooseDetail(sizes(), { width: 390, height: 523 })).toBe('narrow');
    expect(chooseDetail(sizes(), { width: 2400, height: 1500 })).toBe('full');
  });

  it('when nothing fits, shows the largest part of the diagram at the reading size', () => {
    const s = sizes();
    // A phone with the drawer open: a short, narrow stage → the column, panned one way.
    const phone = { width: 374, height: 160 };
    expect(Object.values(s).every((z) => z.height > phone.height)).toBe(true);
    expect(chooseDetail(s, phone)).toBe('narrow');
    expect(shownPart(s.narrow, phone)).toBeGreaterThan(shownPart(s.compact, phone));
    // An 800 px frame with the drawer open: the landscape cards, nearly as wide as the stage.
    const frame = { width: 784, height: 200 };
    expect(chooseDetail(s, frame)).toBe('compact');
  });

  it('never shrinks the type to fit: the zoom is clamped, and says when it does not fit', () => {
    const v = fitViewport({ width: 2000, height: 1000 }, { width: 400, height: 300 });
    expect(v.zoom).toBe(MIN_ZOOM);
    expect(v.fits).toBe(false);
    const w = fitViewport({ width: 400, height: 200 }, { width: 816, height: 416 });
    expect(w.zoom).toBe(MAX_FIT_ZOOM);
    expect(w.fits).toBe(true);
    // centred
    expect(w.x).toBeCloseTo((816 - 400 * w.zoom) / 2);
  });

  it('reads bigger on bigger stages', () => {
    expect(readingPx({ width: 845, height: 419 })).toBe(13.5);
    expect(readingPx({ width: 1267, height: 780 })).toBeGreaterThan(16);
    expect(readingPx({ width: 4000, height: 3000 })).toBe(17);
  });

  it('zooms around the stage centre within the limits', () => {
    const stage = { width: 800, height: 400 };
    const a = zoomBy({ x: 0, y: 0, zoom: 1 }, 1.2, stage);
    expect(a.zoom).toBeCloseTo(1.2);
    expect(400 - (400 - a.x) / a.zoom).toBeCloseTo(400 - 400 / 1);
    expect(zoomBy({ x: 0, y: 0, zoom: 1 }, 0.5, stage).zoom).toBe(MIN_ZOOM);
    expect(zoomBy({ x: 0, y: 0, zoom: 2.9 }, 2, stage).zoom).toBe(MAX_ZOOM);
  });
});

describe('layout at every detail level', () => {
  for (const detail of DETAILS) {
    it(`${detail}: no two sibling boxes overlap, children stay in their parent, idle nodes are chips`, () => {
      const frame = frameFixture();
      frame.nodes = [...(frame.nodes ?? []), { metadata: { name: 'node-2' } }];
      const { nodes } = layout(frame, { detail });
      const byId = new Map(nodes.map((n) => [n.id, n]));
      for (const n of nodes) {
        if (!n.parentId) continue;
        const p = byId.get(n.parentId)!;
        expect(n.position.x + n.width!).toBeLessThanOrEqual(p.width!);
        expect(n.position.y + n.height!).toBeLessThanOrEqual(p.height!);
      }
      for (const a of nodes)
        for (const b of nodes) {
          if (a === b || a.parentId !== b.parentId) continue;
          const x =
            Math.min(a.position.x + a.width!, b.position.x + b.width!) -
            Math.max(a.position.x, b.position.x);
          const y =
            Math.min(a.position.y + a.height!, b.position.y + b.height!) -
            Math.max(a.position.y, b.position.y);
          expect(x > 0 && y > 0, `${a.id} × ${b.id}`).toBe(false);
        }
      const idle = byId.get('node:node-2')!;
      expect(idle.data.idle).toBe(true);
      expect(idle.height).toBeLessThan(50);
    });
  }

  it('positions depend only on structure and detail level', () => {
    for (const detail of DETAILS) {
      const a = layout(frameFixture(0), { detail });
      const b = layout(frameFixture(90_000), { detail });
      expect(b.nodes.map((n) => [n.id, n.position])).toEqual(
        a.nodes.map((n) => [n.id, n.position]),
      );
    }
  });
});
