import { SimpleGrid, Stack } from '@mantine/core';
import { type stageKinds, teamLabels, type GlossaryTerm, type Stage } from '../../../../shared/model/agreement';
import { proposedConsensus } from '../../../../shared/model/consensus';
import { ListEditor, LongTextField, NumberField, options, SectionHeading, SelectField, SubHeading, TextField, newItemId, useAgreementEditor } from '../../../components/editor-kit';

const stageKindLabels: Record<(typeof stageKinds)[number], string> = {
  inquiry: 'Inquiry',
  mql: 'MQL',
  sal: 'SAL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  won: 'Won',
  lost: 'Lost',
  nurture: 'Nurture / recycled',
  disqualified: 'Disqualified',
  custom: 'Custom stage',
};

/** Part 3: the funnel stages and the glossary. */
export function VocabularySection() {
  const { agreement, issues } = useAgreementEditor();
  return (
    <Stack gap={0}>
      <SectionHeading number={3} title="Common vocabulary" summary="One meaning per word. Each stage has a plain-language definition, what lets a lead in and out, who owns it, and how long a lead may sit in it." />
      {issues.get('stages:kind') && <span style={{ color: 'var(--mantine-color-error)' }}>{issues.get('stages:kind')}</span>}
      <SubHeading count={agreement.stages.length}>Funnel stages</SubHeading>
      <ListEditor<Stage>
        items={agreement.stages}
        list={(draft) => draft.stages}
        prefix="stage"
        addLabel="Add stage"
        emptyText="No stages yet."
        itemLabel={(stage) => `Stage ${stage.name || 'untitled'}`}
        makeNew={() => ({ id: newItemId('stage'), kind: 'custom', name: '', definition: '', entryCriteria: '', exitCriteria: '', owner: 'marketing', maxDays: null, consensus: proposedConsensus() })}
        renderFields={(stage, set) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
              <TextField label="Stage" value={stage.name} error={issues.get(`${stage.id}:name`)} onChange={(value) => set((target) => void (target.name = value), `${stage.id}.name`)} />
              <SelectField label="Kind" value={stage.kind} data={options(stageKindLabels)} onChange={(value) => set((target) => void (target.kind = value))} />
              <SelectField label="Owner" value={stage.owner} data={options(teamLabels)} onChange={(value) => set((target) => void (target.owner = value))} />
              <NumberField label="Longest time in stage" suffix=" days" min={0} value={stage.maxDays} error={issues.get(`${stage.id}:maxDays`)} onChange={(value) => set((target) => void (target.maxDays = value), `${stage.id}.maxDays`)} />
            </SimpleGrid>
            <LongTextField label="Definition" value={stage.definition} error={issues.get(`${stage.id}:definition`)} onChange={(value) => set((target) => void (target.definition = value), `${stage.id}.definition`)} />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <LongTextField label="Entry criteria" value={stage.entryCriteria} onChange={(value) => set((target) => void (target.entryCriteria = value), `${stage.id}.entry`)} />
              <LongTextField label="Exit criteria" value={stage.exitCriteria} onChange={(value) => set((target) => void (target.exitCriteria = value), `${stage.id}.exit`)} />
            </SimpleGrid>
          </Stack>
        )}
      />
      <SubHeading count={agreement.glossary.length}>Glossary</SubHeading>
      <ListEditor<GlossaryTerm>
        items={agreement.glossary}
        list={(draft) => draft.glossary}
        prefix="term"
        addLabel="Add term"
        emptyText="No glossary terms yet."
        itemLabel={(term) => `Term ${term.term || 'untitled'}`}
        makeNew={() => ({ id: newItemId('term'), term: '', definition: '', consensus: proposedConsensus() })}
        renderFields={(term, set) => (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <TextField label="Term" value={term.term} error={issues.get(`${term.id}:term`)} onChange={(value) => set((target) => void (target.term = value), `${term.id}.term`)} />
            <div style={{ gridColumn: 'span 2' }}>
              <LongTextField label="Definition" value={term.definition} error={issues.get(`${term.id}:definition`)} onChange={(value) => set((target) => void (target.definition = value), `${term.id}.definition`)} />
            </div>
          </SimpleGrid>
        )}
      />
    </Stack>
  );
}
