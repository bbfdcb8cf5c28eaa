import '../../components/mantine-ui-styles';
import { Alert, Anchor, Group, Loader } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { readiness } from '../../../shared/model/agreement-rules';
import { sectionProgress, sections, type SectionId } from '../../../shared/model/sections';
import { openQuestions } from '../../../shared/model/open-questions';
import { undoSentence } from '../../../shared/document/edit-summary';
import { searchItems } from '../../../shared/model/item-search';
import type { WorkshopStatus } from '../../../shared/model/workshop';
import { notify } from '../../components/notify';
import type { DocumentContext } from '../../../shared/document/document';
import { calibrationChoice, documentSubject, exportAgreement, type ExportKind } from '../../store/export-actions';
import { useBranding, useCalibration, useCalibrationStore, useReviewStore, useEditor, useEditorStore, useLibrary, useNavigation, useVersions, useWorkshopCommands, useExportOptions, useExportOptionsStore } from '../../store/stores';
import { SigningPanel } from '../signing/SigningPanel';
import { openPresenterWindow } from '../../store/presenter-actions';
import { useSession, useSessionStore } from '../../store/stores';
import { AgendaDrawer } from '../session/AgendaDrawer';
import { addItemHere, markFocusedItem, useCaptureKeys, type CaptureCommand } from '../session/capture-keys';
import { CommandPalette, createPalette, type PaletteCommand } from '../session/CommandPalette';
import { OpenQuestionsDrawer } from '../session/OpenQuestionsDrawer';
import { QuickCapture } from '../session/QuickCapture';
import { ShortcutsModal } from '../session/ShortcutsModal';
import { usePresenterFeed } from '../presenter/usePresenterFeed';
import { sessionFactsOf } from '../../../shared/document/session-summary';
import { EditorProvider, useAgreementEditor } from '../../components/editor-kit';
import { PartView } from './PartTable';
import { agreedOnVersions, signedItemsOf } from '../../../shared/model/consensus-history';
import { MoveTimerDialog, timerIsElsewhere } from './MoveTimerDialog';
import { SectionNavigator } from './SectionNavigator';
import { ReadinessDrawer, SaveTemplateModal } from './WorkshopDialogs';
import { WorkshopHeader } from './WorkshopHeader';
import { bindWorkshopActions, paletteGroupsOf, runAction, useWorkshopActionKeys, type WorkshopActionHandlers } from './workshop-actions';
import type { WorkshopDialog } from './workshop-dialog';
import { CadenceSection } from './sections/CadenceSection';
import { CommitteeSection } from './sections/CommitteeSection';
import { EngagementSection } from './sections/EngagementSection';
import { HandoffSection } from './sections/HandoffSection';
import { IcpSection } from './sections/IcpSection';
import { LogSection } from './sections/LogSection';
import { ReasonsSection } from './sections/ReasonsSection';
import { RevenueSection } from './sections/RevenueSection';
import { ScoringSection } from './sections/ScoringSection';
import { VocabularySection } from './sections/VocabularySection';
import { WorkshopSection } from './sections/WorkshopSection';
import './workshop.css';
import { partPositionsText } from '../../../shared/model/part-consensus';
import type { ConsensusTeam } from '../../../shared/model/consensus';
import { consensusItems } from '../../../shared/model/sections';

const DocumentPreview = lazy(() => import('../preview/DocumentPreview').then((module) => ({ default: module.DocumentPreview })));
const LeadTester = lazy(() => import('../scoring/LeadTester').then((module) => ({ default: module.LeadTester })));
const CalibrationPanel = lazy(() => import('../calibration/CalibrationPanel').then((module) => ({ default: module.CalibrationPanel })));
const ReviewPanel = lazy(() => import('../review/ReviewPanel').then((module) => ({ default: module.ReviewPanel })));
const SessionSummaryModal = lazy(() => import('../summary/SessionSummaryModal').then((module) => ({ default: module.SessionSummaryModal })));
// Branding is an app setting: the workshop's ⋯ → Branding… opens the same Settings dialog as the header.
const BrandingModal = lazy(() => import('../settings/SettingsModal').then((module) => ({ default: module.SettingsModal })));

const sectionEditors: Record<SectionId, ComponentType> = {
  workshop: WorkshopSection,
  revenue: RevenueSection,
  vocabulary: VocabularySection,
  icp: IcpSection,
  committee: CommitteeSection,
  engagement: EngagementSection,
  scoring: ScoringSection,
  handoff: HandoffSection,
  reasons: ReasonsSection,
  cadence: CadenceSection,
  log: LogSection,
};

/** One workshop: the guided editor of its agreement, part by part. */
export function WorkshopScreen({ workshopId, section = 'workshop' }: { workshopId: string; section?: SectionId }) {
  const open = useEditor((state) => state.open);
  const flush = useEditor((state) => state.flush);
  const status = useEditor((state) => state.status);
  const error = useEditor((state) => state.error);
  const agreement = useEditor((state) => (state.workshopId === workshopId ? state.agreement : null));
  const record = useLibrary((state) => state.workshops.find((item) => item.id === workshopId));
  const libraryStatus = useLibrary((state) => state.status);
  const navigate = useNavigation((state) => state.navigate);
  const back = () => {
    void flush();
    navigate({ screen: 'library' });
  };

  const loadVersions = useVersions((state) => state.load);
  useEffect(() => {
    void open(workshopId);
    void loadVersions(workshopId);
  }, [open, loadVersions, workshopId]);
  // "agreed on version n content": only intact signed versions of this workshop count.
  const versionList = useVersions((state) => state.versions);
  const signedItems = useMemo(() => signedItemsOf(versionList.filter((version) => version.workshopId === workshopId && version.status === 'signed' && version.intact)), [versionList, workshopId]);
  const agreedOn = useMemo(() => (agreement && signedItems.length > 0 ? agreedOnVersions(agreement, signedItems) : new Map<string, number>()), [agreement, signedItems]);

  if (libraryStatus === 'ready' && !record) {
    return (
      <section className="accord-content">
        <Alert color="yellow" icon={<IconAlertCircle />} title="This workshop is not in the library">
          It may have been deleted.{' '}
          <Anchor component="button" onClick={back}>
            Back to the library
          </Anchor>
        </Alert>
      </section>
    );
  }
  if (status === 'error') {
    return (
      <section className="accord-content">
        <Alert color="red" icon={<IconAlertCircle />} title="This agreement could not be opened">
          {error} Nothing was changed.{' '}
          <Anchor component="button" onClick={back}>
            Back to the library
          </Anchor>
        </Alert>
      </section>
    );
  }
  if (!agreement || !record) {
    return (
      <Group justify="center" py={80}>
        <Loader aria-label="Opening the workshop" />
      </Group>
    );
  }
  return (
    <EditorProvider agreement={agreement} agreedOn={agreedOn}>
      <Editor workshopId={workshopId} section={section} status={record.status} onBack={back} />
    </EditorProvider>
  );
}

/** Where the focus goes after moving: the part's heading, or one item of it. `sequence` makes a repeat request new. */
interface FocusRequest {
  section: SectionId;
  itemId?: string;
  sequence: number;
}

const frozenMessage = 'The agreement is frozen while it is signed or being signed.';

/** The clock, read when the summary opens (an event, not a render). */
const nowMs = () => Date.now();

function Editor({ workshopId, section, status, onBack }: { workshopId: string; section: SectionId; status: WorkshopStatus; onBack: () => void }) {
  const { agreement, agreedOn } = useAgreementEditor();
  const navigate = useNavigation((state) => state.navigate);
  const editor = useEditorStore();
  const canUndo = useEditor((state) => state.past.length > 0);
  const canRedo = useEditor((state) => state.future.length > 0);
  const versions = useVersions((state) => state.versions);
  const setLocked = useEditor((state) => state.setLocked);
  const locked = status === 'signing' || status === 'signed';
  useEffect(() => setLocked(locked), [locked, setLocked]);
  // One dialog at a time: which one is open (workshop-dialog.ts).
  const [dialog, setDialog] = useState<WorkshopDialog | null>(null);
  const close = () => setDialog(null);
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  // The palette is this screen's (its own store, made once per mount); menu commands reach it through the app's registry.
  const [palette] = useState(createPalette);
  const workshopCommands = useWorkshopCommands();
  const reviewStore = useReviewStore();
  // A review belongs to the workshop it was run in.
  useEffect(() => reviewStore.getState().reset(workshopId), [reviewStore, workshopId]);
  const calibration = useCalibrationStore();
  useEffect(() => void calibration.getState().load(workshopId), [calibration, workshopId]);
  const branding = useBranding((state) => state.branding);
  const calibrationResult = useCalibration((state) => (state.workshopId === workshopId ? state.result : null));
  const calibrationFiles = useCalibration((state) => state.stored?.files ?? null);
  const calibrationError = useCalibration((state) => (state.status === 'error' ? state.error : null));
  // The calibration is printed only when the rule allows it (calibrationEvidence) and the person left it ticked.
  const includeCalibration = useExportOptions((state) => state.includeCalibration);
  const exportOptions = useExportOptionsStore();
  const calibrationExport = useMemo(() => calibrationChoice({ result: calibrationResult, files: calibrationFiles, error: calibrationError }, includeCalibration), [calibrationResult, calibrationFiles, calibrationError, includeCalibration]);
  const calibrationSummary: DocumentContext['calibration'] = calibrationExport.calibration;
  const previewOpen = dialog?.kind === 'preview';
  const preview = useMemo(() => (previewOpen ? documentSubject(agreement, versions, status, branding, calibrationSummary) : null), [previewOpen, agreement, versions, status, branding, calibrationSummary]);
  const [lastExport, setLastExport] = useState<{ kind: ExportKind; path: string } | null>(null);
  const runExport = (kind: ExportKind) => {
    if (exporting) return;
    setExporting(kind);
    exportAgreement(kind, agreement, versions, status, branding, calibrationSummary).then(
      (path) => {
        if (!path) return;
        setLastExport({ kind, path });
        notify({ message: `Saved ${path}` });
      },
      (error: unknown) => notify({ tone: 'error', title: 'Not exported', message: error instanceof Error ? error.message : String(error) }),
    ).finally(() => setExporting(null));
  };
  const progress = useMemo(() => sectionProgress(agreement), [agreement]);
  const open = useMemo(() => openQuestions(agreement), [agreement]);

  // The facilitated session: agenda and timer, presenter window, keyboard capture.
  const session = useSessionStore();
  useEffect(() => void session.getState().load(workshopId), [session, workshopId]);
  const agenda = useSession((state) => state.agenda);
  const timer = useSession((state) => state.timer);
  const openSummary = () => {
    const state = session.getState();
    setDialog(state.timer.startedAt === null ? { kind: 'summary' } : { kind: 'summary', facts: sessionFactsOf(state.agenda, state.timer, nowMs()) });
  };
  const agreedOnRecord = useMemo(() => (agreedOn.size === 0 ? undefined : Object.fromEntries(agreedOn)), [agreedOn]);
  usePresenterFeed({ workshopId, agreement, section, view: dialog?.kind === 'open-questions' ? 'open-questions' : 'section', agenda, timer, branding, agreedOn: agreedOnRecord });
  const check = useMemo(() => readiness(agreement), [agreement]);
  const SectionEditor = sectionEditors[section];

  // Moving to a part puts its top on screen and the focus on its heading (or on the item asked for).
  const pane = useRef<HTMLElement>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  useEffect(() => {
    if (!focusRequest || focusRequest.section !== section || dialog) return;
    const item = focusRequest.itemId ? document.getElementById(`item-${focusRequest.itemId}`) : null;
    if (item) {
      item.scrollIntoView?.({ block: 'center' });
      (item.querySelector<HTMLElement>('input, textarea, button') ?? item).focus({ preventScroll: true });
      return;
    }
    if (window.scrollY > 0) window.scrollTo({ top: 0 });
    const heading = pane.current?.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [focusRequest, section, dialog]);

  const go = (target: SectionId, itemId?: string, askTimer = true) => {
    navigate({ screen: 'workshop', workshopId, section: target });
    setFocusRequest((previous) => ({ section: target, ...(itemId ? { itemId } : {}), sequence: (previous?.sequence ?? 0) + 1 }));
    const state = session.getState();
    setDialog(null);
    // Asked once the part is on screen and on the projector (the question must not hold up the presenter's slide).
    if (askTimer && timerIsElsewhere(state.agenda, state.timer, target, false)) setTimeout(() => setDialog({ kind: 'move-timer', section: target, start: false }), 0);
  };
  const nextPart = () => {
    session.getState().next();
    const state = session.getState();
    const item = state.agenda[state.timer.current];
    if (item) go(item.sectionId as SectionId, undefined, false);
  };
  const toggleTimer = () => {
    const state = session.getState();
    if (state.timer.runningSince !== null) state.pause();
    else if (timerIsElsewhere(state.agenda, state.timer, section, true)) setDialog({ kind: 'move-timer', section, start: true });
    else state.start();
  };
  const openPresenter = () => {
    openPresenterWindow(workshopId).then(
      (placement) => notify({ message: placement === 'second-display' ? 'The presenter view is full screen on the second display.' : placement === 'page' ? 'The presenter view opened as a second page. Press F there for full screen.' : 'The presenter view opened in its own window. Press F there for full screen.' }),
      (failure: unknown) => notify({ tone: 'error', title: 'The presenter view did not open', message: failure instanceof Error ? failure.message : String(failure) }),
    );
  };
  // Undo and redo say what they undid: "Undid: Win rate: 22 % → 25 %".
  const step = (kind: 'undo' | 'redo') => {
    const before = editor.getState().agreement;
    if (kind === 'undo') editor.getState().undo();
    else editor.getState().redo();
    const after = editor.getState().agreement;
    if (!before || !after || before === after) return;
    notify({ message: undoSentence(kind, kind === 'undo' ? { before: after, after: before } : { before, after }) });
  };

  // The part's bulk agreement from the palette or a menu (the part's own bar has the same buttons): one undo step, its result said.
  const agreeToPart = useEditor((state) => state.agreeToPart);
  const agreeToThisPart = (teams: readonly ConsensusTeam[]) => {
    const plan = agreeToPart(section, teams);
    if (plan) notify({ tone: plan.skipped.length > 0 ? 'warning' : undefined, message: `${partPositionsText(plan)}${plan.changes.length > 0 ? ' One undo (Ctrl/Cmd+Z) takes it back.' : ''}` });
  };

  // The one list of actions: the ⋯ menu, the palette, the shortcuts and the native menu all run these.
  const handlers: WorkshopActionHandlers = {
    undo: () => step('undo'),
    redo: () => step('redo'),
    palette: () => palette.open(),
    'timer-toggle': toggleTimer,
    'timer-next': nextPart,
    agenda: () => setDialog((current) => (current?.kind === 'agenda' ? null : { kind: 'agenda' })),
    presenter: openPresenter,
    'open-questions': () => setDialog((current) => (current?.kind === 'open-questions' ? null : { kind: 'open-questions' })),
    summary: openSummary,
    shortcuts: () => setDialog({ kind: 'shortcuts' }),
    'park-topic': () => setDialog({ kind: 'capture', capture: 'topic' }),
    'log-decision': () => setDialog({ kind: 'capture', capture: 'decision' }),
    'add-action': () => setDialog({ kind: 'capture', capture: 'action' }),
    tester: () => setDialog({ kind: 'tester' }),
    calibrate: () => setDialog({ kind: 'calibration' }),
    review: () => setDialog({ kind: 'review' }),
    preview: () => setDialog({ kind: 'preview' }),
    readiness: () => setDialog({ kind: 'readiness' }),
    'agree-part-both': () => agreeToThisPart(['marketing', 'sales']),
    'agree-part-marketing': () => agreeToThisPart(['marketing']),
    'agree-part-sales': () => agreeToThisPart(['sales']),
    sign: () => setDialog({ kind: 'signing' }),
    'export-pdf-a4': () => runExport('pdf-a4'),
    'export-pdf-letter': () => runExport('pdf-letter'),
    'export-markdown': () => runExport('markdown'),
    'export-accord': () => runExport('accord'),
    'export-rules-csv': () => runExport('rules-csv'),
    'export-rules-json': () => runExport('rules-json'),
    branding: () => setDialog({ kind: 'branding' }),
    'save-template': () => setDialog({ kind: 'save-template' }),
  };
  const busy = exporting ? 'An export is running; wait until it is saved.' : null;
  const noItemsHere = consensusItems(agreement).some((item) => item.section === section) ? null : 'This part has no items to agree to.';
  const actions = bindWorkshopActions(handlers, {
    undo: !canUndo && 'Nothing to undo.',
    redo: !canRedo && 'Nothing to redo.',
    'agree-part-both': (locked && frozenMessage) || noItemsHere,
    'agree-part-marketing': (locked && frozenMessage) || noItemsHere,
    'agree-part-sales': (locked && frozenMessage) || noItemsHere,
    'park-topic': locked && frozenMessage,
    'log-decision': locked && frozenMessage,
    'add-action': locked && frozenMessage,
    'export-pdf-a4': busy,
    'export-pdf-letter': busy,
    'export-markdown': busy,
    'export-accord': busy,
    'export-rules-csv': busy,
    'export-rules-json': busy,
  });
  useWorkshopActionKeys(actions);
  // The native menu runs the same actions (registered after every render, so it always acts on what is on screen).
  useEffect(() =>
    workshopCommands.handle((id) => {
      const action = actions.find((entry) => entry.id === id);
      if (action) runAction(action);
    }),
  );
  // Item shortcuts act on the focused item, so they stay keyboard-only (capture-keys.ts).
  useCaptureKeys(true, (command: CaptureCommand) => {
    if (locked) notify({ tone: 'error', message: frozenMessage });
    else if (command === 'add-item') {
      if (!addItemHere(pane.current)) notify({ tone: 'error', message: 'This part has no list to add to.' });
    } else if (!markFocusedItem(command)) notify({ tone: 'error', message: 'Put the focus on an item first (Tab into it), then press the shortcut again.' });
  });
  const paletteGroups: { group: string; commands: PaletteCommand[] }[] = [
    { group: 'Go to a part', commands: sections.map((entry) => ({ id: `go-${entry.id}`, label: `${entry.number}. ${entry.title}`, description: entry.summary, run: () => go(entry.id) })) },
    ...paletteGroupsOf(actions),
  ];
  const findItems = (query: string): PaletteCommand[] => searchItems(agreement, query).map((item) => ({ id: `item-${item.section}-${item.id}`, label: item.label, description: item.part, run: () => go(item.section, item.id) }));
  const timedSection = agenda[timer.current]?.sectionId ?? null;

  return (
    <div className="workshop-layout">
      <WorkshopHeader facts={{ status, blockers: check.blockers.length, open: open.counts.open, timerRunning: timer.runningSince !== null }} actions={actions} onBack={onBack} onNext={nextPart} exporting={exporting} />
      <SectionNavigator current={section} progress={progress} onGo={(target) => go(target)} />
      <section className="workshop-pane" aria-label={sections.find((entry) => entry.id === section)?.title} ref={pane}>
        <fieldset disabled={locked} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
          <legend className="mantine-visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {sections.find((entry) => entry.id === section)?.title}
          </legend>
          <PartView section={section}>
            <SectionEditor />
          </PartView>
        </fieldset>
      </section>
      <SigningPanel opened={dialog?.kind === 'signing'} onClose={close} agreement={agreement} workshopStatus={status} onExport={runExport} exporting={exporting} lastExport={lastExport} />
      <ReadinessDrawer
        opened={dialog?.kind === 'readiness'}
        onClose={close}
        blockers={check.blockers}
        onGo={(blocker) => go(blocker.section, blocker.itemId)}
      />
      {dialog?.kind === 'save-template' && <SaveTemplateModal onClose={close} />}
      <AgendaDrawer opened={dialog?.kind === 'agenda'} onClose={close} onDiscuss={(target) => go(target as SectionId, undefined, false)} />
      <OpenQuestionsDrawer opened={dialog?.kind === 'open-questions'} onClose={close} onGo={(target, itemId) => go(target, itemId)} />
      {dialog?.kind === 'capture' && <QuickCapture kind={dialog.capture} locked={locked} onClose={close} />}
      {dialog?.kind === 'shortcuts' && <ShortcutsModal onClose={close} withAppShortcuts />}
      {dialog?.kind === 'move-timer' && (
        <MoveTimerDialog
          section={dialog.section}
          timerSection={timedSection}
          start={dialog.start}
          onYes={() => {
            const state = session.getState();
            state.goTo(dialog.section);
            if (dialog.start) session.getState().start();
            close();
            setFocusRequest((previous) => ({ section: dialog.section, sequence: (previous?.sequence ?? 0) + 1 }));
          }}
          onNo={() => {
            if (dialog.start) session.getState().start();
            close();
            setFocusRequest((previous) => ({ section: dialog.section, sequence: (previous?.sequence ?? 0) + 1 }));
          }}
        />
      )}
      <CommandPalette palette={palette} groups={paletteGroups} findItems={findItems} />
      <Suspense fallback={null}>
        {preview && (
          <DocumentPreview
            agreement={preview.agreement}
            context={preview.context}
            calibration={{ evidence: calibrationExport.evidence, include: calibrationExport.include, onChange: (include) => exportOptions.getState().setIncludeCalibration(include) }}
            onClose={close}
            onExportPdf={() => {
              close();
              runExport('pdf-a4');
            }}
          />
        )}
        {dialog?.kind === 'summary' && <SessionSummaryModal agreement={agreement} session={dialog.facts} onClose={close} />}
        {dialog?.kind === 'branding' && <BrandingModal onClose={close} />}
        {dialog?.kind === 'review' && <ReviewPanel agreement={agreement} onClose={close} />}
        {dialog?.kind === 'calibration' && <CalibrationPanel agreement={agreement} onClose={close} />}
        {dialog?.kind === 'tester' && <LeadTester opened onClose={close} agreement={agreement} />}
      </Suspense>
    </div>
  );
}
