import { createStore, type StoreApi } from 'zustand/vanilla';

import { sections, type SectionId } from '../../shared/model/sections';

/** Where the person is in the app. Kept in the URL hash so a reload returns to the same place. */
export type Route = { screen: 'library' } | { screen: 'verify' } | { screen: 'backups' } | { screen: 'workshop'; workshopId: string; section?: SectionId } | { screen: 'presenter'; workshopId: string };

const sectionIds = new Set<string>(sections.map((section) => section.id));

/** Reads a route from a location hash such as "#/workshop/ID/revenue". Anything unknown is the library. */
export function parseRoute(hash: string): Route {
  if (hash === '#/verify') return { screen: 'verify' };
  if (hash === '#/backups') return { screen: 'backups' };
  const presenter = /^#\/presenter\/([A-Za-z0-9-]{1,64})$/u.exec(hash);
  if (presenter?.[1]) return { screen: 'presenter', workshopId: presenter[1] };
  const match = /^#\/workshop\/([A-Za-z0-9-]{1,64})(?:\/([a-z]{1,20}))?$/u.exec(hash);
  if (!match?.[1]) return { screen: 'library' };
  const section = match[2];
  return section && sectionIds.has(section) ? { screen: 'workshop', workshopId: match[1], section: section as SectionId } : { screen: 'workshop', workshopId: match[1] };
}

/** The location hash of a route. */
export function routeToHash(route: Route): string {
  if (route.screen === 'library') return '#/';
  if (route.screen === 'verify') return '#/verify';
  if (route.screen === 'backups') return '#/backups';
  if (route.screen === 'presenter') return `#/presenter/${route.workshopId}`;
  return route.section ? `#/workshop/${route.workshopId}/${route.section}` : `#/workshop/${route.workshopId}`;
}

/** Navigation state and its one action. */
export interface NavigationState {
  route: Route;
  navigate(route: Route): void;
}

/** Creates the navigation store, in step with `window.location.hash` when a window is given. */
export function createNavigationStore(location?: { hash: string; addListener(listener: () => void): void; setHash(hash: string): void }): StoreApi<NavigationState> {
  const store = createStore<NavigationState>()((set) => ({
    route: location ? parseRoute(location.hash) : { screen: 'library' },
    navigate(route) {
      set({ route });
      location?.setHash(routeToHash(route));
    },
  }));
  location?.addListener(() => store.setState({ route: parseRoute(location.hash) }));
  return store;
}

/** Binds the navigation store to the browser window's hash. */
export function windowLocation(): { hash: string; addListener(listener: () => void): void; setHash(hash: string): void } {
  return {
    get hash() {
      return window.location.hash;
    },
    addListener(listener) {
      window.addEventListener('hashchange', listener);
    },
    setHash(hash) {
      if (window.location.hash !== hash) window.location.hash = hash;
    },
  };
}
