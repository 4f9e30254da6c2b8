/**
 * A simulation client that starts only when its instance is first visible and pauses while it is
 * off-screen (scrolled away, or a hidden tab), resuming when it comes back. Commands sent before
 * the start are queued; a `play` asked for while hidden waits for visibility.
 */
import type { SimClient, Transport } from '../worker/client.ts';
import type { Command, HostMessage } from '../worker/protocol.ts';

export interface GatedClient extends SimClient {
  /** Tells the gate whether the instance is on screen now. The first `true` starts the client. */
  setVisible(visible: boolean): void;
  readonly started: boolean;
}

export function createGatedClient(create: () => SimClient): GatedClient {
  const listeners = new Set<(msg: HostMessage) => void>();
  const queue: Command[] = [];
  let inner: SimClient | undefined;
  let visible = false;
  let playing = false;
  /** Play once visible again (paused by the gate, or asked to play while hidden). */
  let resume = false;
  let disposed = false;

  const deliver = (msg: HostMessage) => {
    if (msg.type === 'frame') playing = msg.frame.playing;
    for (const l of [...listeners]) l(msg);
  };

  const forward = (cmd: Command) => {
    if (inner) inner.send(cmd);
    else queue.push(cmd);
  };

  return {
    get transport(): Transport {
      return inner?.transport ?? 'worker';
    },
    get started() {
      return inner !== undefined;
    },
    send(cmd) {
      if (disposed) return;
      if (!visible) {
        if (cmd.type === 'play') {
          resume = true;
          return;
        }
        if (cmd.type === 'pause' || cmd.type === 'step' || cmd.type === 'nextEvent') resume = false;
        if (cmd.type === 'load' && cmd.autoplay) {
          resume = true;
          cmd = { ...cmd, autoplay: false };
        }
      }
      forward(cmd);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setVisible(next) {
      if (disposed || next === visible) return;
      visible = next;
      if (visible) {
        if (!inner) {
          inner = create();
          inner.onMessage(deliver);
          for (const cmd of queue.splice(0)) inner.send(cmd);
        }
        if (resume) {
          resume = false;
          inner.send({ type: 'play' });
        }
      } else if (inner && playing) {
        resume = true;
        inner.send({ type: 'pause' });
      }
    },
    dispose() {
      disposed = true;
      inner?.dispose();
      listeners.clear();
      queue.length = 0;
    },
  };
}
