/**
 * Exports of an agreement: the sealed PDF (rendered and sealed in main), and
 * Markdown, the .accord file and the scoring rules (built here, written by
 * main). Stores may call the platform; components call these.
 */
// Static: the editor chunk already holds the document model (the amendment diff uses it).
import { buildAgreementDocument, type DocumentContext } from '../../shared/document/document';
import { exportSubject } from '../../shared/document/subject';
import type { Agreement } from '../../shared/model/agreement';
import type { LoadedVersion } from '../db/version-repository';
import type { Branding } from './branding-store';
import type { ReviewResult } from '../../shared/engines/review/review';
import type { SessionFacts } from '../../shared/document/session-summary';
import { accord, savedPath } from '../platform/accord';
import { calibrationEvidence, type CalibrationEvidence, type CalibrationRun } from '../../shared/document/calibration-evidence';
import type { TrendReview } from '../../shared/document/review-report';

/** What can be exported. */
export type ExportKind = 'pdf-a4' | 'pdf-letter' | 'markdown' | 'accord' | 'rules-csv' | 'rules-json';

/** Exactly the fields the contract accepts (name, logo, accent), so stray ones never make main refuse an export. */
export function consultantOf(branding: Branding | null | undefined): Branding | undefined {
  if (!branding) return undefined;
  return { name: branding.name, ...(branding.logoDataUrl ? { logoDataUrl: branding.logoDataUrl } : {}), ...(branding.accent ? { accent: branding.accent } : {}) };
}


/**
 * What the export does with the workshop's calibration: whether it may be printed (calibrationEvidence, the one
 * rule), whether it will be (the person's choice; by default on only when the run is usable), and the facts
 * the document then prints. A run that may not be printed is never printed, whatever was chosen.
 */
export function calibrationChoice(run: CalibrationRun | null | undefined, chosen: boolean | null): { evidence: CalibrationEvidence; include: boolean; calibration: DocumentContext['calibration'] } {
  const evidence = calibrationEvidence(run);
  const include = evidence.printable && (chosen ?? true);
  return { evidence, include, calibration: include && evidence.printable ? { rows: evidence.rows } : undefined };
}

/** What the preview and every export show (one place, so they never disagree). */
export function documentSubject(draft: Agreement, versions: LoadedVersion[], workshopStatus: string, consultant?: Branding | null, calibration?: DocumentContext['calibration']): { agreement: Agreement; context: DocumentContext } {
  const subject = exportSubject(draft, versions, workshopStatus === 'signed', new Date().toISOString());
  const branding = consultantOf(consultant);
  return { ...subject, context: { ...subject.context, ...(branding ? { consultant: branding } : {}), ...(calibration ? { calibration } : {}) } };
}

function fileName(agreement: Agreement, context: DocumentContext): string {
  const base = `${agreement.workshop.client || 'Agreement'} - ${agreement.workshop.title || 'untitled'} - v${context.versionNumber}${context.status === 'signed' ? '' : ' draft'}`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  return base.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '-').slice(0, 180);
}

/** Exports one kind; resolves with the saved path, or null when the person cancelled. */
export async function exportAgreement(kind: ExportKind, draft: Agreement, versions: LoadedVersion[], workshopStatus: string, consultant?: Branding | null, calibration?: DocumentContext['calibration']): Promise<string | null> {
  const { agreement, context } = documentSubject(draft, versions, workshopStatus, consultant, calibration);
  const name = fileName(agreement, context);
  if (kind === 'pdf-a4' || kind === 'pdf-letter') {
    return savedPath(await accord.exportAgreementPdf({ suggestedName: name, paper: kind === 'pdf-a4' ? 'A4' : 'Letter', agreement, context }));
  }
  if (kind === 'markdown') {
    const { renderMarkdown } = await import('../../shared/document/markdown');
    return savedPath(await accord.saveTextFile({ suggestedName: name, kind: 'markdown', content: renderMarkdown(buildAgreementDocument(agreement, context)) }));
  }
  if (kind === 'accord') {
    const { serializeAccordFile } = await import('../../shared/model/accord-file');
    // Signed versions travel with their signatures; a tampered one is never passed on as signed.
    const signed = versions
      .filter((version) => version.status === 'signed' && version.intact && version.lockedAt !== null)
      .map(({ number, agreement: content, contentHash, signatures, createdAt, lockedAt, seal }) => ({ number, status: 'signed' as const, agreement: content, contentHash, signatures, createdAt, lockedAt: lockedAt ?? createdAt, ...(seal ? { seal } : {}) }));
    // Each version carries the seal it got when it was signed (here, by main, at that moment) or came with; nothing is
    // sealed at export: a version from a backup was not signed here, and sealing it now would pass it off as this
    // computer's (issue 13, attack B). An unsealed one goes out unsealed, and its reader takes it as a draft.
    return savedPath(await accord.saveTextFile({ suggestedName: name, kind: 'accord', content: serializeAccordFile(draft, new Date(), signed) }));
  }
  const rules = await import('../../shared/document/rules-sheet');
  return savedPath(
    await (kind === 'rules-csv'
      ? accord.saveTextFile({ suggestedName: `${name} - scoring rules`, kind: 'csv', content: rules.scoringRulesCsv(agreement) })
      : accord.saveTextFile({ suggestedName: `${name} - scoring rules`, kind: 'json', content: rules.scoringRulesJson(agreement) })),
  );
}

/** Exports the SLA review report: a sealed PDF (A4 or Letter) or Markdown; resolves with the path, or null when cancelled. */
export async function exportReviewReport(kind: 'pdf-a4' | 'pdf-letter' | 'markdown', agreement: Agreement, review: ReviewResult, consultant?: Branding | null, history: readonly TrendReview[] = []): Promise<string | null> {
  // The trend table the screen shows: the last reviews kept (results only), each reduced to the fields the report reads.
  const trend = history.slice(-6).map(({ id, from, to, commitments, conversion }) => ({ id, from, to, commitments: commitments.map(({ id: key, metric, state, share }) => ({ id: key, metric, state, share })), conversion: conversion.map(({ step, actual, state }) => ({ step, actual, state })) }));
  const name = `${agreement.workshop.client || 'Agreement'} - SLA review ${review.from} to ${review.to}`.replace(/[/\\:*?"<>|]/g, '-').slice(0, 180);
  // Lead ids and example rows stay on this computer: the report carries counts only.
  const shareable: ReviewResult = { ...review, commitments: review.commitments.map((commitment) => ({ ...commitment, missedLeads: [] })), problems: review.problems.map((problem) => ({ ...problem, examples: [] })) };
  if (kind === 'markdown') {
    const [{ buildReviewDocument }, { renderMarkdown }] = await Promise.all([import('../../shared/document/review-report'), import('../../shared/document/markdown')]);
    return savedPath(await accord.saveTextFile({ suggestedName: name, kind: 'markdown', content: renderMarkdown(buildReviewDocument(agreement, shareable, new Date().toISOString(), consultantOf(consultant), trend)) }));
  }
  const branding = consultantOf(consultant);
  return savedPath(await accord.exportReviewPdf({ suggestedName: name, paper: kind === 'pdf-a4' ? 'A4' : 'Letter', agreement, review: shareable, ...(trend.length > 0 ? { trend } : {}), ...(branding ? { consultant: branding } : {}) }));
}

/**
 * Exports the session summary (one page: agreed, disputed, parked, decisions,
 * actions, next review; no signatures): a sealed PDF (A4 or Letter) or
 * Markdown; resolves with the path, or null when cancelled. `session` is the
 * agenda timer's record, when the session was timed.
 */
export async function exportSessionSummary(kind: 'pdf-a4' | 'pdf-letter' | 'markdown', agreement: Agreement, session?: SessionFacts, consultant?: Branding | null): Promise<string | null> {
  const { client, title, date } = agreement.workshop;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  const name = `${client || 'Agreement'} - ${title || 'untitled'} - session summary${date ? ` ${date}` : ''}`.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '-').slice(0, 180);
  if (kind === 'markdown') {
    const { buildSessionSummary, sessionSummaryMarkdown } = await import('../../shared/document/session-summary');
    const summary = buildSessionSummary(agreement, { generatedAt: new Date(), ...(session ? { session } : {}) });
    return savedPath(await accord.saveTextFile({ suggestedName: name, kind: 'markdown', content: sessionSummaryMarkdown(summary, agreement, consultantOf(consultant)) }));
  }
  const branding = consultantOf(consultant);
  return savedPath(await accord.exportSummaryPdf({ suggestedName: name, paper: kind === 'pdf-a4' ? 'A4' : 'Letter', agreement, ...(session ? { session } : {}), ...(branding ? { consultant: branding } : {}) }));
}
