import '../../components/mantine-ui-styles';
import { ActionIcon, Alert, Anchor, Badge, Breadcrumbs, Button, Drawer, Group, Loader, Menu, Modal, RingProgress, Stack, Text, TextInput, Textarea, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconArrowBackUp, IconCommand, IconKeyboard, IconListDetails, IconPresentation, IconReportAnalytics, IconArrowForwardUp, IconArrowLeft, IconCheck, IconCircleCheck, IconCloudOff, IconChartHistogram, IconClipboardCheck, IconDots, IconEye, IconFlask, IconFileExport, IconPalette, IconFileTypePdf, IconLock, IconMarkdown, IconSignature, IconTable, IconTemplate } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType } from 'react';
import { readiness, type Blocker } from '../../../shared/model/agreement-rules';
import { sectionProgress, sections, type SectionId } from '../../../shared/model/sections';
import { WorkshopTitleSchema } from '../../../shared/model/workshop';
import { firstIssueMessage } from '../../../shared/model/validation';
import { notify } from '../../components/notify';
import type { DocumentContext } from '../../../shared/document/document';
import { calibrationFacts } from '../../../shared/engines/calibration/calibrate';
import { useBranding } from '../../store/branding-store';
import { documentSubject, exportAgreement, type ExportKind } from '../../store/export-actions';
import { useCalibration, useCalibrationStore, useReviewStore, useEditor, useLibrary, useNavigation, useTemplates, useVersions } from '../../store/stores';
import { SigningPanel } from '../signing/SigningPanel';
import { openPresenterWindow } from '../../store/presenter-actions';
import { handleWorkshopCommands } from '../../store/workshop-commands';
import { useSession, useSessionStore } from '../../store/stores';
import { AgendaDrawer } from '../session/AgendaDrawer';
import { addItemHere, captureShortcuts, markFocusedItem, useCaptureKeys, type CaptureCommand } from '../session/capture-keys';
import { CommandPalette, openPalette, type PaletteCommand } from '../session/CommandPalette';
import { OpenQuestionsDrawer } from '../session/OpenQuestionsDrawer';
import { QuickCapture, type CaptureKind } from '../session/QuickCapture';
import { SessionBar } from '../session/SessionBar';
import { ShortcutsModal } from '../session/ShortcutsModal';
import { usePresenterFeed } from '../presenter/usePresenterFeed';
import { sessionFactsOf, type SessionFacts } from '../../../shared/document/session-summary';
import { EditorProvider, useAgreementEditor } from './editor-kit';
import { PartView } from './PartTable';
import { agreedOnVersions, signedItemsOf } from '../../../shared/model/consensus-history';
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

const DocumentPreview = lazy(() => import('../preview/DocumentPreview').then((module) => ({ default: module.DocumentPreview })));
const LeadTester = lazy(() => import('../scoring/LeadTester').then((module) => ({ default: module.LeadTester })));
const CalibrationPanel = lazy(() => import('../calibration/CalibrationPanel').then((module) => ({ default: module.CalibrationPanel })));
const ReviewPanel = lazy(() => import('../review/ReviewPanel').then((module) => ({ default: module.ReviewPanel })));
const SessionSummaryModal = lazy(() => import('../summary/SessionSummaryModal').then((module) => ({ default: module.SessionSummaryModal })));
const BrandingModal = lazy(() => import('../preview/BrandingModal').then((module) => ({ default: module.BrandingModal })));

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

function Editor({ workshopId, section, status, onBack }: { workshopId: string; section: SectionId; status: string; onBack: () => void }) {
  const { agreement } = useAgreementEditor();
  const navigate = useNavigation((state) => state.navigate);
  const undo = useEditor((state) => state.undo);
  const redo = useEditor((state) => state.redo);
  const canUndo = useEditor((state) => state.past.length > 0);
  const canRedo = useEditor((state) => state.future.length > 0);
  const [readyOpen, setReadyOpen] = useState(false);
  const [templateOpen, setTemplateOpen] = useState(false);
  const [signingOpen, setSigningOpen] = useState(false);
  const versions = useVersions((state) => state.versions);
  const setLocked = useEditor((state) => state.setLocked);
  const locked = status === 'signing' || status === 'signed';
  useEffect(() => setLocked(locked), [locked, setLocked]);
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [testerOpen, setTesterOpen] = useState(false);
  const [calibrationOpen, setCalibrationOpen] = useState(false);
  const [reviewOpen, setReviewOpen] = useState(false);
  const reviewStore = useReviewStore();
  // A review belongs to the workshop it was run in.
  useEffect(() => reviewStore.getState().reset(workshopId), [reviewStore, workshopId]);
  const calibration = useCalibrationStore();
  useEffect(() => void calibration.getState().load(workshopId), [calibration, workshopId]);
  const [brandingOpen, setBrandingOpen] = useState(false);
  const branding = useBranding((state) => state.branding);
  const calibrationResult = useCalibration((state) => (state.workshopId === workshopId ? state.result : null));
  const calibrationFiles = useCalibration((state) => state.stored?.files ?? null);
  const calibrationSummary = useMemo<DocumentContext['calibration']>(() => (calibrationResult && calibrationFiles ? { rows: calibrationFacts(calibrationResult, calibrationFiles) } : undefined), [calibrationResult, calibrationFiles]);
  const preview = useMemo(() => (previewOpen ? documentSubject(agreement, versions, status, branding, calibrationSummary) : null), [previewOpen, agreement, versions, status, branding, calibrationSummary]);
  const runExport = (kind: ExportKind) => {
    setExporting(kind);
    exportAgreement(kind, agreement, versions, status, branding, calibrationSummary).then(
      (path) => path && notify({ message: `Saved ${path}` }),
      (error: unknown) => notify({ tone: 'error', title: 'Not exported', message: error instanceof Error ? error.message : String(error) }),
    ).finally(() => setExporting(null));
  };
  // File → Export in the native menu exports this workshop, exactly as the Export menu here does
  // (registered after every render, so it always exports what is on screen).
  useEffect(() =>
    handleWorkshopCommands((command) => {
      if (command === 'export:pdf') runExport('pdf-a4');
      else if (command === 'export:markdown') runExport('markdown');
      else runExport('accord');
    }),
  );
  const progress = useMemo(() => sectionProgress(agreement), [agreement]);
  const openCount = useMemo(() => Object.values(progress).reduce((sum, entry) => sum + entry.disputed, 0) + agreement.parkingLot.filter((topic) => topic.status === 'open').length, [progress, agreement.parkingLot]);

  // The facilitated session: agenda and timer, presenter window, keyboard capture.
  const session = useSessionStore();
  useEffect(() => void session.getState().load(workshopId), [session, workshopId]);
  const agenda = useSession((state) => state.agenda);
  const timer = useSession((state) => state.timer);
  const [agendaOpen, setAgendaOpen] = useState(false);
  const [questionsOpen, setQuestionsOpen] = useState(false);
  const [capture, setCapture] = useState<CaptureKind | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // The summary's timing appears only once the session was timed.
  const [summary, setSummary] = useState<{ facts?: SessionFacts } | null>(null);
  const openSummary = () => {
    const state = session.getState();
    setSummary(state.timer.startedAt === null ? {} : { facts: sessionFactsOf(state.agenda, state.timer, Date.now()) });
  };
  const { agreedOn } = useAgreementEditor();
  const agreedOnRecord = useMemo(() => (agreedOn.size === 0 ? undefined : Object.fromEntries(agreedOn)), [agreedOn]);
  usePresenterFeed({ workshopId, agreement, section, view: questionsOpen ? 'open-questions' : 'section', agenda, timer, branding, agreedOn: agreedOnRecord });
  const check = useMemo(() => readiness(agreement), [agreement]);
  const SectionEditor = sectionEditors[section];

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.metaKey || event.ctrlKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [undo, redo]);

  const go = (target: SectionId, itemId?: string) => {
    navigate({ screen: 'workshop', workshopId, section: target });
    if (itemId) {
      setTimeout(() => {
        const element = document.getElementById(`item-${itemId}`);
        element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        element?.querySelector<HTMLElement>('input, textarea, button')?.focus();
      }, 80);
    }
  };

  const nextPart = () => {
    session.getState().next();
    const state = session.getState();
    const item = state.agenda[state.timer.current];
    if (item) go(item.sectionId as SectionId);
  };
  const openPresenter = () => {
    openPresenterWindow(workshopId).then(
      (placement) => notify({ message: placement === 'second-display' ? 'The presenter view is full screen on the second display.' : placement === 'page' ? 'The presenter view opened as a second page. Press F there for full screen.' : 'The presenter view opened in its own window. Press F there for full screen.' }),
      (failure: unknown) => notify({ tone: 'error', title: 'The presenter view did not open', message: failure instanceof Error ? failure.message : String(failure) }),
    );
  };
  const runCommand = (command: CaptureCommand) => {
    const pane = document.querySelector('.workshop-pane');
    switch (command) {
      case 'palette':
        openPalette();
        return;
      case 'add-item':
        if (locked) notify({ tone: 'error', message: 'The agreement is frozen while it is signed or being signed.' });
        else if (!addItemHere(pane)) notify({ tone: 'error', message: 'This part has no list to add to.' });
        return;
      case 'marketing-agree':
      case 'marketing-disagree':
      case 'sales-agree':
      case 'sales-disagree':
      case 'park-item':
        if (locked) notify({ tone: 'error', message: 'The agreement is frozen while it is signed or being signed.' });
        else if (!markFocusedItem(command)) notify({ tone: 'error', message: 'Put the focus on an item first (Tab into it), then press the shortcut again.' });
        return;
      case 'park-topic':
        setCapture('topic');
        return;
      case 'log-decision':
        setCapture('decision');
        return;
      case 'add-action':
        setCapture('action');
        return;
      case 'open-questions':
        setQuestionsOpen((open) => !open);
        return;
      case 'timer-toggle':
        session.getState().toggle();
        return;
      case 'timer-next':
        nextPart();
        return;
      case 'agenda':
        setAgendaOpen((open) => !open);
        return;
      case 'presenter':
        openPresenter();
        return;
      case 'shortcuts':
        setShortcutsOpen(true);
        return;
    }
  };
  useCaptureKeys(true, runCommand);
  const keysOf = (command: CaptureCommand) => captureShortcuts.find((entry) => entry.command === command)?.keys;
  const paletteGroups: { group: string; commands: PaletteCommand[] }[] = [
    { group: 'Go to a part', commands: sections.map((entry) => ({ id: `go-${entry.id}`, label: `${entry.number}. ${entry.title}`, description: entry.summary, run: () => go(entry.id) })) },
    {
      group: 'Session',
      commands: [
        { id: 'timer', label: timer.runningSince === null ? 'Start the timer' : 'Pause the timer', keys: keysOf('timer-toggle'), run: () => session.getState().toggle() },
        { id: 'next', label: 'Next part of the agenda', keys: keysOf('timer-next'), run: nextPart },
        { id: 'agenda', label: 'Agenda and time boxes', keys: keysOf('agenda'), run: () => setAgendaOpen(true) },
        { id: 'presenter', label: 'Open the presenter window', keys: keysOf('presenter'), keywords: ['projector', 'screen'], run: openPresenter },
        { id: 'questions', label: 'Open questions: disputed and parked', keys: keysOf('open-questions'), keywords: ['disagree', 'parking'], run: () => setQuestionsOpen(true) },
      ],
    },
    {
      group: 'Capture',
      commands: [
        { id: 'park-topic', label: 'Park a topic', keys: keysOf('park-topic'), disabled: locked, run: () => setCapture('topic') },
        { id: 'decision', label: 'Log a decision', keys: keysOf('log-decision'), disabled: locked, run: () => setCapture('decision') },
        { id: 'action', label: 'Add an action item', keys: keysOf('add-action'), disabled: locked, run: () => setCapture('action') },
        { id: 'summary', label: 'Session summary', description: 'Agreed, parked, action items, next review; PDF or Markdown', run: openSummary },
        { id: 'shortcuts', label: 'Keyboard shortcuts', keys: keysOf('shortcuts'), run: () => setShortcutsOpen(true) },
      ],
    },
    {
      group: 'Workshop',
      commands: [
        { id: 'tester', label: 'Test a lead', run: () => setTesterOpen(true) },
        { id: 'calibrate', label: 'Calibrate with CRM data', run: () => setCalibrationOpen(true) },
        { id: 'review', label: 'SLA review', run: () => setReviewOpen(true) },
        { id: 'preview', label: 'Preview the document', run: () => setPreviewOpen(true) },
        { id: 'ready', label: 'Ready to sign?', run: () => setReadyOpen(true) },
        { id: 'sign', label: 'Sign', run: () => setSigningOpen(true) },
        { id: 'export-pdf', label: 'Export PDF, A4 (sealed)', run: () => runExport('pdf-a4') },
        { id: 'branding', label: 'Branding', run: () => setBrandingOpen(true) },
      ],
    },
  ];

  return (
    <div className="workshop-layout">
      <div className="workshop-head">
        <Group justify="space-between" wrap="nowrap">
          <Breadcrumbs>
            <Anchor component="button" onClick={onBack} fz="md">
              <Group gap={6}>
                <IconArrowLeft size={16} aria-hidden />
                Library
              </Group>
            </Anchor>
            <Text fz="md" c="dimmed" truncate maw={420}>
              {agreement.workshop.client || 'No client yet'}
            </Text>
          </Breadcrumbs>
          <Group gap="xs" wrap="nowrap">
            <Tooltip label="Undo (Ctrl/Cmd+Z)">
              <ActionIcon variant="default" size="lg" aria-label="Undo" disabled={!canUndo} onClick={undo}>
                <IconArrowBackUp size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Redo (Shift+Ctrl/Cmd+Z)">
              <ActionIcon variant="default" size="lg" aria-label="Redo" disabled={!canRedo} onClick={redo}>
                <IconArrowForwardUp size={18} />
              </ActionIcon>
            </Tooltip>
            <SaveIndicator />
            <Button variant="default" leftSection={<IconFlask size={18} />} onClick={() => setTesterOpen(true)}>
              Test a lead
            </Button>
            <Button variant="default" leftSection={<IconChartHistogram size={18} />} onClick={() => setCalibrationOpen(true)}>
              Calibrate
            </Button>
            <Button variant="default" leftSection={locked ? <IconLock size={18} /> : <IconSignature size={18} />} onClick={() => setSigningOpen(true)} data-testid="sign-button">
              {status === 'signed' ? 'Signed' : status === 'signing' ? 'Signing…' : 'Sign'}
            </Button>
            <Button
              variant={check.ready ? 'filled' : 'light'}
              color={check.ready ? 'teal.9' : undefined}
              leftSection={check.ready ? <IconCircleCheck size={18} /> : undefined}
              onClick={() => setReadyOpen(true)}
              data-testid="ready-button"
            >
              {check.ready ? 'Ready to sign' : `Ready to sign? ${check.blockers.length} to settle`}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="More actions">
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconEye size={16} />} onClick={() => setPreviewOpen(true)}>
                  Preview document
                </Menu.Item>
                <Menu.Item leftSection={<IconClipboardCheck size={16} />} onClick={() => setReviewOpen(true)}>
                  SLA review…
                </Menu.Item>
                <Menu.Label>Session</Menu.Label>
                <Menu.Item leftSection={<IconListDetails size={16} />} onClick={() => setAgendaOpen(true)}>
                  Agenda and timer…
                </Menu.Item>
                <Menu.Item leftSection={<IconPresentation size={16} />} onClick={openPresenter}>
                  Presenter window
                </Menu.Item>
                <Menu.Item leftSection={<IconReportAnalytics size={16} />} onClick={openSummary}>
                  Session summary…
                </Menu.Item>
                <Menu.Item leftSection={<IconKeyboard size={16} />} onClick={() => setShortcutsOpen(true)}>
                  Keyboard shortcuts
                </Menu.Item>
                <Menu.Label>Export</Menu.Label>
                <Menu.Item leftSection={<IconFileTypePdf size={16} />} disabled={exporting !== null} onClick={() => runExport('pdf-a4')}>
                  PDF, A4 (sealed)…
                </Menu.Item>
                <Menu.Item leftSection={<IconFileTypePdf size={16} />} disabled={exporting !== null} onClick={() => runExport('pdf-letter')}>
                  PDF, US Letter (sealed)…
                </Menu.Item>
                <Menu.Item leftSection={<IconMarkdown size={16} />} onClick={() => runExport('markdown')}>
                  Markdown…
                </Menu.Item>
                <Menu.Item leftSection={<IconFileExport size={16} />} onClick={() => runExport('accord')}>
                  Accord file (.accord)…
                </Menu.Item>
                <Menu.Item leftSection={<IconTable size={16} />} onClick={() => runExport('rules-csv')}>
                  Scoring rules, CSV…
                </Menu.Item>
                <Menu.Item leftSection={<IconTable size={16} />} onClick={() => runExport('rules-json')}>
                  Scoring rules, JSON…
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item leftSection={<IconPalette size={16} />} onClick={() => setBrandingOpen(true)}>
                  Branding…
                </Menu.Item>
                <Menu.Item leftSection={<IconTemplate size={16} />} onClick={() => setTemplateOpen(true)}>
                  Save as template…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        <SaveProblem />
        <Group align="center" gap="md" wrap="nowrap" mt="xs">
          <VisuallyHidden>
            <h1>{agreement.workshop.title}</h1>
          </VisuallyHidden>
          <TitleInput />
          <Badge variant="light" color={status === 'signed' ? 'teal' : status === 'signing' ? 'yellow' : status === 'amended' ? 'grape' : 'gray'} size="lg" tt="none">
            {{ draft: 'Draft', signing: 'Signing', signed: 'Signed', amended: 'Amendment' }[status] ?? status}
          </Badge>
          <SessionBar onOpenAgenda={() => setAgendaOpen(true)} onNext={nextPart} />
          <Tooltip label="Open questions: disputed and parked (Alt+Q)">
            <Button variant={openCount > 0 ? 'light' : 'default'} color={openCount > 0 ? 'red' : undefined} leftSection={<IconAlertTriangle size={16} />} onClick={() => setQuestionsOpen(true)} data-testid="open-questions-button">
              {openCount} open
            </Button>
          </Tooltip>
          <Tooltip label="Presenter window (Alt+O)">
            <ActionIcon variant="default" size="lg" aria-label="Open the presenter window" onClick={openPresenter}>
              <IconPresentation size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Command palette (Ctrl/Cmd+K)">
            <ActionIcon variant="default" size="lg" aria-label="Command palette" onClick={() => openPalette()}>
              <IconCommand size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {exporting && (
          <Text size="sm" c="dimmed" role="status" mt={4}>
            {exporting.startsWith('pdf') ? 'Rendering and sealing the PDF…' : 'Exporting…'}
          </Text>
        )}
        {locked && (
          <Alert color="yellow" icon={<IconLock />} mt="xs" py={6} title={status === 'signed' ? 'Signed and locked' : 'Signing in progress: the content is frozen'}>
            {status === 'signed' ? 'Open “Signed” to amend it.' : 'Open “Signing…” to collect signatures, or cancel signing to edit again.'}
          </Alert>
        )}
      </div>
      <nav className="workshop-nav" aria-label="Parts of the agreement">
        <ol>
          {sections.map((entry) => {
            const done = progress[entry.id];
            const current = entry.id === section;
            const percent = done.total === 0 ? 0 : (done.settled / done.total) * 100;
            return (
              <li key={entry.id}>
                <UnstyledButton className="workshop-nav-item" data-active={current || undefined} aria-current={current ? 'page' : undefined} onClick={() => go(entry.id)}>
                  <span className="workshop-nav-number">{entry.number}</span>
                  <span className="workshop-nav-title">{entry.title}</span>
                  {done.total > 0 && (
                    <span className="workshop-nav-progress" aria-label={`${done.settled} of ${done.total} settled${done.disputed ? `, ${done.disputed} disputed` : ''}`}>
                      {done.disputed > 0 && <span className="workshop-nav-disputed">{done.disputed}</span>}
                      <RingProgress size={30} thickness={4} roundCaps sections={[{ value: percent, color: percent === 100 ? 'teal' : 'accord' }]} />
                      <span>
                        {done.settled}/{done.total}
                      </span>
                    </span>
                  )}
                </UnstyledButton>
              </li>
            );
          })}
        </ol>
      </nav>
      <section className="workshop-pane" aria-label={sections.find((entry) => entry.id === section)?.title}>
        <fieldset disabled={locked} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
          <legend className="mantine-visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {sections.find((entry) => entry.id === section)?.title}
          </legend>
          <PartView section={section}>
            <SectionEditor />
          </PartView>
        </fieldset>
      </section>
      <SigningPanel opened={signingOpen} onClose={() => setSigningOpen(false)} agreement={agreement} workshopStatus={status} />
      <ReadinessDrawer opened={readyOpen} onClose={() => setReadyOpen(false)} blockers={check.blockers} onGo={(blocker) => {
        setReadyOpen(false);
        go(blocker.section, blocker.itemId);
      }} />
      {templateOpen && <SaveTemplateModal onClose={() => setTemplateOpen(false)} />}
      <AgendaDrawer opened={agendaOpen} onClose={() => setAgendaOpen(false)} onDiscuss={(target) => go(target as SectionId)} />
      <OpenQuestionsDrawer
        opened={questionsOpen}
        onClose={() => setQuestionsOpen(false)}
        onGo={(target, itemId) => {
          setQuestionsOpen(false);
          go(target, itemId);
        }}
      />
      {capture && <QuickCapture kind={capture} locked={locked} onClose={() => setCapture(null)} />}
      {shortcutsOpen && <ShortcutsModal onClose={() => setShortcutsOpen(false)} />}
      <CommandPalette groups={paletteGroups} />
      <Suspense fallback={null}>
        {preview && (
          <DocumentPreview
            agreement={preview.agreement}
            context={preview.context}
            onClose={() => setPreviewOpen(false)}
            onExportPdf={() => {
              setPreviewOpen(false);
              runExport('pdf-a4');
            }}
          />
        )}
        {summary && <SessionSummaryModal agreement={agreement} session={summary.facts} onClose={() => setSummary(null)} />}
        {brandingOpen && <BrandingModal onClose={() => setBrandingOpen(false)} />}
        {reviewOpen && <ReviewPanel agreement={agreement} onClose={() => setReviewOpen(false)} />}
        {calibrationOpen && <CalibrationPanel agreement={agreement} onClose={() => setCalibrationOpen(false)} />}
        {testerOpen && <LeadTester opened onClose={() => setTesterOpen(false)} agreement={agreement} />}
      </Suspense>
    </div>
  );
}

/** The workshop title: edited in place; an empty title is refused with a message and never saved. */
function TitleInput() {
  const { agreement, update } = useAgreementEditor();
  const stored = agreement.workshop.title;
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [shown, setShown] = useState(stored);
  if (stored !== shown && !focused) {
    setShown(stored);
    setValue(stored);
  }
  return (
    <TextInput
      className="accord-title-input"
      style={{ flex: 1 }}
      variant="unstyled"
      size="md"
      aria-label="Workshop title"
      value={value}
      error={error}
      onFocus={() => setFocused(true)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setValue(next);
        const parsed = WorkshopTitleSchema.safeParse(next);
        if (parsed.success) {
          setError(null);
          update((draft) => void (draft.workshop.title = parsed.data), 'workshop.title');
        } else setError(firstIssueMessage(parsed.error));
      }}
      onBlur={() => {
        setFocused(false);
        if (error) {
          setValue(stored);
          setError(null);
        }
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
    />
  );
}

function SaveIndicator() {
  const saveState = useEditor((state) => state.saveState);
  const saveError = useEditor((state) => state.saveError);
  if (saveState === 'error') {
    return (
      <Tooltip label={saveError ?? ''}>
        <Group gap={6} c="red.8" role="status">
          <IconCloudOff size={18} aria-hidden />
          <Text size="sm">Not saved</Text>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Group gap={6} c="dimmed" role="status" aria-live="polite" miw={150} wrap="nowrap">
      {saveState === 'saved' && <IconCheck size={18} aria-hidden />}
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{saveState === 'saved' ? 'All changes saved' : 'Saving…'}</Text>
    </Group>
  );
}

/** A failed autosave said where the room sees it (the header's "Not saved" is small): the reason, and that it is tried again. */
function SaveProblem() {
  const saveState = useEditor((state) => state.saveState);
  const saveError = useEditor((state) => state.saveError);
  if (saveState !== 'error') return null;
  return (
    <Alert color="red" variant="light" icon={<IconCloudOff />} title="Changes not saved" mt="xs" role="alert" data-testid="save-problem">
      {saveError} Your changes stay on this screen, and Accord saves them again every few seconds until it succeeds.
    </Alert>
  );
}

function ReadinessDrawer({ opened, onClose, blockers, onGo }: { opened: boolean; onClose: () => void; blockers: Blocker[]; onGo: (blocker: Blocker) => void }) {
  const grouped = sections.map((section) => ({ section, blockers: blockers.filter((blocker) => blocker.section === section.id) })).filter((group) => group.blockers.length > 0);
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={blockers.length === 0 ? 'Ready to sign' : `${blockers.length} things to settle before signing`}>
      {blockers.length === 0 ? (
        <Alert color="teal" icon={<IconCircleCheck />} title="Every item is agreed or parked">
          Nothing blocks signing. The agreement can go to the signatories.
        </Alert>
      ) : (
        <Stack gap="lg">
          <Text c="dimmed">The agreement can be signed when every item is agreed or explicitly parked and nothing below is left. Choose a line to go there.</Text>
          {grouped.map(({ section, blockers: list }) => (
            <Stack key={section.id} gap={6}>
              <Text fw={700}>
                {section.number}. {section.title}
              </Text>
              {list.map((blocker, index) => (
                <UnstyledButton key={`${blocker.itemId}-${blocker.field ?? ''}-${index}`} className="workshop-blocker" onClick={() => onGo(blocker)}>
                  {blocker.message}
                </UnstyledButton>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}

function SaveTemplateModal({ onClose }: { onClose: () => void }) {
  const { agreement } = useAgreementEditor();
  const saveFrom = useTemplates((state) => state.saveFrom);
  const [name, setName] = useState(agreement.workshop.title);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title="Save as template" size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          saveFrom(name, description, agreement).then(
            () => {
              notify({ message: `Saved the template “${name.trim()}”. Start a new workshop from it in the library.` });
              onClose();
            },
            (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
          );
        }}
      >
        <Stack>
          <Text c="dimmed">The rules are kept; the client, people’s names, dates, every item’s consensus, the parking lot, decisions and action items are not.</Text>
          <TextInput label="Template name" value={name} data-autofocus error={error} onChange={(event) => setName(event.currentTarget.value)} />
          <Textarea label="Description" value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconFileExport size={16} />}>
              Save template
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
