import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPodscopeStore } from './store/createPodscopeStore.ts';
import { StoreProvider } from './store/StoreProvider.tsx';
import { App } from './views/App.tsx';
import { createSimClient } from './worker/client.ts';
import './styles/app.css';

const store = createPodscopeStore(createSimClient(), { manifest: '', seed: 1, actions: [] });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
