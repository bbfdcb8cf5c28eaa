// The signing flow's store (versions-store) on a real database, without the e2e:
// pending edits are written before signing locks the draft, a version whose seal
// could not be made is said to be signed and not sealed (never silently "sealed"),
// and a seal that cannot be checked is said, not hidden. window.accord is the only
// way to main; here it is absent (a page without its shell) or a bridge that fails.
import { afterEach, describe, expect, it } from 'vitest';
import { AccordDatabase } from '../../../renderer/db/database';
import { VersionRepository } from '../../../renderer/db/version-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { createVersionsStore, lastSigned, signingVersion } from '../../../renderer/store/versions-store';
import { signatories, VERSION_SEAL_ALGORITHM } from '../../../shared/model/versions';
import { readyAgreement, signaturePng } from '../../fixtures/agreements';

let counter = 0;

afterEach(() => {
  Reflect.deleteProperty(window, 'accord');
});

async function workshopToSign() {
  const db = new AccordDatabase(`versions-store-${Date.now()}-${(counter += 1)}`);
  const agreement = readyAgreement();
  const record = await new WorkshopRepository(db).create({ title: 'Acme pipeline', client: 'Acme GmbH', agreement });
  const events: string[] = [];
  const repository = new VersionRepository(db, () => Date.now());
  const store = createVersionsStore(db, {
    now: () => Date.now(),
    beforeSigning: async () => {
      // What is stored at the moment the pending edits are written: signing has not started yet.
      const versions = await repository.list(record.id);
      events.push(`beforeSigning:${versions.length}`);
    },
    onChanged: (id) => events.push(`changed:${id}`),
  });
  await store.getState().load(record.id);
  return { db, store, repository, agreement, workshopId: record.id, events };
}

async function signAll(context: Awaited<ReturnType<typeof workshopToSign>>) {
  const signing = signingVersion(context.store.getState())!;
  const people = signatories(context.agreement);
  const results: PromiseSettledResult<void>[] = [];
  for (const person of people) {
    results.push(...(await Promise.allSettled([context.store.getState().sign({ participantId: person.id, method: 'typed', image: signaturePng, signedAt: new Date().toISOString(), contentHash: signing.contentHash })])));
  }
  return { results, people };
}

describe('the signing flow’s versions store', () => {
  it('writes pending edits before the draft is locked, then shows the version being signed', async () => {
    const context = await workshopToSign();
    const { store, events, workshopId } = context;
    expect(store.getState().versions).toEqual([]);
    expect(signingVersion(store.getState())).toBeUndefined();
    await store.getState().startSigning();
    expect(events).toEqual(['beforeSigning:0', `changed:${workshopId}`]);
    const signing = signingVersion(store.getState());
    expect(signing?.number).toBe(1);
    expect(signing?.status).toBe('signing');
    expect(lastSigned(store.getState())).toBeUndefined();
    context.db.close();
  });

  it('cancelling signing leaves no version being signed', async () => {
    const context = await workshopToSign();
    await context.store.getState().startSigning();
    await context.store.getState().cancelSigning();
    expect(signingVersion(context.store.getState())).toBeUndefined();
    expect((await context.repository.list(context.workshopId)).some((version) => version.status === 'signing')).toBe(false);
    context.db.close();
  });

  it('without its desktop shell the last signature signs the version, and the person is told it is not sealed and why', async () => {
    const context = await workshopToSign();
    await context.store.getState().startSigning();
    const { results, people } = await signAll(context);
    expect(people.length).toBeGreaterThan(1);
    // Every signature before the last is given without asking main for anything.
    expect(results.slice(0, -1).every((result) => result.status === 'fulfilled')).toBe(true);
    const last = results.at(-1)!;
    expect(last.status).toBe('rejected');
    const message = (last as PromiseRejectedResult).reason instanceof Error ? ((last as PromiseRejectedResult).reason as Error).message : '';
    expect(message).toMatch(/^Version 1 is signed, but it could not be sealed: Accord is running without its desktop shell/);
    // The store shows what is stored: signed, every signature kept, no seal.
    const signed = lastSigned(context.store.getState());
    expect(signed?.number).toBe(1);
    expect(signed?.signatures.map((signature) => signature.participantId).sort()).toEqual(people.map((person) => person.id).sort());
    expect(signed?.seal).toBeUndefined();
    expect(signingVersion(context.store.getState())).toBeUndefined();
    context.db.close();
  });

  it('a bridge that fails while sealing: the reason it gave is in the message', async () => {
    Object.defineProperty(window, 'accord', {
      configurable: true,
      writable: true,
      value: {
        sealAccordVersions: async () => {
          throw new Error('The installation certificate could not be read.');
        },
      },
    });
    const context = await workshopToSign();
    await context.store.getState().startSigning();
    const { results } = await signAll(context);
    expect(((results.at(-1) as PromiseRejectedResult).reason as Error).message).toBe('Version 1 is signed, but it could not be sealed: The installation certificate could not be read.');
    context.db.close();
  });

  it('a sealed version whose seal main cannot check: the reason is shown as the seal problem, no check is made up', async () => {
    const context = await workshopToSign();
    await context.store.getState().startSigning();
    await signAll(context);
    // Main's seal, as a version imported with one carries it (its content is not judged here: main does that).
    const seal = { algorithm: VERSION_SEAL_ALGORITHM, signature: 'AA==', certificate: 'AA==' } as const;
    await context.repository.storeSeal(context.workshopId, 1, seal);
    let asked = 0;
    Object.defineProperty(window, 'accord', {
      configurable: true,
      writable: true,
      value: {
        checkAccordSeals: async () => {
          asked += 1;
          throw new Error('The trusted-seals file is damaged.');
        },
      },
    });
    await context.store.getState().load(context.workshopId);
    expect(asked).toBe(1);
    expect(context.store.getState().seals).toEqual([]);
    expect(context.store.getState().sealProblem).toBe('The trusted-seals file is damaged.');
    context.db.close();
  });

  it('signed versions without any seal are not sent to be checked', async () => {
    const context = await workshopToSign();
    await context.store.getState().startSigning();
    await signAll(context);
    let asked = 0;
    Object.defineProperty(window, 'accord', { configurable: true, writable: true, value: { checkAccordSeals: async () => void (asked += 1) } });
    await context.store.getState().load(context.workshopId);
    expect(asked).toBe(0);
    expect(context.store.getState().sealProblem).toBe(null);
    context.db.close();
  });

  it('amending a signed agreement keeps version 1 signed; amending with nothing signed is refused', async () => {
    const context = await workshopToSign();
    await expect(context.store.getState().amend()).rejects.toThrow('Only a signed agreement can be amended.');
    await context.store.getState().startSigning();
    await signAll(context);
    await context.store.getState().amend();
    expect((await context.db.workshops.get(context.workshopId))?.status).toBe('amended');
    expect(lastSigned(context.store.getState())?.number).toBe(1);
    expect(lastSigned(context.store.getState())?.status).toBe('signed');
    expect(signingVersion(context.store.getState())).toBeUndefined();
    context.db.close();
  });

  it('nothing open: signing is refused with the reason', async () => {
    const db = new AccordDatabase(`versions-store-none-${Date.now()}-${(counter += 1)}`);
    const store = createVersionsStore(db, { now: () => Date.now(), beforeSigning: async () => {}, onChanged: () => {} });
    await expect(store.getState().cancelSigning()).rejects.toThrow('No workshop is open.');
    db.close();
  });
});
