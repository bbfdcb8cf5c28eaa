import { buildRendererForProduction } from '../../build/scripts/build-renderer';

/** End-to-end tests run the production build: build it once, fresh, before they start. */
export function setup(): void {
  buildRendererForProduction();
}
