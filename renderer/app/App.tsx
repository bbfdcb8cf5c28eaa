import { AppShell, Loader, Group, MantineProvider, useMantineColorScheme } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useState } from 'react';
import { onMenuCommand } from '../platform/accord';
import { StoresProvider, useNavigation, type AppStores } from '../store/stores';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { NewWorkshopModal } from '../features/library/NewWorkshopModal';
import { AppHeader } from './AppHeader';
import { theme } from './theme';

// The workshop editor grows large; loading it on demand keeps the first screen fast.
const WorkshopScreen = lazy(() => import('../features/workshop/WorkshopScreen').then((module) => ({ default: module.WorkshopScreen })));

/** The whole app, given its stores. `mantineEnv="test"` turns off transitions and portals for jsdom tests. */
export function App({ stores, mantineEnv = 'default' }: { stores: AppStores; mantineEnv?: 'default' | 'test' }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" env={mantineEnv}>
      <ModalsProvider>
        <Notifications position="bottom-right" />
        <StoresProvider stores={stores}>
          <Screens />
        </StoresProvider>
      </ModalsProvider>
    </MantineProvider>
  );
}

function Screens() {
  const route = useNavigation((state) => state.route);
  const navigate = useNavigation((state) => state.navigate);
  const [creating, setCreating] = useState(false);
  const { toggleColorScheme } = useMantineColorScheme();

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'workshop:new') setCreating(true);
        if (command === 'library:show') navigate({ screen: 'library' });
        if (command === 'view:toggle-theme') toggleColorScheme();
      }),
    [navigate, toggleColorScheme],
  );

  return (
    <AppShell header={{ height: 64 }} padding={0}>
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Main>
        {route.screen === 'library' ? (
          <LibraryScreen onNewWorkshop={() => setCreating(true)} />
        ) : (
          <Suspense
            fallback={
              <Group justify="center" py={80}>
                <Loader aria-label="Opening the workshop" />
              </Group>
            }
          >
            <WorkshopScreen workshopId={route.workshopId} />
          </Suspense>
        )}
      </AppShell.Main>
      <NewWorkshopModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate({ screen: 'workshop', workshopId: id });
        }}
      />
    </AppShell>
  );
}
