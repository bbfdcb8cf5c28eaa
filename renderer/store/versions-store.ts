import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VersionSealCheck } from '../../shared/model/accord-seal';
import type { SignatureRecord } from '../../shared/model/versions';
import { accord } from '../platform/accord';
import type { AccordDatabase } from '../db/database';
import type { LoadedVersion, VersionRepository } from '../db/version-repository';

/** The open workshop's versions: signing, signed, amended. */
export interface VersionsState {
  workshopId: string | null;
  versions: LoadedVersion[];
  /**
   * How main checked the seal of each version that has one (sealed here when
   * its signing completed, or imported with it): who sealed it, by
   * fingerprint. A version without one is not sealed, and never will be.
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
export function createVersionsStore(db: AccordDatabase, options: { now: () => number; beforeSigning: () => Promise<void>; onChanged: (workshopId: string) => void; consultantName?: () => string }): StoreApi<VersionsState> {
  let repository: Promise<VersionRepository> | null = null;
  const repo = () => (repository ??= import('../db/version-repository').then(({ VersionRepository }) => new VersionRepository(db, options.now)));
  return createStore<VersionsState>()((set, get) => {
    // Main checks each stored seal again (the renderer never judges one) and says who sealed it by fingerprint.
    const checkSeals = async (workshopId: string, versions: LoadedVersion[]) => {
      // Every signed version goes, sealed or not: each seal covers the history below it (a hole breaks it).
      const signed = versions.filter((version) => version.status === 'signed' && version.lockedAt !== null);
      if (!signed.some((version) => version.seal)) return;
      try {
        const { checks: seals } = await accord.checkAccordSeals({ versions: signed.map(({ number, agreement, contentHash, signatures, createdAt, lockedAt, seal }) => ({ number, status: 'signed', agreement, contentHash, signatures, createdAt, lockedAt, seal })) });
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
        const workshopId = current();
        const repository = await repo();
        const next = await repository.sign(workshopId, signature);
        // The moment signing completes is the one moment main seals a version (over the signed history before it).
        if (next.status === 'signed' && next.lockedAt !== null) {
          const history = (await repository.list(workshopId)).filter((version) => version.status === 'signed' && version.number <= next.number);
          try {
            const { seal } = await accord.sealAccordVersions({
              versions: history.map(({ number, agreement, contentHash, signatures, createdAt, lockedAt, seal: kept }) => ({ number, status: 'signed', agreement, contentHash, signatures, createdAt, lockedAt: lockedAt ?? createdAt, ...(kept ? { seal: kept } : {}) })),
              name: options.consultantName?.() ?? '',
            });
            await repository.storeSeal(workshopId, next.number, seal);
          } catch (error) {
            // Signed, not sealed: said where the person signed, and by the version history; an export carries it unsealed.
            await reload();
            throw new Error(`Version ${next.number} is signed, but it could not be sealed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
          }
        }
        await reload();
      },
      async amend() {
        await (await repo()).amend(current());
        await reload();
      },
    };
  });
}
