import type { Agreement } from '../../shared/model/agreement';
import type { AgreementRepository } from './agreement-repository';
import type { AccordDatabase, TemplateRecord } from './database';

/** What the stores need from agreements; the implementation (with the zod schemas) loads on first use. */
export type AgreementRepositoryApi = Pick<AgreementRepository, 'load' | 'save' | 'listTemplates' | 'saveTemplate' | 'removeTemplate'>;

/**
 * An AgreementRepository that imports its module (and the agreement schemas)
 * only when first used, so none of it weighs on the first screen.
 */
export function lazyAgreementRepository(db: AccordDatabase, now: () => number, newId: () => string): AgreementRepositoryApi {
  let repository: Promise<AgreementRepository> | null = null;
  const get = () => (repository ??= import('./agreement-repository').then(({ AgreementRepository }) => new AgreementRepository(db, now, newId)));
  return {
    load: async (workshopId: string) => (await get()).load(workshopId),
    save: async (workshopId: string, agreement: Agreement) => (await get()).save(workshopId, agreement),
    listTemplates: async (): Promise<TemplateRecord[]> => (await get()).listTemplates(),
    saveTemplate: async (name: string, description: string, agreement: Agreement) => (await get()).saveTemplate(name, description, agreement),
    removeTemplate: async (id: string) => (await get()).removeTemplate(id),
  };
}
