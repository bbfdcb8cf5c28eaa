import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Agreement } from '../../shared/model/agreement';
import type { AgreementRepositoryApi } from '../db/lazy-agreement-repository';

/** A template to start from, built in or saved by the consultant. */
export interface TemplateChoice {
  id: string;
  name: string;
  description: string;
  source: 'built-in' | 'mine';
  build(): Agreement;
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
      const { builtInTemplates } = await import('../../shared/templates/templates');
      const records = await repository.listTemplates();
      set({ builtIn: builtInTemplates.map((template) => ({ ...template, source: 'built-in' as const })), mine: records.map((record) => ({ id: record.id, name: record.name, description: record.description, source: 'mine', build: () => JSON.parse(JSON.stringify(record.agreement)) as Agreement })) });
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
