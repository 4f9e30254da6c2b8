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
  /** Keeps the client from starting until the returned function is called (e.g. a run loading). */
  hold(): () => void;
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
  let holds = 0;

  const deliver = (msg: HostMessage) => {
    if (msg.type === 'frame') playing = msg.frame.playing;
    for (const l of [...listeners]) l(msg);
  };

  const forward = (cmd: Command) => {
    if (inner) return inner.send(cmd);
    // A load replaces the whole simulation: what was queued before it no longer matters,
    // except the speed, which outlives loads.
    if (cmd.type === 'load') {
      const kept = queue.filter((c) => c.type === 'setSpeed');
      queue.length = 0;
      queue.push(...kept);
    }
    queue.push(cmd);
  };

  const start = () => {
    if (inner || disposed || !visible || holds > 0) return;
    inner = create();
    inner.onMessage(deliver);
    for (const c of queue.splice(0)) inner.send(c);
    if (resume) {
      resume = false;
      inner.send({ type: 'play' });
    }
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
        if (!inner) return start();
        if (resume) {
          resume = false;
          inner.send({ type: 'play' });
        }
      } else if (inner && playing) {
        resume = true;
        inner.send({ type: 'pause' });
      }
    },
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        start();
      };
    },
    dispose() {
      disposed = true;
      inner?.dispose();
      listeners.clear();
      queue.length = 0;
    },
  };
}
