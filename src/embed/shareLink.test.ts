import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../worker/protocol.ts';
import { crc32, fromBase64Url, toBase64Url } from './codec/bytes.ts';
import { deflateRawStored, inflateRaw } from './codec/inflate.ts';
import { PANEL_IDS } from './params.ts';
import {
  decodeShareFragment,
  encodeShareFragment,
  shareUrl,
  type ShareState,
} from './shareLink.ts';

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
`;

const sample: ShareState = {
  run: {
    manifest: MANIFEST,
    seed: 42,
    actions: [
      { atMs: 5_000, action: { kind: 'crash', container: 'nginx', exitCode: 2 } },
      { atMs: 9_000, action: { kind: 'delete-pod', gracePeriodSeconds: 5 } },
    ],
  },
  atMs: 12_345,
  speed: 4,
  lang: 'zh-CN',
  theme: 'dark',
  panels: ['anatomy', 'events'],
};

async function deflateNative(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('share links', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('round-trips a run with its time, speed, language and view options', async () => {
    const fragment = await encodeShareFragment(sample);
    expect(fragment).toMatch(/^v1=[A-Za-z0-9_-]+$/);
    expect(decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, state: sample });
  });

  it('compresses: a manifest repeated ten times costs little more than once', async () => {
    const long = { ...sample, run: { ...sample.run, manifest: MANIFEST.repeat(10) } };
    const one = await encodeShareFragment(sample);
    const ten = await encodeShareFragment(long);
    expect(ten.length).toBeLessThan(one.length * 1.5);
  });

  it('puts the fragment on any base URL, replacing an old one', async () => {
    const url = await shareUrl('https://x.example/podscope/index.html?embed=1#v1=old', sample);
    expect(url.startsWith('https://x.example/podscope/index.html?embed=1#v1=')).toBe(true);
    expect(decodeShareFragment(new URL(url).hash)).toEqual({ ok: true, state: sample });
  });

  it('still works without CompressionStream (stored blocks)', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    const fragment = await encodeShareFragment(sample);
    vi.unstubAllGlobals();
    expect(decodeShareFragment(fragment)).toEqual({ ok: true, state: sample });
  });

  it('ignores fragments that are not share links', () => {
    for (const f of ['', '#', '#events', '#v1', '#x=1'])
      expect(decodeShareFragment(f)).toEqual({ ok: false, reason: 'none' });
  });

  it('calls links of another format version outdated', () => {
    const r = decodeShareFragment('#v0=AAAA');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('outdated');
    expect(decodeShareFragment('#v2=AAAA')).toMatchObject({ ok: false, reason: 'outdated' });
  });

  it('refuses truncated, padded, garbage and altered links', async () => {
    const fragment = await encodeShareFragment(sample);
    const cases = [
      fragment.slice(0, -3),
      fragment.slice(0, 8),
      `${fragment}AAAA`,
      `${fragment}=`,
      'v1=!!!!',
      'v1=',
      'v1=AAAAAAAAAAAA',
    ];
    for (const c of cases) {
      const r = decodeShareFragment(c);
      expect(r.ok, c).toBe(false);
      expect(!r.ok && r.reason, c).toBe('corrupt');
    }
  });

  it('never lets an edited link open a different run', async () => {
    const fragment = await encodeShareFragment(sample);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: fragment.length - 1 }),
        fc.integer({ min: 1, max: 63 }),
        (index, shift) => {
          const old = alphabet.indexOf(fragment[index]!);
          const edited =
            fragment.slice(0, index) + alphabet[(old + shift) % 64] + fragment.slice(index + 1);
          const r = decodeShareFragment(edited);
          // Deflate has a few redundant bits (e.g. lengths of unused codes): an edit there
          // changes nothing. Every edit that changes the content is caught by the checksum.
          if (r.ok) return JSON.stringify(r.state) === JSON.stringify(sample);
          return r.reason === 'corrupt' || r.reason === 'invalid';
        },
      ),
      { numRuns: 300 },
    );
    let refused = 0;
    for (let index = 3; index < fragment.length; index++) {
      for (const shift of [1, 32]) {
        const old = alphabet.indexOf(fragment[index]!);
        const edited =
          fragment.slice(0, index) + alphabet[(old + shift) % 64] + fragment.slice(index + 1);
        const r = decodeShareFragment(edited);
        if (r.ok) expect(r.state, `edit at ${index}`).toEqual(sample);
        else refused++;
      }
    }
    expect(refused).toBeGreaterThan((fragment.length - 3) * 2 * 0.95);
  });

  it('refuses well-formed links whose content breaks the schema', async () => {
    const encodeRaw = async (value: unknown) => {
      const json = new TextEncoder().encode(JSON.stringify(value));
      const body = await deflateNative(json);
      const bytes = new Uint8Array(4 + body.length);
      new DataView(bytes.buffer).setUint32(0, crc32(json));
      bytes.set(body, 4);
      return `v1=${toBase64Url(bytes)}`;
    };
    const base = { manifest: MANIFEST, seed: 1, actions: [], atMs: 0, speed: 1 };
    const bad = [
      null,
      [],
      { ...base, manifest: 3 },
      { ...base, seed: 1.5 },
      { ...base, atMs: -1 },
      { ...base, speed: 1000 },
      { ...base, lang: 'fr' },
      { ...base, theme: 'neon' },
      { ...base, panels: ['nope'] },
      { ...base, actions: [{ atMs: 0, action: { kind: 'rm -rf' } }] },
      { ...base, actions: [{ atMs: 0, action: { container: 'app' } }] },
      {
        ...base,
        actions: [
          { atMs: 10, action: { kind: 'kill-sandbox' } },
          { atMs: 5, action: { kind: 'kill-sandbox' } },
        ],
      },
    ];
    for (const value of bad) {
      const r = decodeShareFragment(await encodeRaw(value));
      expect(r.ok, JSON.stringify(value)).toBe(false);
      expect(!r.ok && r.reason, JSON.stringify(value)).toBe('invalid');
    }
  });

  it('round-trips random runs exactly', async () => {
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({
        kind: fc.constant('crash' as const),
        container: fc.string(),
        exitCode: fc.integer(),
      }),
      fc.record({ kind: fc.constant('oom-kill' as const), container: fc.string() }),
      fc.record({ kind: fc.constant('kill-sandbox' as const) }),
      fc.record({
        kind: fc.constant('probe-failure' as const),
        container: fc.string(),
        probe: fc.constantFrom('liveness' as const, 'readiness' as const, 'startup' as const),
        durationMs: fc.nat(),
      }),
      fc.record(
        {
          kind: fc.constant('delete-pod' as const),
          pod: fc.string(),
          gracePeriodSeconds: fc.nat(),
        },
        { requiredKeys: ['kind'] },
      ),
      fc.record({ kind: fc.constant('create-service' as const), name: fc.string() }),
    );
    const state: fc.Arbitrary<ShareState> = fc.record(
      {
        run: fc.record({
          manifest: fc.oneof(
            fc.string({ unit: 'binary', maxLength: 2000 }),
            fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
          ),
          seed: fc.integer(),
          actions: fc
            .array(fc.record({ atMs: fc.nat(), action }), { maxLength: 20 })
            .map((xs) => xs.sort((a, b) => a.atMs - b.atMs)),
        }),
        atMs: fc.nat(),
        speed: fc.double({ min: 0.25, max: 100, noNaN: true }),
        lang: fc.constantFrom('en' as const, 'zh-CN' as const),
        theme: fc.constantFrom('light' as const, 'dark' as const, 'auto' as const),
        panels: fc.subarray([...PANEL_IDS]),
      },
      { requiredKeys: ['run', 'atMs', 'speed'] },
    );
    await fc.assert(
      fc.asyncProperty(state, async (s) => {
        const r = decodeShareFragment(await encodeShareFragment(s));
        expect(r).toEqual({ ok: true, state: JSON.parse(JSON.stringify(s)) });
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe('codec', () => {
  it('base64url round-trips any bytes and refuses non-canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('QQ')).toEqual(new Uint8Array([65]));
    expect(fromBase64Url('QR')).toBeUndefined(); // spare bits set
    expect(fromBase64Url('Q')).toBeUndefined();
    expect(fromBase64Url('QQ==')).toBeUndefined();
    expect(fromBase64Url('Q+')).toBeUndefined();
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('inflates what CompressionStream deflates, and stored blocks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.string({ maxLength: 1000 }).map((s) => new TextEncoder().encode(s.repeat(3))),
        ),
        async (bytes) => {
          expect(inflateRaw(await deflateNative(bytes))).toEqual(bytes);
          expect(inflateRaw(deflateRawStored(bytes))).toEqual(bytes);
        },
      ),
      { numRuns: 50 },
    );
    const big = new Uint8Array(200_000).map((_, i) => (i * 7) % 251);
    expect(inflateRaw(deflateRawStored(big))).toEqual(big);
  }, 30_000);

  it('caps the output size', async () => {
    const zeros = await deflateNative(new Uint8Array(100_000));
    expect(() => inflateRaw(zeros, 50_000)).toThrow(/too large/);
  });
});
