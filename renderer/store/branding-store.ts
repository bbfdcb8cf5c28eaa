/**
 * The consultant's branding (name or firm, logo, accent colour): a setting of
 * this computer, used by the PDF cover and header and by the presenter window.
 * It lives in the database (`settings`), read lazily after the first screen,
 * validated on read (a damaged value is ignored, never fatal); a value left in
 * localStorage by earlier versions is moved there once.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Branding, BrandingInput } from '../../shared/model/branding';
import { MAX_LOGO_BYTES } from '../../shared/model/limits';
import { ACCORD_BRAND_COLOUR } from '../../shared/model/brand-colour';

export type { Branding } from '../../shared/model/branding';

/** Where the branding is kept (the settings repository; tests may pass their own). */
export interface BrandingSource {
  getBranding(): Promise<Branding | null>;
  /** Validates and keeps the branding (null removes it); throws with a message on invalid input. */
  putBranding(input: BrandingInput | null): Promise<Branding | null>;
}

/** The localStorage key earlier versions kept the branding under. */
export const LEGACY_BRANDING_KEY = 'accord.branding';

export interface BrandingState {
  branding: Branding | null;
  /** True once read from the database (or at once when there is none). */
  loaded: boolean;
  /**
   * Saves the branding; an empty name with no logo and no accent clears it.
   * Invalid input is refused by throwing with the message, changing nothing.
   */
  save(branding: BrandingInput): Promise<void>;
  /** Reads the branding (once; later calls wait for the same read). */
  load(): Promise<void>;
}

function legacyStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Moves a branding left in localStorage by earlier versions into the source, once; the stored one wins. */
async function migrateLegacy(source: BrandingSource, stored: Branding | null): Promise<Branding | null> {
  const storage = legacyStorage();
  const raw = storage?.getItem(LEGACY_BRANDING_KEY);
  if (!storage || raw === null || raw === undefined) return stored;
  let migrated = stored;
  if (stored === null) {
    try {
      const legacy = JSON.parse(raw) as { name?: unknown; logoDataUrl?: unknown };
      migrated = await source.putBranding({ name: typeof legacy.name === 'string' ? legacy.name : '', logoDataUrl: typeof legacy.logoDataUrl === 'string' ? legacy.logoDataUrl : undefined });
    } catch {
      migrated = null; // damaged: dropped, as the old store would have ignored it
    }
  }
  storage.removeItem(LEGACY_BRANDING_KEY);
  return migrated;
}

/** A branding store over a source (none: nothing is stored, the branding starts empty); createAppStores makes the app's, over its database. */
export function createBrandingStore(initialSource: BrandingSource | (() => Promise<BrandingSource>) | null = null): StoreApi<BrandingState> {
  let source = initialSource;
  let reading: Promise<void> | null = null;
  // Bumped by every save, so a read that finishes late never overwrites newer state.
  let generation = 0;
  const resolveSource = async (): Promise<BrandingSource | null> => (typeof source === 'function' ? (source = await source()) : source);

  return createStore<BrandingState>()((set) => ({
    branding: null,
    loaded: initialSource === null,
    load() {
      reading ??= (async () => {
        const started = generation;
        let branding: Branding | null = null;
        try {
          const current = await resolveSource();
          if (current) branding = await migrateLegacy(current, await current.getBranding());
        } catch {
          branding = null; // an unreadable setting is no branding, never a broken app
        }
        if (started === generation) set({ branding, loaded: true });
      })();
      return reading;
    },
    async save(input) {
      const current = await resolveSource();
      let branding: Branding | null;
      if (current) {
        branding = await current.putBranding(input);
      } else {
        const { validateBranding } = await import('../../shared/model/branding');
        const checked = validateBranding(input);
        if (!checked.ok) throw new Error(checked.message);
        branding = checked.branding;
      }
      generation += 1;
      set({ branding, loaded: true });
    },
  }));
}

function readBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read the file.`));
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * Reads a logo file the person picked into a data URL of its real type;
 * throws with a message naming the file when it is not a PNG, JPEG or clean
 * SVG, or is over MAX_LOGO_BYTES (checked before reading it).
 */
export async function logoFromFile(file: File): Promise<string> {
  const { checkLogo, logoTooLargeMessage } = await import('../../shared/model/branding');
  if (file.size > MAX_LOGO_BYTES) throw new Error(logoTooLargeMessage(file.name, file.size));
  const checked = checkLogo(await readBytes(file), file.type, file.name);
  if (!checked.ok) throw new Error(checked.message);
  return checked.dataUrl;
}

/** The accent colour to use: the consultant's, else Accord's own brand colour (for the presenter window). */
export function accentOf(branding: Pick<Branding, 'accent'> | null | undefined): string {
  return branding?.accent ?? ACCORD_BRAND_COLOUR;
}
