import './mantine-styles';
import '@fontsource-variable/inter/wght.css';
import './first-screen.css';
import './app.css';
import { createRoot } from 'react-dom/client';
import type { WorkshopRecord } from '../../shared/model/workshop';
import type { AccordDatabase } from '../db/database';
import { WorkshopRepository } from '../db/workshop-repository';
import { requestPersistentStorage } from '../platform/storage';
import { createLibraryStore } from '../store/library-store';
import { createNavigationStore, windowLocation } from '../store/navigation-store';
import { App } from './App';

/** Longest we hold the first render for the library read; past it, the screen shows a loader. */
const FIRST_RENDER_WAIT_MS = 400;

/** Creates the stores over the open database and renders the app. */
export async function startApp(db: AccordDatabase, pendingWorkshops: Promise<WorkshopRecord[]>): Promise<void> {
  const library = createLibraryStore(new WorkshopRepository(db));
  const navigation = createNavigationStore(windowLocation());
  const loaded = library.getState().load(pendingWorkshops);
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element.');
  createRoot(root).render(<App stores={{ library, navigation }} />);
  void requestPersistentStorage();
}
