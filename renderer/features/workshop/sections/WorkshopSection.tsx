import { SimpleGrid, Stack } from '@mantine/core';
import { type sponsorRoles, teamLabels, type Participant } from '../../../../shared/model/agreement';
import { ListEditor, NumberField, options, SectionHeading, SelectField, SubHeading, SwitchField, TextField, newItemId, useAgreementEditor, useProblemsRevealed } from '../../../components/editor-kit';

const sponsorLabels: Record<(typeof sponsorRoles)[number], string> = { none: 'Not a sponsor', cmo: 'Marketing sponsor (CMO)', 'head-of-sales': 'Sales sponsor (head of sales)' };

/** Part 1: the workshop's details and the people in the room. */
export function WorkshopSection() {
  const { agreement, update, issues } = useAgreementEditor();
  // The list's own problems (sponsors, signatories) wait for "Ready to sign?", as untouched fields do: a new workshop opens clean.
  const revealed = useProblemsRevealed();
  const { workshop } = agreement;
  const issue = (field: string) => issues.get(`workshop:${field}`);
  const set = <K extends keyof typeof workshop>(field: K, value: (typeof workshop)[K]) => update((draft) => void (draft.workshop[field] = value), `workshop.${field}`);
  return (
    <Stack gap={0}>
      <SectionHeading number={1} title="Workshop and people" summary="Who agrees, for which client, for how long, and who signs. The CMO and the head of sales are named as sponsors: commitment from the top." />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <TextField label="Client organisation" value={workshop.client} error={issue('client')} onChange={(value) => set('client', value)} />
        <TextField label="Agreement title" value={workshop.title} error={issue('title')} onChange={(value) => set('title', value)} />
        <TextField label="Facilitator" value={workshop.facilitator} error={issue('facilitator')} onChange={(value) => set('facilitator', value)} />
        <TextField label="Workshop date" type="date" value={workshop.date} error={issue('date')} onChange={(value) => set('date', value)} />
        <NumberField label="Valid for" suffix=" months" value={workshop.validityMonths} error={issue('validityMonths')} min={1} max={60} onChange={(value) => set('validityMonths', value)} />
        <TextField label="Next review" type="date" value={workshop.nextReviewDate} error={issue('nextReviewDate')} onChange={(value) => set('nextReviewDate', value)} />
      </SimpleGrid>
      <SubHeading count={agreement.participants.length}>Participants</SubHeading>
      {revealed && [issues.get('participants:signs'), issues.get('participants:sponsor')].filter(Boolean).length > 0 && (
        <Stack gap={2} mb="sm" role="status">
          {[...issues.entries()]
            .filter(([key]) => key.startsWith('participants:'))
            .map(([key, message]) => (
              <span key={key + message} style={{ color: 'var(--mantine-color-error)' }}>
                {message}
              </span>
            ))}
        </Stack>
      )}
      <ListEditor<Participant>
        items={agreement.participants}
        list={(draft) => draft.participants}
        prefix="person"
        addLabel="Add participant"
        emptyText="No participants yet."
        itemLabel={(person) => `Participant ${person.name || person.title || 'unnamed'}`}
        makeNew={() => ({ id: newItemId('person'), name: '', title: '', team: 'marketing', signs: false, sponsor: 'none' })}
        renderFields={(person, setPerson) => (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <TextField label="Name" value={person.name} error={issues.get(`${person.id}:name`)} onChange={(value) => setPerson((target) => void (target.name = value), `${person.id}.name`)} />
            <TextField label="Job title" value={person.title} onChange={(value) => setPerson((target) => void (target.title = value), `${person.id}.title`)} />
            <SelectField label="Team" value={person.team} data={options(teamLabels)} onChange={(value) => setPerson((target) => void (target.team = value))} />
            <SelectField label="Executive sponsor" value={person.sponsor} data={options(sponsorLabels)} onChange={(value) => setPerson((target) => void (target.sponsor = value))} />
            <SwitchField label="Signs the agreement" checked={person.signs} onChange={(checked) => setPerson((target) => void (target.signs = checked))} />
          </SimpleGrid>
        )}
      />
    </Stack>
  );
}

