import type { ThemeChoice } from './menu';

/**
 * The colour theme chosen in the app (header button or View → Theme): native
 * dialogs and the title bar follow it at once, and the menu, which shows it,
 * is rebuilt only when it changed.
 */
export class ThemeFollower {
  #choice: ThemeChoice = 'system';
  readonly #apply: (choice: ThemeChoice) => void;
  readonly #changed: () => void;

  constructor(options: { apply(choice: ThemeChoice): void; changed(): void }) {
    this.#apply = options.apply;
    this.#changed = options.changed;
  }

  /** The theme the menu shows as checked. */
  get choice(): ThemeChoice {
    return this.#choice;
  }

  /** Follows a choice: applied every time (the OS may have been changed under it), the menu rebuilt when it differs. */
  follow(choice: ThemeChoice): void {
    this.#apply(choice);
    if (choice === this.#choice) return;
    this.#choice = choice;
    this.#changed();
  }
}
