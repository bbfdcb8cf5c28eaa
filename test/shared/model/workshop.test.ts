import { describe, expect, it } from 'vitest';
import { WorkshopTitleSchema, ClientNameSchema } from '../../../shared/model/workshop';
import { createWorkshopRecord } from '../../../shared/model/workshop-factory';
import { matchesSearch } from '../../../shared/model/workshop-search';
import { foldForSearch } from '../../../shared/text/fold';

describe('workshop title', () => {
  it('trims surrounding spaces', () => {
    expect(WorkshopTitleSchema.parse('  Q3 alignment  ')).toBe('Q3 alignment');
  });
  it.each(['', '   ', '\t\n'])('refuses %j with a message a person can act on', (title) => {
    const result = WorkshopTitleSchema.safeParse(title);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Give the workshop a title; it cannot be empty.');
  });
  it('refuses a title of 121 characters and accepts 120', () => {
    expect(WorkshopTitleSchema.safeParse('x'.repeat(121)).success).toBe(false);
    expect(WorkshopTitleSchema.safeParse('x'.repeat(120)).success).toBe(true);
  });
  it('refuses a non-string', () => {
    expect(WorkshopTitleSchema.safeParse(42).success).toBe(false);
  });
  it('allows an empty client while it is not known yet', () => {
    expect(ClientNameSchema.parse('   ')).toBe('');
  });
});

describe('createWorkshopRecord', () => {
  it('makes a draft with the injected id and time', () => {
    const record = createWorkshopRecord({ title: ' Lead handoff ', client: 'Société Générale' }, 'id-1', 1_700_000_000_000);
    expect(record).toEqual({
      id: 'id-1',
      title: 'Lead handoff',
      client: 'Société Générale',
      status: 'draft',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      searchText: 'lead handoff societe generale',
    });
  });
  it('throws on an empty title', () => {
    expect(() => createWorkshopRecord({ title: ' ' }, 'id', 0)).toThrow();
  });
});

describe('search', () => {
  const record = createWorkshopRecord({ title: 'Q3 SLA reset', client: 'Société Générale' }, 'id', 0);
  it('ignores accents, case and extra spaces', () => {
    expect(foldForSearch('  SOCIÉTÉ   Générale ')).toBe('societe generale');
    expect(matchesSearch(record, 'societe')).toBe(true);
    expect(matchesSearch(record, 'GÉNÉ')).toBe(true);
  });
  it('needs every word to match, in title or client', () => {
    expect(matchesSearch(record, 'sla generale')).toBe(true);
    expect(matchesSearch(record, 'sla acme')).toBe(false);
  });
  it('matches everything for an empty query', () => {
    expect(matchesSearch(record, '   ')).toBe(true);
  });
});

describe('the search text of a workshop', () => {
  it('stays within the library file’s limit whatever folding does to the title, so a backup keeps the record', async () => {
    const { workshopSearchText, MAX_SEARCH_TEXT_CHARS } = await import('../../../shared/model/workshop-search');
    const { serializeLibrary, parseLibraryFile } = await import('../../../shared/model/library-file');
    const { sampleLibrary } = await import('../../fixtures/library');
    // U+FDFA folds (NFKD) to 18 characters: a 120-character title and client became 4,321 characters of search text.
    const title = '\uFDFA'.repeat(120);
    expect(title.normalize('NFKD').length).toBeGreaterThan(MAX_SEARCH_TEXT_CHARS);
    const searchText = workshopSearchText(title, title);
    expect(searchText.length).toBeLessThanOrEqual(MAX_SEARCH_TEXT_CHARS);
    const library = sampleLibrary();
    library.workshops[0] = { ...library.workshops[0]!, title, client: title, searchText };
    const { text, leftOut } = serializeLibrary(library, { exportedAt: new Date('2026-12-01T10:00:00Z'), appVersion: '1.0.0' });
    expect(leftOut).toEqual([]);
    expect(parseLibraryFile(text).workshops[0]!.title).toBe(title);
  });
});
