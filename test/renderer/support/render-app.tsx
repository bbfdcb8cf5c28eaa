import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/app/App';
import { AccordDatabase } from '../../../renderer/db/database';
import { createAppStores } from '../../../renderer/store/create-stores';

let counter = 0;

/** A fresh database with a unique name, so tests never share state. */
export function freshDatabase(): AccordDatabase {
  counter += 1;
  return new AccordDatabase(`accord-test-${Date.now()}-${counter}`);
}

/** Renders the whole app over a fresh (or given) database, loaded and ready. */
export async function renderApp(db: AccordDatabase = freshDatabase()) {
  let now = 1_750_000_000_000;
  let id = 0;
  const stores = createAppStores(db, { now: () => (now += 1000), newId: () => `w${(id += 1)}`, saveDelayMs: 50 });
  await stores.library.getState().load();
  const user = userEvent.setup();
  const view = render(<App stores={stores} mantineEnv="test" />);
  return { ...view, user, db, repository: stores.workshops, ...stores };
}
