/**
 * Share links: a whole run — manifest, seed, actions — plus the moment, speed, language and
 * view options, carried in the URL fragment as `#v1=<payload>` (the fragment never reaches a
 * server).
 *
 * payload = base64url( CRC-32 of the JSON, 4 bytes big-endian ‖ deflate-raw(JSON as UTF-8) )
 *
 * Encoding uses CompressionStream('deflate-raw') when the browser has it, else stored blocks
 * (valid DEFLATE, uncompressed). Decoding is synchronous and pure (codec/inflate.ts), so a link
 * restores before the first render. Anything edited, truncated, from another version or
 * outside the schema is refused with a reason; the caller then shows a message and the default
 * scenario.
 */
import type { Locale } from '../i18n/index.ts';
import type { Run, TimedAction } from '../worker/protocol.ts';
import { crc32, fromBase64Url, toBase64Url } from './codec/bytes.ts';
import { deflateRawStored, inflateRaw } from './codec/inflate.ts';
import {
  isPanelId,
  MAX_SPEED,
  MIN_SPEED,
  parseLang,
  parseTheme,
  type PanelId,
  type Theme,
} from './params.ts';
import { isObject, validateAction } from './actionCheck.ts';

export const SHARE_VERSION = 1;
const PREFIX = `v${SHARE_VERSION}=`;

/** Refuse absurd fragments before decoding, and cap what they may expand to. */
export const MAX_FRAGMENT_CHARS = 256 * 1024;
export const MAX_DECODED_BYTES = 1024 * 1024;

export interface ShareState {
  run: Run;
  /** The simulated moment to reopen at (paused). */
  atMs: number;
  speed: number;
  lang?: Locale;
  theme?: Theme;
  panels?: PanelId[];
}

export type ShareFailure = 'outdated' | 'corrupt' | 'invalid';

export type DecodeResult =
  | { ok: true; state: ShareState }
  /** The fragment is not a share link at all (empty, or an ordinary anchor): ignore it. */
  | { ok: false; reason: 'none' }
  | { ok: false; reason: ShareFailure; detail: string };

// ---------------------------------------------------------------------------
// Encode
// ---------------------------------------------------------------------------

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof CompressionStream === 'undefined') return deflateRawStored(bytes);
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The fragment for a state, without `#`: `v1=…`. */
export async function encodeShareFragment(state: ShareState): Promise<string> {
  const checked = validateState(toWire(state));
  if (typeof checked === 'string') throw new Error(`cannot share this state: ${checked}`);
  const json = new TextEncoder().encode(JSON.stringify(toWire(state)));
  const body = await deflate(json);
  const bytes = new Uint8Array(4 + body.length);
  new DataView(bytes.buffer).setUint32(0, crc32(json));
  bytes.set(body, 4);
  return PREFIX + toBase64Url(bytes);
}

/** `base` (any URL) with its fragment replaced by the state's. */
export async function shareUrl(base: string, state: ShareState): Promise<string> {
  const url = new URL(base);
  url.hash = await encodeShareFragment(state);
  return url.toString();
}

function toWire(s: ShareState): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    manifest: s.run.manifest,
    seed: s.run.seed,
    actions: s.run.actions.map((a) => ({ atMs: a.atMs, action: a.action })),
    atMs: s.atMs,
    speed: s.speed,
  };
  if (s.lang !== undefined) wire.lang = s.lang;
  if (s.theme !== undefined) wire.theme = s.theme;
  if (s.panels !== undefined) wire.panels = s.panels;
  return wire;
}

// ---------------------------------------------------------------------------
// Decode
// ---------------------------------------------------------------------------

/** Reads a fragment (`#v1=…` or `v1=…`). Never throws. */
export function decodeShareFragment(fragment: string): DecodeResult {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const m = /^v(\d{1,4})=/.exec(text);
  if (!m) return { ok: false, reason: 'none' };
  if (Number(m[1]) !== SHARE_VERSION)
    return {
      ok: false,
      reason: 'outdated',
      detail: `the link has format v${m[1]}; this Podscope reads v${SHARE_VERSION}`,
    };
  const payload = text.slice(m[0].length);
  if (payload.length > MAX_FRAGMENT_CHARS)
    return { ok: false, reason: 'corrupt', detail: 'the link is too long' };
  const bytes = fromBase64Url(payload);
  if (!bytes || bytes.length < 5)
    return { ok: false, reason: 'corrupt', detail: 'the link is not valid base64url' };
  let json: Uint8Array;
  try {
    json = inflateRaw(bytes.subarray(4), MAX_DECODED_BYTES);
  } catch (err) {
    return {
      ok: false,
      reason: 'corrupt',
      detail: `the link does not decompress (${message(err)})`,
    };
  }
  const expected = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  if (crc32(json) !== expected)
    return { ok: false, reason: 'corrupt', detail: 'the link was altered (checksum mismatch)' };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (err) {
    return { ok: false, reason: 'corrupt', detail: `the link is not JSON (${message(err)})` };
  }
  const state = validateState(data);
  if (typeof state === 'string') return { ok: false, reason: 'invalid', detail: state };
  return { ok: true, state };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const isMs = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** Returns the state, or a sentence saying what is wrong. */
function validateState(data: unknown): ShareState | string {
  if (!isObject(data)) return 'the link does not hold a run';
  const { manifest, seed, actions, atMs, speed, lang, theme, panels } = data;
  if (typeof manifest !== 'string' && !isObject(manifest))
    return 'the manifest must be YAML text or an object';
  if (!Number.isSafeInteger(seed)) return 'the seed must be an integer';
  if (!Array.isArray(actions)) return 'the actions must be a list';
  const timed: TimedAction[] = [];
  let last = 0;
  for (const item of actions) {
    if (!isObject(item) || !isMs(item.atMs)) return 'each action needs an atMs ≥ 0';
    if (item.atMs < last) return 'the actions are not in time order';
    last = item.atMs;
    const action = validateAction(item.action);
    if (typeof action === 'string') return action;
    timed.push({ atMs: item.atMs, action });
  }
  if (!isMs(atMs)) return 'the time must be an integer ≥ 0';
  if (typeof speed !== 'number' || !(speed >= MIN_SPEED && speed <= MAX_SPEED))
    return `the speed must be from ${MIN_SPEED} to ${MAX_SPEED}`;
  const state: ShareState = {
    run: { manifest: manifest as Run['manifest'], seed: seed as number, actions: timed },
    atMs,
    speed,
  };
  if (lang !== undefined) {
    const parsed = typeof lang === 'string' ? parseLang(lang) : undefined;
    const l = parsed === lang && parsed !== 'pseudo' ? parsed : undefined;
    if (!l) return 'unknown language';
    state.lang = l;
  }
  if (theme !== undefined) {
    const t = typeof theme === 'string' ? parseTheme(theme) : undefined;
    if (t === undefined || t !== theme) return 'unknown theme';
    state.theme = t;
  }
  if (panels !== undefined) {
    if (!Array.isArray(panels) || !panels.every((p) => typeof p === 'string' && isPanelId(p)))
      return 'unknown panels';
    state.panels = panels as PanelId[];
  }
  return state;
}
