import './styles/app.css';
import { startApp } from './embed/startApp.ts';

// The app and the iframe embed (`?embed=1`) mount through the same path as the <pod-scope>
// element: src/embed/mount.tsx (a worker, a store and a React root per instance).
void startApp(document.getElementById('root')!);
