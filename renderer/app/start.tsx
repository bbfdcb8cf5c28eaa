import './mantine-styles';
import '@fontsource-variable/inter/wght.css';
import './first-screen.css';
import './app.css';
import { createRoot } from 'react-dom/client';
import type { WorkshopRecord } from '../../shared/model/workshop';
import type { AccordDatabase } from '../db/database';
import { hasShell } from '../platform/accord';
import { requestPersistentStorage } from '../platform/storage';
import { startAutomaticBackups } from '../store/backup-store';
import { createAppStores } from '../store/create-stores';
import { createNavigationStore, windowLocation } from '../store/navigation-store';
import { App } from './App';

/** Longest we hold the first render for the library read; past it, the screen shows a loader. */
const FIRST_RENDER_WAIT_MS = 400;

/** Creates the stores over the open database and renders the app. */
export async function startApp(db: AccordDatabase, pendingWorkshops: Promise<WorkshopRecord[]>): Promise<void> {
  const stores = createAppStores(db, { navigation: createNavigationStore(windowLocation()) });
  const loaded = stores.library.getState().load(pendingWorkshops);
  // Never lose the last second: write pending edits when the window is hidden or closed.
  const flush = () => void stores.editor.getState().flush();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', flush);
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element.');
  createRoot(root).render(<App stores={stores} />);
  void requestPersistentStorage();
  // The branding (a setting) is read once the browser is idle: the first screen never shows it.
  const loadBranding = () => void stores.branding.getState().load();
  if ('requestIdleCallback' in window) window.requestIdleCallback(loadBranding, { timeout: 3000 });
  else setTimeout(loadBranding, 500);
  // Automatic backups of the whole library, from the main window only (the presenter window only follows), and only
  // with a shell to write them; started when idle, as they read the backups folder once.
  if (hasShell() && stores.navigation.getState().route.screen !== 'presenter') {
    const startBackups = () => void startAutomaticBackups(db, stores.backups);
    if ('requestIdleCallback' in window) window.requestIdleCallback(startBackups, { timeout: 3000 });
    else setTimeout(startBackups, 500);
  }
}
