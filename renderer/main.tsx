/**
 * Start-up entry, kept tiny on purpose: it opens the database and starts
 * reading the library at once, while the UI chunk (React, Mantine) is still
 * loading. The UI then renders once, with the data already there.
 */
import { getDatabase } from './db/database';
import { readWorkshops } from './db/workshop-queries';

const db = getDatabase();
const workshops = readWorkshops(db);
workshops.catch(() => undefined); // the UI reports a failed read; never an unhandled rejection here

void import('./app/start').then(({ startApp }) => startApp(db, workshops));
