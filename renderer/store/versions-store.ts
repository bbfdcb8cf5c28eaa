import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VersionSealCheck } from '../../shared/model/accord-seal';
import type { SignatureRecord } from '../../shared/model/versions';
import { checkAccordSeals } from '../platform/accord';
import type { AccordDatabase } from '../db/database';
import type { LoadedVersion, VersionRepository } from '../db/version-repository';

/** The open workshop's versions: signing, signed, amended. */
export interface VersionsState {
  workshopId: string | null;
  versions: LoadedVersion[];
  /**
   * How main checked the seal of each version that came with one (imported
   * from an `.accord` file): who sealed it, by fingerprint. Versions signed
   * here have none until they are exported.
   */
  seals: VersionSealCheck[];
  /** Why the seals could not be checked (no desktop shell, a damaged trusted-seals file), when they could not. */
  sealProblem: string | null;
  load(workshopId: string): Promise<void>;
  startSigning(): Promise<void>;
  cancelSigning(): Promise<void>;
  sign(signature: Pick<SignatureRecord, 'participantId' | 'method' | 'image' | 'signedAt' | 'contentHash'>): Promise<void>;
  amend(): Promise<void>;
}

/** The version being signed, if any. */
export function signingVersion(state: Pick<VersionsState, 'versions'>): LoadedVersion | undefined {
  return state.versions.find((version) => version.status === 'signing');
}

/** The last signed version, if any. */
export function lastSigned(state: Pick<VersionsState, 'versions'>): LoadedVersion | undefined {
  return [...state.versions].reverse().find((version) => version.status === 'signed');
}

/** Creates the versions store; the repository (and the signing rules) load on first use. */
export function createVersionsStore(db: AccordDatabase, options: { now: () => number; beforeSigning: () => Promise<void>; onChanged: (workshopId: string) => void }): StoreApi<VersionsState> {
  let repository: Promise<VersionRepository> | null = null;
  const repo = () => (repository ??= import('../db/version-repository').then(({ VersionRepository }) => new VersionRepository(db, options.now)));
  return createStore<VersionsState>()((set, get) => {
    // Main checks each stored seal again (the renderer never judges one) and says who sealed it by fingerprint.
    const checkSeals = async (workshopId: string, versions: LoadedVersion[]) => {
      const sealed = versions.filter((version) => version.seal && version.status === 'signed' && version.lockedAt !== null);
      if (sealed.length === 0) return;
      try {
        const seals = await checkAccordSeals(sealed.map(({ number, agreement, contentHash, signatures, createdAt, lockedAt, seal }) => ({ number, status: 'signed', agreement, contentHash, signatures, createdAt, lockedAt, seal })));
        if (get().workshopId === workshopId) set({ seals, sealProblem: null });
      } catch (error) {
        if (get().workshopId === workshopId) set({ seals: [], sealProblem: error instanceof Error ? error.message : String(error) });
      }
    };
    const reload = async () => {
      const workshopId = get().workshopId;
      if (!workshopId) return;
      const versions = await (await repo()).list(workshopId);
      if (get().workshopId === workshopId) set({ versions });
      options.onChanged(workshopId);
      await checkSeals(workshopId, versions);
    };
    const current = () => {
      const workshopId = get().workshopId;
      if (!workshopId) throw new Error('No workshop is open.');
      return workshopId;
    };
    return {
      workshopId: null,
      versions: [],
      seals: [],
      sealProblem: null,
      async load(workshopId) {
        set({ workshopId, versions: [], seals: [], sealProblem: null });
        const versions = await (await repo()).list(workshopId);
        if (get().workshopId === workshopId) set({ versions });
        await checkSeals(workshopId, versions);
      },
      async startSigning() {
        await options.beforeSigning();
        await (await repo()).startSigning(current());
        await reload();
      },
      async cancelSigning() {
        await (await repo()).cancelSigning(current());
        await reload();
      },
      async sign(signature) {
        await (await repo()).sign(current(), signature);
        await reload();
      },
      async amend() {
        await (await repo()).amend(current());
        await reload();
      },
    };
  });
}
