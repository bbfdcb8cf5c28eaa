import { describe, expect, it } from 'vitest';
import { VersionRepository } from '../../../renderer/db/version-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { archivedCount, createLibraryStore, visibleWorkshops } from '../../../renderer/store/library-store';
import { signatories } from '../../../shared/model/versions';
import { readyAgreement, signaturePng } from '../../fixtures/agreements';
import { freshDatabase } from '../support/render-app';

async function setup() {
  const db = freshDatabase();
  let now = 1_000;
  let id = 0;
  const clock = () => (now += 10);
  const workshops = new WorkshopRepository(db, clock, () => `w${(id += 1)}`);
  const versions = new VersionRepository(db, clock);
  const library = createLibraryStore(workshops);
  await library.getState().load();
  return { db, workshops, versions, library };
}

/** Every consensus object in a JSON value, found by walking it (independently of the model's item list). */
function consensusObjects(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const entry of value) consensusObjects(entry, found);
  else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      if (key === 'consensus') found.push(entry as Record<string, unknown>);
      else consensusObjects(entry, found);
    }
  }
  return found;
}

describe('library store: duplicate and archive', () => {
  it('duplicates a signed workshop as an independent draft: new id, "Copy of …", no versions, every position to give again', async () => {
    const { db, workshops, versions, library } = await setup();
    const original = await library.getState().create({ title: 'Acme alignment', client: 'Acme GmbH', agreement: readyAgreement() });
    const signing = await versions.startSigning(original.id);
    for (const person of signatories(signing.agreement)) {
      await versions.sign(original.id, { participantId: person.id, method: 'typed', image: signaturePng, signedAt: '2026-11-23T10:00:00.000Z', contentHash: signing.contentHash });
    }
    await library.getState().refresh(original.id);
    const originalAgreement = (await db.agreements.get(original.id))!.agreement;
    const agreedBefore = consensusObjects(originalAgreement).filter((consensus) => consensus.marketing === 'agree' && consensus.sales === 'agree');
    expect(agreedBefore.length).toBeGreaterThan(10);

    const copy = await library.getState().duplicate(original.id);

    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ title: 'Copy of Acme alignment', client: 'Acme GmbH', status: 'draft' });
    expect(copy.archivedAt).toBeUndefined();
    expect(library.getState().workshops.map((workshop) => workshop.title)).toEqual(['Copy of Acme alignment', 'Acme alignment']);
    expect(await versions.list(copy.id)).toEqual([]);
    const copied = (await db.agreements.get(copy.id))!.agreement;
    expect(copied.workshop.title).toBe('Copy of Acme alignment');
    // The content is the original's draft; only the consensus is reset.
    expect(copied.icp.map((criterion) => criterion.attribute)).toEqual(originalAgreement.icp.map((criterion) => criterion.attribute));
    expect(copied.participants.map((person) => person.name)).toEqual(originalAgreement.participants.map((person) => person.name));
    const positions = consensusObjects(copied);
    expect(positions).toHaveLength(consensusObjects(originalAgreement).length);
    expect(positions.every((consensus) => consensus.marketing === 'pending' && consensus.sales === 'pending' && consensus.state === 'proposed')).toBe(true);
    // The original and its signed version are untouched.
    expect((await db.agreements.get(original.id))!.agreement).toEqual(originalAgreement);
    expect((await workshops.get(original.id))?.status).toBe('signed');
    expect((await versions.list(original.id)).map((version) => [version.number, version.status, version.intact])).toEqual([[1, 'signed', true]]);
    // Independent: editing the copy does not reach the original.
    await workshops.rename(copy.id, 'Acme alignment 2028');
    expect((await db.agreements.get(original.id))!.agreement.workshop.title).toBe('Acme alignment');
  });

  it('keeps a long title within the limit when it adds "Copy of"', async () => {
    const { library } = await setup();
    const long = await library.getState().create({ title: 'L'.repeat(118) });
    const copy = await library.getState().duplicate(long.id);
    expect(copy.title.length).toBeLessThanOrEqual(120);
    expect(copy.title.startsWith('Copy of LLL')).toBe(true);
    expect(copy.title.endsWith('…')).toBe(true);
  });

  it('refuses to duplicate a workshop that is gone, and writes nothing', async () => {
    const { db, library } = await setup();
    await expect(library.getState().duplicate('nope')).rejects.toThrow('This workshop no longer exists');
    expect(await db.workshops.count()).toBe(0);
  });

  it('archives: hidden unless shown, counted, kept after a reload, and unarchived; its last change stays', async () => {
    const { db, workshops, library } = await setup();
    const first = await library.getState().create({ title: 'Old one', client: 'Beta' });
    await library.getState().create({ title: 'Current', client: 'Acme' });
    const archived = await library.getState().setArchived(first.id, true);
    expect(archived.archivedAt).toBeTypeOf('number');
    expect(archived.updatedAt).toBe(first.updatedAt);
    const state = library.getState();
    expect(visibleWorkshops(state).map((workshop) => workshop.title)).toEqual(['Current']);
    expect(archivedCount(state.workshops)).toBe(1);
    library.getState().setShowArchived(true);
    expect(visibleWorkshops(library.getState()).map((workshop) => workshop.title)).toEqual(['Current', 'Old one']);
    // Search reaches archived ones only when they are shown.
    library.getState().setQuery('beta');
    expect(visibleWorkshops(library.getState()).map((workshop) => workshop.title)).toEqual(['Old one']);
    library.getState().setShowArchived(false);
    expect(visibleWorkshops(library.getState())).toEqual([]);
    library.getState().setQuery('');

    // Stored: a second store over the same database sees it archived.
    const reloaded = createLibraryStore(new WorkshopRepository(db));
    await reloaded.getState().load();
    expect(visibleWorkshops(reloaded.getState()).map((workshop) => workshop.title)).toEqual(['Current']);

    library.getState().setShowArchived(true);
    const back = await library.getState().setArchived(first.id, false);
    expect('archivedAt' in back).toBe(false);
    expect((await workshops.get(first.id))?.archivedAt).toBeUndefined();
    expect(visibleWorkshops(library.getState()).map((workshop) => workshop.title)).toEqual(['Current', 'Old one']);
    // Nothing is archived any more: the filter turns itself off.
    expect(library.getState().showArchived).toBe(false);
  });
});
