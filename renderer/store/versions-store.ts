import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SignatureRecord } from '../../shared/model/versions';
import type { AccordDatabase } from '../db/database';
import type { LoadedVersion, VersionRepository } from '../db/version-repository';

/** The open workshop's versions: signing, signed, amended. */
export interface VersionsState {
  workshopId: string | null;
  versions: LoadedVersion[];
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
    const reload = async () => {
      const workshopId = get().workshopId;
      if (!workshopId) return;
      const versions = await (await repo()).list(workshopId);
      if (get().workshopId === workshopId) set({ versions });
      options.onChanged(workshopId);
    };
    const current = () => {
      const workshopId = get().workshopId;
      if (!workshopId) throw new Error('No workshop is open.');
      return workshopId;
    };
    return {
      workshopId: null,
      versions: [],
      async load(workshopId) {
        set({ workshopId, versions: [] });
        const versions = await (await repo()).list(workshopId);
        if (get().workshopId === workshopId) set({ versions });
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
