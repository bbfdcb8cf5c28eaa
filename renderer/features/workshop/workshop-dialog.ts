import type { SessionFacts } from '../../../shared/document/session-summary';
import type { SectionId } from '../../../shared/model/sections';
import type { CaptureKind } from '../session/QuickCapture';

/**
 * The one dialog, drawer or panel open over the workshop (at most one at a time):
 * opening another replaces it, and the presenter window knows from it when the
 * room looks at the open questions.
 */
export type WorkshopDialog =
  | { kind: 'readiness' }
  | { kind: 'save-template' }
  | { kind: 'signing' }
  | { kind: 'preview' }
  | { kind: 'tester' }
  | { kind: 'calibration' }
  | { kind: 'review' }
  | { kind: 'branding' }
  | { kind: 'agenda' }
  | { kind: 'open-questions' }
  | { kind: 'capture'; capture: CaptureKind }
  | { kind: 'shortcuts' }
  /** The summary's timing appears only once the session was timed. */
  | { kind: 'summary'; facts?: SessionFacts }
  /** The screen is on one part and the timer on another: move the timer here? `start`: the person asked to start it. */
  | { kind: 'move-timer'; section: SectionId; start: boolean };

/** One kind of dialog. */
export type WorkshopDialogKind = WorkshopDialog['kind'];
