/**
 * Actions on files the person picks: import an .accord file into the library,
 * verify a PDF. Stores may call the platform and the database; components call these.
 */
import type { AccordDatabase } from '../db/database';
import type { StoreApi } from 'zustand/vanilla';
import type { LibraryState } from './library-store';
import { accordFileTooLargeMessage, formatSize, MAX_ACCORD_FILE_BYTES, MAX_VERIFY_PDF_BYTES } from '../../shared/model/limits';
import { accord, toBase64, type VerifyReport } from '../platform/accord';

/** The outcome of verifying a PDF, with whether it matches a version in this library. */
export interface VerifyOutcome {
  fileName: string;
  report: VerifyReport;
  libraryMatch: { workshopId: string; title: string; versionNumber: number; status: string } | null;
}

/** What an import made: the new workshop, and the warning when the file's signed versions were not taken as signed. */
export interface ImportedAccord {
  workshopId: string;
  warning: { title: string; message: string } | null;
}

/** File actions bound to the database. */
export interface FileActions {
  /**
   * Imports an .accord file as a new workshop; validated fully before anything
   * is written. Its signed versions come in as signed only when main finds
   * every one sealed and keeping the signing rules; otherwise the workshop is
   * a draft and `warning` says why. Throws with the reason when refused.
   */
  importAccord(file: File): Promise<ImportedAccord>;
  verifyPdf(file: File): Promise<VerifyOutcome>;
}

/** Creates the file actions. */
export function createFileActions(db: AccordDatabase, library: StoreApi<LibraryState>): FileActions {
  return {
    async importAccord(file) {
      if (file.size > MAX_ACCORD_FILE_BYTES) throw new Error(accordFileTooLargeMessage(file.name));
      const [{ parseAccordFile }, { settleSignedVersions, versionRuleCheck }] = await Promise.all([import('../../shared/model/accord-file'), import('../../shared/model/accord-seal')]);
      const parsed = parseAccordFile(await file.text());
      if (!parsed.ok) throw new Error(`${file.name} was not imported. ${parsed.message}`);
      const { agreement, claimedVersions } = parsed;
      // The renderer never judges a seal: main checks the rules and every seal, and the one rule decides what is signed.
      // A version that breaks the signing rules makes the file a draft whatever its seal says, so main is not asked then.
      const broken = claimedVersions.map((version) => versionRuleCheck(version)).filter((check) => check !== null);
      const checks = broken.length > 0 ? broken : claimedVersions.length > 0 ? (await accord.checkAccordSeals({ versions: [...claimedVersions] })).checks : [];
      const { versions, warning } = settleSignedVersions(claimedVersions, checks);
      const title = agreement.workshop.title.trim() || file.name.replace(/\.accord$/i, '');
      const record = await library.getState().create({ title, client: agreement.workshop.client, agreement, versions });
      return { workshopId: record.id, warning };
    },
    async verifyPdf(file) {
      if (file.size > MAX_VERIFY_PDF_BYTES) throw new Error(`${file.name} is larger than ${formatSize(MAX_VERIFY_PDF_BYTES)}.`);
      const report = await accord.verifyPdf({ name: file.name, dataBase64: toBase64(await file.arrayBuffer()) });
      let libraryMatch: VerifyOutcome['libraryMatch'] = null;
      const hash = report.embedded?.computedHash;
      if (hash) {
        const { VersionRepository } = await import('../db/version-repository');
        const version = (await new VersionRepository(db).findByHash(hash))[0];
        const workshop = version ? await db.workshops.get(version.workshopId) : undefined;
        if (version && workshop) libraryMatch = { workshopId: workshop.id, title: workshop.title, versionNumber: version.number, status: version.status };
      }
      return { fileName: file.name, report, libraryMatch };
    },
  };
}
