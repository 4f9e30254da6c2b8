import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPodscopeStore } from './store/createPodscopeStore.ts';
import { StoreProvider } from './store/StoreProvider.tsx';
import { App } from './views/App.tsx';
import { DEFAULT_RUN } from './views/defaultRun.ts';
import { createSimClient } from './worker/client.ts';
import './styles/app.css';

const store = createPodscopeStore(createSimClient(), DEFAULT_RUN);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
