import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CalibrationMapping } from '../../shared/engines/calibration/mapping';
import type { Agreement } from '../../shared/model/agreement';
import type { AgreementRepositoryApi } from '../db/lazy-agreement-repository';

/** A template to start from, built in or saved by the consultant. */
export interface TemplateChoice {
  id: string;
  name: string;
  description: string;
  source: 'built-in' | 'mine' | 'sample';
  build(): Agreement;
  /** Samples come with the mapping of their public CRM export. */
  mapping?: CalibrationMapping;
}

/** Templates offered when creating a workshop. */
export interface TemplatesState {
  builtIn: TemplateChoice[];
  mine: TemplateChoice[];
  load(): Promise<void>;
  all(): TemplateChoice[];
  /** Saves an agreement as the consultant's template (the room's specifics are removed). */
  saveFrom(name: string, description: string, agreement: Agreement): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Creates the templates store. */
export function createTemplatesStore(repository: AgreementRepositoryApi): StoreApi<TemplatesState> {
  return createStore<TemplatesState>()((set, get) => ({
    builtIn: [],
    mine: [],
    async load() {
      // The template data loads on demand, not with the first screen.
      const [{ builtInTemplates }, { calibrationSamples }] = await Promise.all([import('../../shared/templates/templates'), import('../../shared/templates/samples')]);
      const records = await repository.listTemplates();
      const samples = calibrationSamples.map((sample) => ({ id: `sample-${sample.id}`, name: `Sample: ${sample.name}`, description: sample.description, source: 'sample' as const, build: sample.agreement, mapping: sample.mapping }));
      set({ builtIn: [...builtInTemplates.map((template) => ({ ...template, source: 'built-in' as const })), ...samples], mine: records.map((record) => ({ id: record.id, name: record.name, description: record.description, source: 'mine', build: () => JSON.parse(JSON.stringify(record.agreement)) as Agreement })) });
    },
    all() {
      return [...get().builtIn, ...get().mine];
    },
    async saveFrom(name, description, agreement) {
      const { agreementToTemplate } = await import('../../shared/templates/user-template');
      await repository.saveTemplate(name, description, agreementToTemplate(agreement));
      await get().load();
    },
    async remove(id) {
      await repository.removeTemplate(id);
      await get().load();
    },
  }));
}
