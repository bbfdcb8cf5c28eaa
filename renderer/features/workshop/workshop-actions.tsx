import { ActionIcon, Kbd, Menu } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconChartHistogram,
  IconChecklist,
  IconCircleCheck,
  IconClipboardCheck,
  IconCommand,
  IconDots,
  IconEye,
  IconFileExport,
  IconFileTypePdf,
  IconFlask,
  IconGavel,
  IconKeyboard,
  IconListDetails,
  IconMarkdown,
  IconPalette,
  IconParking,
  IconPlayerPlay,
  IconPlayerTrackNext,
  IconPresentation,
  IconQuestionMark,
  IconReportAnalytics,
  IconSignature,
  IconTable,
  IconTemplate,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { actionOfKeyPress, shortcutText, workshopActionDefinitions, workshopActionGroups, type WorkshopActionDefinition, type WorkshopActionId } from '../../../shared/model/workshop-actions';
import { notify } from '../../components/notify';
import type { PaletteCommand } from '../session/CommandPalette';

/** One action of the open workshop: its definition (shared), whether it can run now, and what it runs. */
export interface WorkshopAction extends WorkshopActionDefinition {
  id: WorkshopActionId;
  /** The shortcut as shown, or undefined. */
  keys: string | undefined;
  /** Why it cannot run now, or null when it can. */
  unavailable: string | null;
  run: () => void;
}

/** What every action runs: one entry per action, so a new one cannot be left without a handler. */
export type WorkshopActionHandlers = Record<WorkshopActionId, () => void>;

/** Why an action cannot run now (absent: it can). */
export type WorkshopActionLimits = Partial<Record<WorkshopActionId, string | null | false>>;

/** The action list every surface reads: the shared definitions with this screen's handlers and limits. */
export function bindWorkshopActions(handlers: WorkshopActionHandlers, limits: WorkshopActionLimits): WorkshopAction[] {
  return workshopActionDefinitions.map((definition: WorkshopActionDefinition & { id: WorkshopActionId }) => ({
    ...definition,
    keys: definition.shortcuts[0] ? shortcutText(definition.shortcuts[0]) : undefined,
    unavailable: limits[definition.id] || null,
    run: handlers[definition.id],
  }));
}

/** Runs an action, or says why it cannot run now (from a shortcut or the native menu, where nothing is greyed out). */
export function runAction(action: WorkshopAction): void {
  if (action.unavailable) notify({ tone: 'error', message: action.unavailable });
  else action.run();
}

const icons: Record<WorkshopActionId, Icon> = {
  undo: IconArrowBackUp,
  redo: IconArrowForwardUp,
  palette: IconCommand,
  'timer-toggle': IconPlayerPlay,
  'timer-next': IconPlayerTrackNext,
  agenda: IconListDetails,
  presenter: IconPresentation,
  'open-questions': IconQuestionMark,
  summary: IconReportAnalytics,
  shortcuts: IconKeyboard,
  'park-topic': IconParking,
  'log-decision': IconGavel,
  'add-action': IconChecklist,
  tester: IconFlask,
  calibrate: IconChartHistogram,
  review: IconClipboardCheck,
  preview: IconEye,
  readiness: IconCircleCheck,
  'agree-part-both': IconUsersGroup,
  'agree-part-marketing': IconCircleCheck,
  'agree-part-sales': IconCircleCheck,
  sign: IconSignature,
  'export-pdf-a4': IconFileTypePdf,
  'export-pdf-letter': IconFileTypePdf,
  'export-markdown': IconMarkdown,
  'export-accord': IconFileExport,
  'export-rules-csv': IconTable,
  'export-rules-json': IconTable,
  branding: IconPalette,
  'save-template': IconTemplate,
};

/** The actions in their groups, in the shared order. */
export function groupedActions(actions: readonly WorkshopAction[]): { group: string; actions: WorkshopAction[] }[] {
  return workshopActionGroups.map((group) => ({ group, actions: actions.filter((action) => action.group === group) })).filter((entry) => entry.actions.length > 0);
}

/** The palette's command groups for the actions. */
export function paletteGroupsOf(actions: readonly WorkshopAction[]): { group: string; commands: PaletteCommand[] }[] {
  return groupedActions(actions).map(({ group, actions: list }) => ({
    group,
    commands: list.map((action) => ({ id: `action-${action.id}`, label: action.label, keys: action.keys, keywords: [...(action.keywords ?? [])], disabled: action.unavailable !== null, run: action.run })),
  }));
}

/** The header's ⋯ menu: every action, in its groups, with its shortcut. */
export function WorkshopActionsMenu({ actions }: { actions: readonly WorkshopAction[] }) {
  return (
    // Fixed to the window, without an opening animation: the list is long enough to scroll at 768 px, and scrolling an
    // item into view scrolled the page under a menu placed in the page, which then moved, and a click meant for one
    // item reached another (seen in the e2e under load). On a projector, instant reads calmer too.
    <Menu position="bottom-end" withinPortal floatingStrategy="fixed" transitionProps={{ duration: 0 }}>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label="More actions">
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      {/* Every action fits a 768 px screen only when the list scrolls. */}
      <Menu.Dropdown mah="calc(100vh - 140px)" style={{ overflowY: 'auto' }} data-testid="actions-menu">
        {groupedActions(actions).map(({ group, actions: list }, index) => (
          <div key={group}>
            {index > 0 && <Menu.Divider />}
            <Menu.Label>{group}</Menu.Label>
            {list.map((action) => {
              const ActionIconOf = icons[action.id];
              return (
                <Menu.Item
                  key={action.id}
                  leftSection={<ActionIconOf size={16} aria-hidden />}
                  rightSection={action.keys ? <Kbd size="xs">{action.keys}</Kbd> : undefined}
                  disabled={action.unavailable !== null}
                  onClick={action.run}
                  data-action={action.id}
                >
                  {action.label}
                </Menu.Item>
              );
            })}
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The actions' shortcuts, read from the same list. Ctrl/Cmd ones are taken
 * before the focused field sees them (Ctrl+Z undoes the agreement, not one
 * field's text); Alt ones after it, so a component that uses one keeps it.
 * Both work while typing in a field.
 */
export function useWorkshopActionKeys(actions: readonly WorkshopAction[]): void {
  const current = useRef(actions);
  useEffect(() => {
    current.current = actions;
  });
  useEffect(() => {
    const listener = (capture: boolean) => (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const id = actionOfKeyPress(event);
      if (!id) return;
      const withModifier = event.ctrlKey || event.metaKey;
      if (withModifier !== capture) return;
      const action = current.current.find((entry) => entry.id === id);
      if (!action) return;
      event.preventDefault();
      runAction(action);
    };
    const early = listener(true);
    const late = listener(false);
    window.addEventListener('keydown', early, true);
    window.addEventListener('keydown', late);
    return () => {
      window.removeEventListener('keydown', early, true);
      window.removeEventListener('keydown', late);
    };
  }, []);
}
