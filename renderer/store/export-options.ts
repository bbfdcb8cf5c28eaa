import { createStore, type StoreApi } from 'zustand/vanilla';

/** The person's choice at export: print the calibration result in the agreement PDF (null: not chosen yet, so the default applies). */
export interface ExportOptionsState {
  includeCalibration: boolean | null;
  setIncludeCalibration(include: boolean): void;
}

/** The export options of one set of stores (one choice for the preview and every export of the agreement in this session). */
export function createExportOptionsStore(): StoreApi<ExportOptionsState> {
  return createStore<ExportOptionsState>((set) => ({ includeCalibration: null, setIncludeCalibration: (include) => set({ includeCalibration: include }) }));
}
