import { PlaybackControls } from './controls/PlaybackControls.tsx';

export function App() {
  return (
    <div className="podscope-root">
      <header className="podscope-header">
        <h1 className="podscope-logo">
          Pod<span>scope</span>
        </h1>
      </header>
      <main className="podscope-main">
        <PlaybackControls />
      </main>
    </div>
  );
}
