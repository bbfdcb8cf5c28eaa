/**
 * The consultant's branding for the PDF cover: their name or firm and an
 * optional logo. A preference of this computer (like the theme), so it lives
 * in localStorage, validated on read; a damaged value is ignored, never fatal.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** What the cover page shows above the title. */
export interface Branding {
  name: string;
  /** A PNG or JPEG data URL. */
  logoDataUrl?: string;
}

const KEY = 'accord.branding';
/** Largest logo we keep (as a file); the PDF stays light and localStorage has room. */
export const MAX_LOGO_BYTES = 400 * 1024;

function read(): Branding | null {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as unknown;
    if (typeof raw !== 'object' || raw === null) return null;
    const { name, logoDataUrl } = raw as Record<string, unknown>;
    if (typeof name !== 'string' || name.length > 120) return null;
    const logo = typeof logoDataUrl === 'string' && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(logoDataUrl) ? logoDataUrl : undefined;
    return name.trim() === '' && !logo ? null : { name, ...(logo ? { logoDataUrl: logo } : {}) };
  } catch {
    return null;
  }
}

export interface BrandingState {
  branding: Branding | null;
  /** Saves the branding; an empty name and no logo clears it. Throws with the reason on invalid input. */
  save(branding: Branding): void;
}

/** Reads a logo file the person picked into a data URL; refuses other types and large files. */
export async function logoFromFile(file: File): Promise<string> {
  if (!/^image\/(png|jpeg)$/.test(file.type)) throw new Error(`${file.name} is not a PNG or JPEG image.`);
  if (file.size > MAX_LOGO_BYTES) throw new Error(`${file.name} is larger than ${MAX_LOGO_BYTES / 1024} kB; use a smaller logo.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return `data:${file.type};base64,${btoa(binary)}`;
}

export const brandingStore = createStore<BrandingState>()((set) => ({
  branding: read(),
  save(branding) {
    const name = branding.name.trim();
    if (name.length > 120) throw new Error('Keep the name under 120 characters.');
    const next = name === '' && !branding.logoDataUrl ? null : { name, ...(branding.logoDataUrl ? { logoDataUrl: branding.logoDataUrl } : {}) };
    if (next) globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
    else globalThis.localStorage?.removeItem(KEY);
    set({ branding: next });
  },
}));

/** Reads the branding in a component. */
export function useBranding<T>(selector: (state: BrandingState) => T): T {
  return useStore(brandingStore, selector);
}
