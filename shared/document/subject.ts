import type { Agreement } from '../model/agreement';
import type { SignatureRecord } from '../model/versions';
import type { DocumentContext, HistoryEntry } from './document';

/** A version as an export needs it; `intact` is false when its content no longer matches its hash. */
export interface SubjectVersion {
  number: number;
  status: 'signing' | 'signed';
  agreement: Agreement;
  contentHash: string;
  signatures: SignatureRecord[];
  lockedAt: number | null;
  intact: boolean;
}

/** The version history as the audit page shows it: every signed version, a tampered one said so. */
export function historyOf(versions: readonly SubjectVersion[]): HistoryEntry[] {
  return versions
    .filter((version) => version.status === 'signed')
    .map((version) => ({ version: version.number, status: version.intact ? 'Signed' : 'Tampered', signedBy: version.signatures.map((entry) => entry.name).join(', '), lockedAt: version.lockedAt === null ? '—' : new Date(version.lockedAt).toISOString(), contentHash: version.contentHash }));
}

/**
 * What an export shows: the version being signed; else the last signed
 * version when the draft has not changed since (`draftIsSigned`); else the
 * draft, numbered as the next version and marked "Draft, not signed".
 * The app and the command line both export through this.
 */
export function exportSubject(draft: Agreement, versions: readonly SubjectVersion[], draftIsSigned: boolean, generatedAt: string): { agreement: Agreement; context: DocumentContext } {
  const signing = versions.find((version) => version.status === 'signing');
  const signed = [...versions].reverse().find((version) => version.status === 'signed' && version.intact);
  const history = historyOf(versions);
  const pick = signing ?? (draftIsSigned ? signed : undefined);
  // The signed versions before the one shown, for the audit page's "agreed on version n content".
  const earlierThan = (number: number) => versions.filter((version) => version.status === 'signed' && version.intact && version.number < number).map((version) => ({ number: version.number, agreement: version.agreement }));
  if (pick) {
    const earlier = earlierThan(pick.number);
    return {
      agreement: pick.agreement,
      context: { versionNumber: pick.number, status: pick.status, signatures: pick.signatures.map(({ participantId: _id, ...signature }) => signature), history, generatedAt, ...(earlier.length > 0 ? { earlier } : {}) },
    };
  }
  const number = (versions.at(-1)?.number ?? 0) + 1;
  const earlier = earlierThan(number);
  return { agreement: draft, context: { versionNumber: number, status: 'draft', signatures: [], history, generatedAt, ...(earlier.length > 0 ? { earlier } : {}) } };
}
