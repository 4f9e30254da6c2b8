/**
 * The typed, versioned protocol between the page and the simulation host.
 * The same messages travel over a Web Worker and over the same-thread
 * fallback, so both behave identically.
 */
export const PROTOCOL_VERSION = 1 as const;

/** Page → host. Imperative camelCase. */
export type Command =
  | { type: 'load'; run: Run }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'setSpeed'; speed: number }
  | { type: 'seek'; ms: number }
  | { type: 'reset' };

/** A run: the unit of share links, lesson steps and tests. */
export interface Run {
  manifest: string;
  seed: number;
}

/** One rendering of the simulation, sent at most once per animation frame. */
export interface Frame {
  nowMs: number;
  playing: boolean;
  speed: number;
}

/** Host → page. Nouns. */
export type HostMessage =
  | { type: 'ready'; version: typeof PROTOCOL_VERSION }
  | { type: 'frame'; frame: Frame }
  | { type: 'error'; code: HostErrorCode; message: string };

export type HostErrorCode = 'bad-command' | 'engine' | 'version';

export interface Envelope<T> {
  v: typeof PROTOCOL_VERSION;
  msg: T;
}

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 100;

export function wrap<T>(msg: T): Envelope<T> {
  return { v: PROTOCOL_VERSION, msg };
}

/** Validates an incoming envelope; returns the message or an error string. */
export function unwrapCommand(data: unknown): Command | string {
  if (!data || typeof data !== 'object') return 'message is not an object';
  const env = data as Partial<Envelope<unknown>>;
  if (env.v !== PROTOCOL_VERSION)
    return `protocol version ${String(env.v)} is not ${PROTOCOL_VERSION}`;
  const msg = env.msg as { type?: unknown } | undefined;
  if (!msg || typeof msg.type !== 'string') return 'message has no type';
  return msg as Command;
}
