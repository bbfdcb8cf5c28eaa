import { useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconArchive, IconDeviceDesktop, IconHeartHandshake, IconMoon, IconSettings, IconSun } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useNavigation } from '../store/stores';

// The settings dialog (Mantine, the colour picker) loads only when opened.
const SettingsModal = lazy(() => import('../features/settings/SettingsModal').then((module) => ({ default: module.SettingsModal })));

const schemes: { scheme: MantineColorScheme; label: string; Icon: typeof IconSun }[] = [
  { scheme: 'auto', label: 'follow the system', Icon: IconDeviceDesktop },
  { scheme: 'light', label: 'light', Icon: IconSun },
  { scheme: 'dark', label: 'dark', Icon: IconMoon },
];

/** The bar above every screen: the wordmark (back to the library), the app settings and the colour theme. */
export function AppHeader() {
  const navigate = useNavigation((state) => state.navigate);
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const index = Math.max(0, schemes.findIndex((entry) => entry.scheme === colorScheme));
  const current = schemes[index]!;
  const next = schemes[(index + 1) % schemes.length]!;
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <header className="app-header">
      <nav aria-label="Application">
        <button type="button" className="app-wordmark" onClick={() => navigate({ screen: 'library' })} aria-label="Accord, back to the workshop library">
          <IconHeartHandshake size={30} stroke={1.6} color="var(--mantine-primary-color-filled)" aria-hidden />
          Accord
        </button>
      </nav>
      <div className="app-header-actions">
        <button type="button" className="accord-icon-button" onClick={() => navigate({ screen: 'backups' })} aria-label="Backups" title="Backups: restore the library, export or import it">
          <IconArchive size={20} stroke={1.7} aria-hidden />
        </button>
        <button type="button" className="accord-icon-button" onClick={() => setSettingsOpen(true)} aria-label="Settings" title="Settings: your branding (name, logo, accent colour)">
          <IconSettings size={20} stroke={1.7} aria-hidden />
        </button>
        <button
          type="button"
          className="accord-icon-button"
          onClick={() => setColorScheme(next.scheme)}
          aria-label={`Colour theme: ${current.label}. Switch to ${next.label}`}
          title={`Colour theme: ${current.label} (click for ${next.label})`}
        >
          <current.Icon size={20} stroke={1.7} aria-hidden />
        </button>
      </div>
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsModal onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
    </header>
  );
}
