import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@fontsource-variable/inter/wght.css';
import './app/app.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { getDatabase } from './db/database';
import { WorkshopRepository } from './db/workshop-repository';
import { requestPersistentStorage } from './platform/storage';
import { createLibraryStore } from './store/library-store';
import { createNavigationStore, windowLocation } from './store/navigation-store';

const library = createLibraryStore(new WorkshopRepository(getDatabase()));
const navigation = createNavigationStore(windowLocation());
void library.getState().load();
void requestPersistentStorage();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(<App stores={{ library, navigation }} />);
