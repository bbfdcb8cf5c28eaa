import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { LibraryState } from './library-store';
import type { NavigationState } from './navigation-store';

/** The app's stores, injected so tests can give each render its own database. */
export interface AppStores {
  library: StoreApi<LibraryState>;
  navigation: StoreApi<NavigationState>;
}

const StoresContext = createContext<AppStores | null>(null);

/** Makes the stores available to every component below. */
export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider is missing above this component.');
  return stores;
}

/** Reads from the library store. */
export function useLibrary<T>(selector: (state: LibraryState) => T): T {
  return useStore(useStores().library, selector);
}

/** Reads from the navigation store. */
export function useNavigation<T>(selector: (state: NavigationState) => T): T {
  return useStore(useStores().navigation, selector);
}
