import { MantineProvider, useMantineColorScheme } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { accord, onMenuCommand, onOpenFile } from '../platform/accord';
import { StoresProvider, useBackupStore, useEditorStore, useFileActions, useNavigation, useTemplatesStore, useWorkshopCommands, type AppStores } from '../store/stores';
import { actionOfMenuCommand } from '../../shared/model/workshop-actions';
import { importAccordFile } from '../features/library/import-accord';
import { runLibraryCommand } from './library-commands';
import { notify } from '../components/notify';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { AppHeader } from './AppHeader';
import { cssVariablesResolver, theme } from './theme';

// Loaded on demand, so the first screen parses and renders only what it shows.
const WorkshopScreen = lazy(() => import('../features/workshop/WorkshopScreen').then((module) => ({ default: module.WorkshopScreen })));
const VerifyScreen = lazy(() => import('../features/verify/VerifyScreen').then((module) => ({ default: module.VerifyScreen })));
const BackupsScreen = lazy(() => import('../features/backups/BackupsScreen').then((module) => ({ default: module.BackupsScreen })));
const NewWorkshopModal = lazy(() => import('../features/library/NewWorkshopModal').then((module) => ({ default: module.NewWorkshopModal })));
const PresenterScreen = lazy(() => import('../features/presenter/PresenterScreen').then((module) => ({ default: module.PresenterScreen })));
const ShortcutsModal = lazy(() => import('../features/session/ShortcutsModal').then((module) => ({ default: module.ShortcutsModal })));
const SettingsModal = lazy(() => import('../features/settings/SettingsModal').then((module) => ({ default: module.SettingsModal })));
const LazyNotifications = lazy(() => import('../components/LazyNotifications').then((module) => ({ default: module.LazyNotifications })));

/** Warms the on-demand chunks once the first screen is up, so opening a dialog never waits. */
function prefetchWhenIdle(): void {
  const prefetch = () => {
    void import('../features/library/NewWorkshopModal');
    void import('../components/ConfirmDialog');
    void import('../features/workshop/WorkshopScreen');
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(prefetch, { timeout: 2000 });
  else setTimeout(prefetch, 300);
}

/** The whole app, given its stores. `mantineEnv="test"` turns off transitions and portals for the component tests. */
export function App({ stores, mantineEnv = 'default' }: { stores: AppStores; mantineEnv?: 'default' | 'test' }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto" env={mantineEnv}>
      <StoresProvider stores={stores}>
        <Screens />
      </StoresProvider>
    </MantineProvider>
  );
}

function Screens() {
  const route = useNavigation((state) => state.route);
  const navigate = useNavigation((state) => state.navigate);
  const [creating, setCreating] = useState(false);
  const [afterFirstScreen, setAfterFirstScreen] = useState(false);
  const [dialog, setDialog] = useState<'shortcuts' | 'settings' | null>(null);
  // The theme is a setting of this computer (Mantine keeps it in localStorage); "auto" follows the OS.
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const editor = useEditorStore();
  const templates = useTemplatesStore();
  const files = useFileActions();
  const backups = useBackupStore();
  const workshopCommands = useWorkshopCommands();

  // The shell follows the choice: native dialogs, the title bar, the View → Theme menu's radio items.
  useEffect(() => {
    accord.setTheme({ theme: colorScheme === 'auto' ? 'system' : colorScheme }).catch(() => undefined);
  }, [colorScheme]);

  // An .accord file opened outside the page (double-click, File → Open…, Open Recent) takes the Import button's path.
  useEffect(() => onOpenFile((file) => void importAccordFile(files, navigate, new File([file.content], file.name, { type: 'application/json' }))), [files, navigate]);

  useEffect(() => {
    const timer = setTimeout(() => {
      setAfterFirstScreen(true);
      prefetchWhenIdle();
      void templates.getState().load();
    }, 0);
    return () => clearTimeout(timer);
  }, [templates]);

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'app:before-close') {
          // The last edits and the quit backup, then the window may close (main closes anyway after 5 s).
          void editor
            .getState()
            .flush()
            .then(() => backups.getState().beforeClose())
            .catch(() => undefined)
            .finally(() => void accord.closeReady({}).catch(() => undefined));
        }
        // A workshop action (its ⋯ menu, palette and shortcuts run the same one) goes to the open workshop first.
        const action = actionOfMenuCommand(command);
        if (action && workshopCommands.run(action)) return;
        if (command === 'workshop:new') setCreating(true);
        if (command === 'library:show') navigate({ screen: 'library' });
        if (command === 'view:theme-system') setColorScheme('auto');
        if (command === 'view:theme-light') setColorScheme('light');
        if (command === 'view:theme-dark') setColorScheme('dark');
        if (command === 'library:backups' || command === 'library:import' || command === 'library:export') runLibraryCommand(command, { navigate, backups });
        if (command === 'help:verify') navigate({ screen: 'verify' });
        if (command === 'help:shortcuts') setDialog('shortcuts');
        if (command === 'app:settings') setDialog('settings');
        if (command === 'view:presenter') notify({ message: 'Open a workshop first; the presenter view shows the workshop being discussed.' });
        else if (command === 'export:pdf' || command === 'export:markdown' || command === 'export:accord') notify({ message: 'Open a workshop first; File → Export exports the workshop on screen.' });
        else if (action && command !== 'help:shortcuts' && command !== 'view:command-palette' && command !== 'edit:undo' && command !== 'edit:redo') notify({ message: 'Open a workshop first; the Workshop menu acts on the workshop on screen.' });
      }),
    [navigate, setColorScheme, editor, backups, workshopCommands],
  );

  if (route.screen === 'presenter') {
    return (
      <Suspense fallback={<div className="accord-spinner" role="status" aria-label="Opening the presenter view" />}>
        <PresenterScreen workshopId={route.workshopId} />
      </Suspense>
    );
  }
  return (
    <div className="app-frame">
      <AppHeader />
      <main>
        {route.screen === 'library' ? (
          <LibraryScreen onNewWorkshop={() => setCreating(true)} />
        ) : route.screen === 'verify' ? (
          <Suspense fallback={<div className="accord-spinner" role="status" aria-label="Opening Verify" />}>
            <VerifyScreen />
          </Suspense>
        ) : route.screen === 'backups' ? (
          <Suspense fallback={<div className="accord-spinner" role="status" aria-label="Opening Backups" />}>
            <BackupsScreen />
          </Suspense>
        ) : (
          <Suspense fallback={<div className="accord-spinner" role="status" aria-label="Opening the workshop" />}>
            <WorkshopScreen workshopId={route.workshopId} section={route.section} />
          </Suspense>
        )}
      </main>
      <Suspense fallback={null}>
        {afterFirstScreen && <LazyNotifications />}
        {dialog === 'shortcuts' && <ShortcutsModal withAppShortcuts onClose={() => setDialog(null)} />}
        {dialog === 'settings' && <SettingsModal onClose={() => setDialog(null)} />}
        {creating && (
          <NewWorkshopModal
            opened
            onClose={() => setCreating(false)}
            onCreated={(id) => {
              setCreating(false);
              navigate({ screen: 'workshop', workshopId: id });
            }}
          />
        )}
      </Suspense>
    </div>
  );
}
