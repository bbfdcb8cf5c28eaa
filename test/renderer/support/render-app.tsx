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
  // The editor's clock (undo coalescing) stands still unless a test moves it: keystrokes of one field are one step
  // however slowly the test DOM renders them; `advanceEditorClock` makes a pause.
  let editorNow = 1_750_000_000_000;
  const stores = createAppStores(db, { now: () => (now += 1000), newId: () => `w${(id += 1)}`, saveDelayMs: 50, editorClock: () => editorNow });
  await stores.library.getState().load();
  const user = userEvent.setup();
  const view = render(<App stores={stores} mantineEnv="test" />);
  const advanceEditorClock = (ms: number) => void (editorNow += ms);
  return { ...view, user, db, repository: stores.workshops, advanceEditorClock, ...stores };
}
