import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/app/App';
import { AccordDatabase } from '../../../renderer/db/database';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { createLibraryStore } from '../../../renderer/store/library-store';
import { createNavigationStore } from '../../../renderer/store/navigation-store';

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
  const repository = new WorkshopRepository(db, () => (now += 1000), () => `w${(id += 1)}`);
  const library = createLibraryStore(repository);
  const navigation = createNavigationStore();
  await library.getState().load();
  const user = userEvent.setup();
  const view = render(<App stores={{ library, navigation }} mantineEnv="test" />);
  return { ...view, user, db, repository, library, navigation };
}
