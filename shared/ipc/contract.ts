import { BACKUP_NAME_PATTERN, backupReasons } from '../model/backup-names';
import { BrandingSchema } from '../model/branding';
import { base64Length, formatSize, MAX_ACCORD_FILE_BYTES, MAX_LIBRARY_FILE_CHARS, MAX_SAVE_TEXT_CHARS, MAX_VERIFY_PDF_BYTES } from '../model/limits';
import { FINGERPRINT_PATTERN } from '../model/seal-origin';
import { FingerprintSchema, PreviousOwnSealSchema, SealNameSchema, SealOriginSchema, TrustedSealSchema } from '../model/trusted-seals';
import { MAX_SIGNATURE_IMAGE_CHARS, VersionSealSchema } from '../model/versions';
import { workshopMenuCommands } from '../model/workshop-actions';
import { z } from '../model/zod';

/**
 * The one IPC contract. Every channel (`domain:verb-noun`, renderer → main)
 * declares here, once: the schema of its request and of its answer, the name
 * of its function on `window.accord`, the label its errors carry, and whether
 * the presenter window may call it. Every event (main → renderer) declares its
 * payload's schema. Main validates every request against it (the renderer is
 * untrusted), the preload every event payload (main answers nothing the page
 * did not ask for); the preload, the Chromium harness and renderer/platform
 * derive their functions from it, so none of them is written by hand and none
 * is a raw `invoke`.
 */

/** Kinds of file the app writes; each has its own extension and dialog filter. */
export const exportFileKinds = ['accord', 'markdown', 'json', 'csv', 'pdf', 'library'] as const;

/** A kind of file the app writes. */
export type ExportFileKind = (typeof exportFileKinds)[number];

/** Extension used for each kind of exported file. */
export const exportFileExtensions: Record<ExportFileKind, string> = {
  accord: 'accord',
  markdown: 'md',
  json: 'json',
  csv: 'csv',
  pdf: 'pdf',
  /** A whole-library export: the same JSON as a backup (see shared/model/library-file.ts). */
  library: 'json',
};

// eslint-disable-next-line no-control-regex -- control characters are exactly what this must refuse
const forbiddenFileNameCharacters = /[/\\:*?"<>|\u0000-\u001f]/u;

/** A suggested file name: a bare name, never a path, so the renderer cannot pick where files go. */
export const SuggestedFileNameSchema = z.string({ error: 'The file name must be text.' }).check(
  z.trim(),
  z.minLength(1, { error: 'The file name is empty.' }),
  z.maxLength(200, { error: 'The file name is longer than 200 characters.' }),
  z.refine((name) => !forbiddenFileNameCharacters.test(name), {
    error: 'The file name may not contain / \\ : * ? " < > | or control characters.',
  }),
  z.refine((name) => name !== '.' && name !== '..', { error: 'The file name may not be "." or "..".' }),
);

/** What the app and its shell say about themselves. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'chromium']),
  platform: z.string(),
});

/** What the app and its shell say about themselves. */
export type AppInfo = z.output<typeof AppInfoSchema>;

/**
 * The consultant's branding on a PDF: name (≤ 120), a PNG, JPEG or SVG data URL
 * (≤ 2 MB), an accent `#rrggbb` dark enough for white paper. The handler also
 * re-checks the logo's content (checkLogoDataUrl): the renderer is untrusted.
 */
export const ConsultantSchema = BrandingSchema;

const pngDataUrl = z.string().check(z.startsWith('data:image/png;base64,', { error: 'A signature image must be a PNG data URL.' }), z.maxLength(MAX_SIGNATURE_IMAGE_CHARS, { error: `A signature image is larger than ${formatSize(MAX_SIGNATURE_IMAGE_CHARS)}.` }));

/** A short text of a review report (a metric, a state, a step): bounded, as everything the renderer sends. */
const text = z.string().check(z.maxLength(2000));
const state = z.enum(['met', 'at-risk', 'missed', 'no-data', 'no-target']);
const nullableNumber = z.nullable(z.number());
/** An SLA review's results, as the review report needs them (lead ids are not sent). */
export const ReviewReportSchema = z.object({
  from: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  to: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  leads: z.number(),
  mqls: z.number(),
  commitments: z.array(z.object({ id: text, kind: text, team: text, metric: text, actual: text, target: text, state, noData: z.optional(z.nullable(text)), figures: z.record(z.string(), nullableNumber), missedLeads: z.array(text).check(z.maxLength(0)), missedCount: z.number() })).check(z.maxLength(100)),
  conversion: z.array(z.object({ step: text, actual: nullableNumber, planned: nullableNumber, state, noData: z.optional(z.nullable(text)) })).check(z.maxLength(20)),
  coverage: z.optional(z.object({ periodDays: z.number(), coveredDays: z.number(), exportLastDate: z.nullable(text) })),
  agreementVersion: z.optional(z.nullable(text)),
  weekly: z.array(z.object({ week: text, mqls: z.number(), days: z.optional(z.number()) })).check(z.maxLength(600)),
  monthly: z.array(z.object({ month: text, mqls: z.number(), opportunities: z.number() })).check(z.maxLength(200)),
  need: z.object({ mqlsPerWeek: nullableNumber, mqlsPerMonth: nullableNumber, opportunitiesPerMonth: nullableNumber }),
  speedHistogram: z.array(z.object({ label: text, count: z.number() })).check(z.maxLength(20)),
  reasons: z.array(z.object({ reason: text, count: z.number(), known: z.boolean() })).check(z.maxLength(500)),
  problems: z.array(z.object({ problem: text, count: z.number(), examples: z.array(text).check(z.maxLength(0)) })).check(z.maxLength(100)),
});

/** Earlier reviews of the workshop (results only) for the report's trend table, oldest first. */
const TrendReviewSchema = z.object({
  id: text,
  from: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  to: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  commitments: z.array(z.object({ id: text, metric: text, state: text, share: nullableNumber })).check(z.maxLength(100)),
  conversion: z.array(z.object({ step: text, actual: nullableNumber, state: text })).check(z.maxLength(20)),
});

/** What the PDF needs besides the agreement: version, signatures, history. */
export const DocumentContextSchema = z.strictObject({
  versionNumber: z.int().check(z.positive()),
  status: z.enum(['draft', 'signing', 'signed']),
  signatures: z.array(z.strictObject({ name: z.string(), title: z.string(), team: z.string(), method: z.enum(['drawn', 'typed']), image: pngDataUrl, signedAt: z.string(), contentHash: z.string() })).check(z.maxLength(50)),
  history: z.array(z.strictObject({ version: z.int(), status: z.string(), signedBy: z.string(), lockedAt: z.string(), contentHash: z.string() })).check(z.maxLength(500)),
  generatedAt: z.string(),
  consultant: z.optional(ConsultantSchema),
  calibration: z.optional(z.strictObject({ rows: z.array(z.tuple([z.string(), z.string()])).check(z.maxLength(40)) })),
  /** Earlier signed versions for the audit page's "agreed on version n content"; main parses each and checks it against the history's hash. */
  earlier: z.optional(z.array(z.strictObject({ number: z.int().check(z.positive()), agreement: z.unknown() })).check(z.maxLength(100))),
});

const minutes = z.int().check(z.nonnegative(), z.maximum(100_000));
/** How the session went (agenda and timer), for the session summary. */
export const SessionFactsSchema = z.strictObject({
  startedAt: z.optional(z.string().check(z.maxLength(40))),
  endedAt: z.optional(z.string().check(z.maxLength(40))),
  plannedMinutes: minutes,
  spentMinutes: minutes,
  sections: z.array(z.strictObject({ sectionId: z.optional(z.string().check(z.maxLength(40))), title: z.string().check(z.maxLength(200)), plannedMinutes: minutes, spentMinutes: minutes, skipped: z.boolean() })).check(z.maxLength(50)),
});

/** The name of a backup file: `accord-library-YYYYMMDD-HHMMSS-reason.json`, never a path. */
export const BackupNameSchema = z.string({ error: 'The backup name must be text.' }).check(
  z.maxLength(100, { error: 'This is not the name of an Accord backup.' }),
  z.regex(BACKUP_NAME_PATTERN, { error: 'This is not the name of an Accord backup (accord-library-YYYYMMDD-HHMMSS-reason.json).' }),
);

/** One backup in the app's data folder. */
export const BackupEntrySchema = z.object({
  name: BackupNameSchema,
  bytes: z.int().check(z.nonnegative()),
  /** When it was made (ISO 8601). */
  createdAt: z.string(),
  reason: z.enum(backupReasons),
  /** How many workshops it holds (null when its header cannot be read). */
  workshops: z.nullable(z.int().check(z.nonnegative())),
});

/** What Verify reports about a PDF. */
export const VerifyResultSchema = z.object({
  status: z.enum(['intact', 'modified', 'not-whole-document', 'several-seals', 'not-sealed', 'not-pdf', 'damaged']),
  message: z.string(),
  coversWholeFile: z.boolean(),
  signer: z.optional(z.string()),
  signedAt: z.optional(z.string()),
  /** The signer's certificate: its SHA-256 fingerprint (64 lowercase hex) and the subject it claims. */
  certificate: z.optional(z.object({ fingerprint: z.string().check(z.regex(FINGERPRINT_PATTERN)), subject: z.string() })),
  /** Who made the seal, judged by the fingerprint against this computer's own and trusted seals. */
  origin: z.optional(SealOriginSchema),
  /** Why the origin could not be judged (the trusted-seals file is damaged), when it could not. */
  originProblem: z.optional(z.string()),
  embedded: z.optional(
    /** Read from the signed revision only: the attachment's recomputed hash against the metadata (Subject), the page text and the attachment's own record. */
    z.object({
      title: z.string(),
      client: z.string(),
      versionNumber: z.nullable(z.number()),
      versionStatus: z.nullable(z.string()),
      computedHash: z.string(),
      metadataHash: z.nullable(z.string()),
      printedOnPages: z.boolean(),
      attachmentRecordedHash: z.nullable(z.string()),
      hashMatches: z.boolean(),
    }),
  ),
  /** Every signature field, when the file carries more than one (each checked on its own). */
  signatures: z.optional(
    z.array(z.object({ field: z.string(), signer: z.nullable(z.string()), fingerprint: z.nullable(z.string()), byteRange: z.nullable(z.array(z.number())), valid: z.boolean(), coversWholeFile: z.boolean() })).check(z.maxLength(1000)),
  ),
});

/** How one version's seal checked (shared/model/accord-seal.ts VersionSealCheck). */
export const VersionSealCheckSchema = z.discriminatedUnion('state', [
  z.object({ number: z.int(), state: z.literal('sealed'), fingerprint: z.string().check(z.regex(FINGERPRINT_PATTERN)), certificateName: z.string().check(z.maxLength(1000)), origin: SealOriginSchema }),
  z.object({ number: z.int(), state: z.literal('missing') }),
  z.object({ number: z.int(), state: z.literal('broken'), reason: z.string().check(z.maxLength(1000)) }),
  z.object({ number: z.int(), state: z.literal('rules'), problems: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(1000)) }),
]);

/**
 * What the contract declares for every channel, so that nothing about a
 * channel lives anywhere else: a channel missing one of these fails to
 * type-check (`satisfies` below).
 */
export interface IpcChannelSpec {
  /** Its function on `window.accord` and in renderer/platform (`accord.<method>`). */
  readonly method: string;
  /** What the request does, for the person: a failure reads "<label> failed: <reason>". */
  readonly label: string;
  /** Whether the read-only presenter window may call it; the main window may call every channel. */
  readonly presenter: boolean;
  /** What the renderer may send; main parses every request with it before any handler runs. */
  readonly request: z.ZodMiniType;
  /** What the handler must answer; main parses the answer with it before it crosses the bridge. */
  readonly response: z.ZodMiniType;
}

/** Channels (renderer → main, request and answer) with everything the contract declares about each. */
export const ipcContract = {
  'app:get-info': {
    method: 'getAppInfo',
    label: 'Reading what the app is',
    presenter: true,
    request: z.strictObject({}),
    response: AppInfoSchema,
  },
  'file:save-text': {
    method: 'saveTextFile',
    label: 'Saving the file',
    presenter: false,
    request: z.strictObject({
      suggestedName: SuggestedFileNameSchema,
      kind: z.enum(exportFileKinds, { error: `The kind must be one of: ${exportFileKinds.join(', ')}.` }),
      content: z.string({ error: 'The content must be text.' }).check(z.maxLength(MAX_LIBRARY_FILE_CHARS, { error: `The content is larger than ${formatSize(MAX_LIBRARY_FILE_CHARS)}.` })),
    }).check(
      // A whole-library export may reach 200 MB; every other file stays under 50 MB.
      z.refine((request) => request.kind === 'library' || request.content.length <= MAX_SAVE_TEXT_CHARS, { error: `The content is larger than ${formatSize(MAX_SAVE_TEXT_CHARS)}.`, path: ['content'] }),
    ),
    response: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), path: z.string(), bytes: z.int().check(z.nonnegative()) }),
      z.object({ saved: z.literal(false) }),
    ]),
  },
  'file:show-in-folder': {
    method: 'showInFolder',
    label: 'Showing the file in its folder',
    presenter: false,
    /** A file this app saved in this session (an export); main refuses any other path. */
    request: z.strictObject({ path: z.string({ error: 'The path must be text.' }).check(z.minLength(1, { error: 'Name the file to show.' }), z.maxLength(4096, { error: 'The path is longer than 4096 characters.' })) }),
    response: z.discriminatedUnion('shown', [z.object({ shown: z.literal(true) }), z.object({ shown: z.literal(false), reason: z.string().check(z.maxLength(1000)) })]),
  },
  'pdf:export-agreement': {
    method: 'exportAgreementPdf',
    label: 'Exporting the PDF',
    presenter: false,
    request: z.strictObject({
      suggestedName: SuggestedFileNameSchema,
      paper: z.enum(['A4', 'Letter']),
      /** Checked fully by the handler with parseAgreement (the renderer is untrusted). */
      agreement: z.unknown(),
      context: DocumentContextSchema,
    }),
    response: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), path: z.string(), bytes: z.int().check(z.nonnegative()) }),
      z.object({ saved: z.literal(false) }),
    ]),
  },
  'pdf:export-review': {
    method: 'exportReviewPdf',
    label: 'Exporting the review report',
    presenter: false,
    request: z.strictObject({
      suggestedName: SuggestedFileNameSchema,
      paper: z.enum(['A4', 'Letter']),
      /** Checked fully by the handler with parseAgreement (the renderer is untrusted). */
      agreement: z.unknown(),
      review: ReviewReportSchema,
      /** The reviews kept for the trend (the screen's trend table), at most the last six. */
      trend: z.optional(z.array(TrendReviewSchema).check(z.maxLength(6))),
      consultant: z.optional(ConsultantSchema),
    }),
    response: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), path: z.string(), bytes: z.int().check(z.nonnegative()) }),
      z.object({ saved: z.literal(false) }),
    ]),
  },
  'pdf:export-summary': {
    method: 'exportSummaryPdf',
    label: 'Exporting the session summary',
    presenter: false,
    request: z.strictObject({
      suggestedName: SuggestedFileNameSchema,
      paper: z.enum(['A4', 'Letter']),
      /** Checked fully by the handler with parseAgreement (the renderer is untrusted). */
      agreement: z.unknown(),
      session: z.optional(SessionFactsSchema),
      consultant: z.optional(ConsultantSchema),
    }),
    response: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), path: z.string(), bytes: z.int().check(z.nonnegative()) }),
      z.object({ saved: z.literal(false) }),
    ]),
  },
  'pdf:verify': {
    method: 'verifyPdf',
    label: 'Verifying the PDF',
    presenter: false,
    request: z.strictObject({
      name: z.string().check(z.maxLength(260)),
      dataBase64: z.string().check(z.maxLength(base64Length(MAX_VERIFY_PDF_BYTES), { error: `The file is larger than ${formatSize(MAX_VERIFY_PDF_BYTES)}.` })),
    }),
    response: VerifyResultSchema,
  },
  'window:open-presenter': {
    method: 'openPresenterWindow',
    label: 'Opening the presenter view',
    presenter: false,
    request: z.strictObject({ workshopId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'The workshop id is not valid.' })) }),
    /** Where it opened: full screen on a second display, a window on this one, or a page of the Chromium shell. */
    response: z.object({ placement: z.enum(['second-display', 'this-display', 'page']) }),
  },
  'window:close-ready': {
    method: 'closeReady',
    label: 'Closing the window',
    presenter: false,
    /** The page saved its last edits and wrote the quit backup (or gave up); main may close the window now. */
    request: z.strictObject({}),
    response: z.object({}),
  },
  'window:set-theme': {
    method: 'setTheme',
    label: 'Following the colour theme',
    presenter: true,
    /** The colour theme the person chose (this computer's setting): main follows it in native dialogs, the title bar and the View → Theme menu. */
    request: z.strictObject({ theme: z.enum(['system', 'light', 'dark'], { error: 'The theme must be system, light or dark.' }) }),
    response: z.object({}),
  },
  'backup:write': {
    method: 'writeBackup',
    label: 'Writing the backup',
    presenter: false,
    /** A library file (shared/model/library-file.ts); main checks its header and writes it atomically into <userData>/backups, then prunes. */
    request: z.strictObject({
      reason: z.enum(backupReasons, { error: `The reason must be one of: ${backupReasons.join(', ')}.` }),
      content: z.string({ error: 'The content must be text.' }).check(z.maxLength(MAX_LIBRARY_FILE_CHARS, { error: `The library is larger than ${formatSize(MAX_LIBRARY_FILE_CHARS)}.` })),
    }),
    response: z.object({ ...BackupEntrySchema.shape, removed: z.int().check(z.nonnegative()) }),
  },
  'backup:list': {
    method: 'listBackups',
    label: 'Listing the backups',
    presenter: false,
    request: z.strictObject({}),
    /** Newest first. */
    response: z.array(BackupEntrySchema).check(z.maxLength(500)),
  },
  'backup:read': {
    method: 'readBackup',
    label: 'Reading the backup',
    presenter: false,
    /** A backup's bare file name as listed: the pattern allows no path separator and no other file. */
    request: z.strictObject({ name: BackupNameSchema }),
    response: z.object({ name: BackupNameSchema, content: z.string().check(z.maxLength(MAX_LIBRARY_FILE_CHARS)) }),
  },
  'seal:get-identity': {
    method: 'getSealingIdentity',
    label: 'Reading the sealing certificate',
    presenter: false,
    /** `name`: the consultant's name (Settings → Branding), used only when the first certificate is made; the client is never named. */
    request: z.strictObject({ name: z.string().check(z.maxLength(200)) }),
    response: z.object({
      subject: z.string(),
      /** SHA-256 of the certificate's DER, 64 lowercase hex: what others compare to know this computer's seal. */
      fingerprint: z.string().check(z.regex(FINGERPRINT_PATTERN)),
      selfSigned: z.boolean(),
      keyProtectedByOs: z.boolean(),
      /** The organisation (O) an earlier Accord wrote into its own certificate (the client's name), or null. */
      namesOrganisation: z.nullable(z.string()),
    }),
  },
  'seal:import-identity': {
    method: 'importSealingCertificate',
    label: 'Importing the certificate',
    presenter: false,
    request: z.strictObject({ dataBase64: z.string().check(z.maxLength(1_000_000, { error: 'A .p12 file is never this large.' })), passphrase: z.string().check(z.maxLength(500)) }),
    response: z.object({ subject: z.string(), fingerprint: z.string().check(z.regex(FINGERPRINT_PATTERN)) }),
  },
  'seal:renew-identity': {
    method: 'renewSealingCertificate',
    label: 'Making a new sealing certificate',
    presenter: false,
    /** A new self-signed certificate named after the consultant; the previous one is kept and still counts as this computer's. */
    request: z.strictObject({ name: z.string().check(z.maxLength(200)) }),
    response: z.object({ subject: z.string(), fingerprint: z.string().check(z.regex(FINGERPRINT_PATTERN)), previousFingerprint: z.nullable(z.string().check(z.regex(FINGERPRINT_PATTERN))) }),
  },
  'seal:list-trusted': {
    method: 'listTrustedSeals',
    label: 'Reading the trusted seals',
    presenter: false,
    request: z.strictObject({}),
    response: z.object({ trusted: z.array(TrustedSealSchema), previousOwn: z.array(PreviousOwnSealSchema) }),
  },
  'seal:trust': {
    method: 'trustSeal',
    label: 'Trusting the seal',
    presenter: false,
    /** Trust a seal's certificate fingerprint under a name (who it belongs to), from today. */
    request: z.strictObject({ fingerprint: FingerprintSchema, name: SealNameSchema }),
    response: TrustedSealSchema,
  },
  'seal:untrust': {
    method: 'untrustSeal',
    label: 'Removing the trusted seal',
    presenter: false,
    request: z.strictObject({ fingerprint: FingerprintSchema }),
    response: z.object({ removed: z.boolean() }),
  },
  'accord:seal-versions': {
    method: 'sealAccordVersions',
    label: 'Sealing the signed version',
    presenter: false,
    /**
     * The signed history of a workshop, oldest first, the last one the version
     * whose signing has just completed (shared/model/versions.ts
     * FileVersionSchema, each agreement re-read by the handler: the renderer is
     * untrusted). Main seals only that last version, over the history before
     * it, and only if it was locked in the last minutes and keeps the signing
     * rules (electron/pdf/accord-seal.ts sealNewVersion). `name`: the
     * consultant, for a first certificate.
     */
    request: z.strictObject({ versions: z.array(z.unknown()).check(z.minLength(1, { error: 'No version to seal.' }), z.maxLength(1000, { error: 'More versions than any workshop holds.' })), name: z.string().check(z.maxLength(200)) }),
    /** The seal of the last version given. */
    response: z.object({ seal: VersionSealSchema }),
  },
  'accord:check-seals': {
    method: 'checkAccordSeals',
    label: 'Checking the seals',
    presenter: false,
    /** Versions an `.accord` file (or the library) claims are signed, with their seals; main checks the rules and each seal, and says who sealed it by fingerprint. */
    request: z.strictObject({ versions: z.array(z.unknown()).check(z.maxLength(1000, { error: 'More versions than any workshop holds.' })) }),
    response: z.object({ checks: z.array(VersionSealCheckSchema) }),
  },
} as const satisfies Record<string, IpcChannelSpec>;

/** A channel name of the contract. */
export type IpcChannel = keyof typeof ipcContract;

/** What a caller passes on a channel (before validation). */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;

/** What a handler receives on a channel (after validation). */
export type IpcValidRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;

/** What a channel answers. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

/** Why an IPC call failed. */
export type IpcErrorCode = 'unknown-channel' | 'invalid-request' | 'forbidden-sender' | 'failed';

/** Every IPC answer is an envelope, so errors cross the bridge as data, with a message a person can read. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/** Whether a string names a channel of the contract. */
export function isIpcChannel(channel: string): channel is IpcChannel {
  return Object.prototype.hasOwnProperty.call(ipcContract, channel);
}

/** Commands the native menu sends to the renderer (main → renderer, one way); the Workshop menu's come from shared/model/workshop-actions.ts. */
export const menuCommands = [
  'workshop:new',
  'library:show',
  'library:import',
  'library:export',
  'library:backups',
  'export:pdf',
  'export:markdown',
  'export:accord',
  'view:theme-system',
  'view:theme-light',
  'view:theme-dark',
  'edit:undo',
  'edit:redo',
  'view:presenter',
  'view:command-palette',
  'help:verify',
  'help:shortcuts',
  'app:settings',
  // Not from the menu: main asks the page to save and back up before the window closes (answered by window:close-ready).
  'app:before-close',
  ...workshopMenuCommands,
] as const;

/** A command from the application menu. */
export type MenuCommand = (typeof menuCommands)[number];

/** An `.accord` file opened outside the page (double-click, Open…, Open Recent, an argument): its bare file name and its text, imported like the library's Import button. */
export const OpenAccordFileSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(260), z.refine((name) => !/[/\\]/u.test(name), { error: 'The file name may not be a path.' })),
  content: z.string().check(z.maxLength(MAX_ACCORD_FILE_BYTES)),
});

/** An `.accord` file opened outside the page. */
export type OpenAccordFile = z.output<typeof OpenAccordFileSchema>;

/** What the contract declares for every event (main → renderer, one way). */
export interface IpcEventSpec {
  /** The subscription on `window.accord` (`accord.<subscribe>(listener)` returns the unsubscribe function). */
  readonly subscribe: string;
  /** Whether events that arrive before anyone listens wait for the first listener (shared/ipc/event-buffer.ts) rather than being dropped. */
  readonly buffered: boolean;
  /** What the payload must be; the preload (and the Chromium harness) drop anything else before the page sees it. */
  readonly payload: z.ZodMiniType;
}

/** Events main pushes to the renderer, with everything the contract declares about each. */
export const ipcEvents = {
  'menu:command': {
    subscribe: 'onMenuCommand',
    buffered: false,
    payload: z.enum(menuCommands),
  },
  'file:open-accord': {
    subscribe: 'onOpenFile',
    // The file that launched the app arrives before the page has subscribed.
    buffered: true,
    payload: OpenAccordFileSchema,
  },
} as const satisfies Record<string, IpcEventSpec>;

/** An event channel of the contract. */
export type IpcEvent = keyof typeof ipcEvents;

/** What an event carries (after validation). */
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof ipcEvents)[E]['payload']>;

/** An event's payload as its schema reads it (unknown fields dropped), or null when it is not one: malformed events never reach the page. */
export function parseIpcEvent<E extends IpcEvent>(event: E, value: unknown): IpcEventPayload<E> | null {
  const parsed = ipcEvents[event].payload.safeParse(value);
  return parsed.success ? (parsed.data as IpcEventPayload<E>) : null;
}

/** Which of the app's windows is asking: the main window, or the read-only presenter window. */
export type IpcWindow = 'main' | 'presenter';

/** Whether a window may call a channel: the main window every one, the presenter only those the contract marks `presenter`. */
export function windowMayCall(window: IpcWindow, channel: IpcChannel): boolean {
  return window === 'main' || ipcContract[channel].presenter;
}
