import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SimClient } from '../worker/client.ts';
import { createPodscopeStore } from './createPodscopeStore.ts';
import { StoreProvider, usePodscope } from './StoreProvider.tsx';

const client: SimClient = {
  transport: 'in-thread',
  send: () => {},
  onMessage: () => () => {},
  dispose: () => {},
};

function Theme() {
  return <span>{usePodscope((s) => s.theme)}</span>;
}

describe('StoreProvider / usePodscope', () => {
  it('reads the nearest instance’s store', () => {
    const dark = createPodscopeStore(
      client,
      { manifest: '', seed: 1, actions: [] },
      {
        ui: { theme: 'dark' },
      },
    );
    const light = createPodscopeStore(
      client,
      { manifest: '', seed: 1, actions: [] },
      {
        ui: { theme: 'light' },
      },
    );
    const html = renderToString(
      <StoreProvider store={dark}>
        <Theme />
        <StoreProvider store={light}>
          <Theme />
        </StoreProvider>
      </StoreProvider>,
    );
    expect(html).toBe('<span>dark</span><span>light</span>');
  });

  it('throws PS001 outside a provider', () => {
    expect(() => renderToString(<Theme />)).toThrow(/PS001/);
  });
});
