import { Autocomplete, Group, SimpleGrid, Stack, TagsInput, Text } from '@mantine/core';
import { type criterionEffects, type IcpCriterion, type IcpMatch } from '../../../../shared/model/agreement';
import { attributeLabel, defaultAttributeLabel } from '../../../../shared/model/attribute-labels';
import { proposedConsensus } from '../../../../shared/model/consensus';
import { ListEditor, LongTextField, NumberField, options, SectionHeading, SelectField, SwitchField, TextField, newItemId, useAgreementEditor } from '../../../components/editor-kit';

const effectLabels: Record<(typeof criterionEffects)[number], string> = { 'must-have': 'Must-have (knock-out)', points: 'Preference (adds points)', disqualifier: 'Disqualifier' };
const matchLabels: Record<IcpMatch['kind'], string> = { in: 'Is one of', range: 'Number between', boolean: 'Yes / no', contains: 'Text contains' };
/** Attributes CRM exports usually carry; any other name can be typed. */
export const knownAttributes = ['industry', 'employees', 'annualRevenue', 'region', 'country', 'company', 'jobTitle', 'emailDomain', 'usesCrm', 'targetAccount', 'existingClient'];

/** A new key takes its default name, unless someone named the attribute (a name that is not the old key's default). */
function renameAttribute(target: IcpCriterion, key: string) {
  const untouched = target.attributeDisplayName === undefined || target.attributeDisplayName === defaultAttributeLabel(target.attribute);
  target.attribute = key;
  if (!untouched) return;
  if (key.trim() === '') delete target.attributeDisplayName;
  else target.attributeDisplayName = defaultAttributeLabel(key);
}

/** A blank name is no name (absent, as in criteria made before names existed): the default shows. */
function nameAttribute(target: IcpCriterion, name: string) {
  if (name.trim() === '') delete target.attributeDisplayName;
  else target.attributeDisplayName = name;
}

function emptyMatch(kind: IcpMatch['kind']): IcpMatch {
  if (kind === 'in') return { kind, values: [] };
  if (kind === 'range') return { kind, min: null, max: null };
  if (kind === 'boolean') return { kind, value: true };
  return { kind, text: '' };
}

/** Part 4: the firmographic fit criteria. */
export function IcpSection() {
  const { agreement, issues } = useAgreementEditor();
  return (
    <Stack gap={0}>
      <SectionHeading number={4} title="Ideal customer profile" summary="Who is worth a salesperson’s time, by firmographics. Must-haves knock a lead out when missing, preferences add points, disqualifiers exclude or take points away." />
      <ListEditor<IcpCriterion>
        items={agreement.icp}
        list={(draft) => draft.icp}
        prefix="icp"
        addLabel="Add criterion"
        emptyText="No criteria yet."
        itemLabel={(criterion) => `Criterion ${criterion.label || criterion.attribute || 'untitled'}`}
        makeNew={() => ({ id: newItemId('icp'), attribute: '', label: '', match: { kind: 'in', values: [] }, effect: 'points', points: 10, rationale: '', consensus: proposedConsensus() })}
        renderFields={(criterion, set) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
              <TextField label="Criterion" value={criterion.label} onChange={(value) => set((target) => void (target.label = value), `${criterion.id}.label`)} />
              <Autocomplete label="Attribute" data={knownAttributes} value={criterion.attribute} error={issues.get(`${criterion.id}:attribute`)} onChange={(value) => set((target) => renameAttribute(target, value), `${criterion.id}.attribute`)} />
              <SelectField label="Effect" value={criterion.effect} data={options(effectLabels)} onChange={(value) => set((target) => void (target.effect = value))} />
              <NumberField label="Points" value={criterion.points} error={issues.get(`${criterion.id}:points`)} onChange={(value) => set((target) => void (target.points = value), `${criterion.id}.points`)} />
            </SimpleGrid>
            <Group align="flex-end" gap="md" wrap="wrap">
              <TextField label="Attribute shown as" description="What the tester, mapping and document call it" w={300} value={criterion.attributeDisplayName ?? ''} placeholder={attributeLabel(agreement, criterion.attribute)} onChange={(value) => set((target) => nameAttribute(target, value), `${criterion.id}.attributeDisplayName`)} />
              <SelectField label="Match" w={180} value={criterion.match.kind} data={options(matchLabels)} onChange={(kind) => set((target) => void (target.match = emptyMatch(kind)))} />
              <MatchEditor criterion={criterion} set={set} error={issues.get(`${criterion.id}:match`)} />
            </Group>
            <LongTextField label="Rationale" value={criterion.rationale} onChange={(value) => set((target) => void (target.rationale = value), `${criterion.id}.rationale`)} />
          </Stack>
        )}
      />
    </Stack>
  );
}

function MatchEditor({ criterion, set, error }: { criterion: IcpCriterion; set: (mutate: (target: IcpCriterion) => void, key?: string) => void; error?: string | undefined }) {
  const { match } = criterion;
  if (match.kind === 'in') {
    return (
      <TagsInput
        label="Values (Enter after each)"
        style={{ flex: 1, minWidth: 280 }}
        value={match.values}
        error={error}
        onChange={(values) => set((target) => void (target.match = { kind: 'in', values }))}
      />
    );
  }
  if (match.kind === 'range') {
    return (
      <Group gap="sm" align="flex-start">
        <NumberField label="From" w={160} value={match.min} error={error} onChange={(value) => set((target) => void (target.match = { kind: 'range', min: value, max: match.max }), `${criterion.id}.min`)} />
        <NumberField label="To" w={160} value={match.max} onChange={(value) => set((target) => void (target.match = { kind: 'range', min: match.min, max: value }), `${criterion.id}.max`)} />
        <Text size="sm" c="dimmed" mt={30}>
          Leave one side empty for “at least” or “at most”.
        </Text>
      </Group>
    );
  }
  if (match.kind === 'boolean') {
    return <SwitchField label="Matches when the attribute is yes" checked={match.value} onChange={(value) => set((target) => void (target.match = { kind: 'boolean', value }))} />;
  }
  return <TextField label="Text to look for" value={match.text} error={error} onChange={(text) => set((target) => void (target.match = { kind: 'contains', text }), `${criterion.id}.text`)} />;
}
