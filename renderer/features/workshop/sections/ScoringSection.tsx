import { ActionIcon, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { fitGrades, frameworks, type FitGrade } from '../../../../shared/model/agreement';
import { AddButton, ConsensusBar, NumberField, SectionHeading, SelectField, SubHeading, SwitchField, focusItem, newItemId, useAgreementEditor } from '../../../components/editor-kit';

const levels = [4, 3, 2, 1] as const;

/** Part 7: fit grades, engagement levels, the grade grid with the MQL rule, and the qualification framework. */
export function ScoringSection() {
  const { agreement, update, issues } = useAgreementEditor();
  const scoring = agreement.scoring;
  const rule = scoring.mqlRule;
  const isMql = (grade: FitGrade, level: number) => fitGrades.indexOf(grade) <= fitGrades.indexOf(rule.minFitGrade) && level >= rule.minEngagement;
  const framework = scoring.framework;
  return (
    <Stack gap={0}>
      <SectionHeading number={7} title="Scoring and thresholds" summary="Fit (who the lead is) and engagement (what the lead does) scored separately from 0 to 100, turned into a grade such as B2, and the rule that makes a lead an MQL." />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="sm">
          <Text fw={650}>Fit grade: lowest fit score for…</Text>
          <Group gap="sm">
            {(['A', 'B', 'C'] as const).map((grade) => (
              <NumberField key={grade} label={`Grade ${grade}`} w={110} min={0} max={100} value={scoring.fitThresholds[grade]} onChange={(value) => update((draft) => void (draft.scoring.fitThresholds[grade] = value), `fit.${grade}`)} />
            ))}
          </Group>
          {issues.get('thresholds:fitThresholds') && <Text c="red.8" size="sm">{issues.get('thresholds:fitThresholds')}</Text>}
          <Text fw={650} mt="sm">
            Engagement level: lowest engagement score for…
          </Text>
          <Group gap="sm">
            {([4, 3, 2] as const).map((level) => (
              <NumberField key={level} label={`Level ${level}`} w={110} min={0} max={100} value={scoring.engagementThresholds[level]} onChange={(value) => update((draft) => void (draft.scoring.engagementThresholds[level] = value), `engagement.${level}`)} />
            ))}
          </Group>
          {issues.get('thresholds:engagementThresholds') && <Text c="red.8" size="sm">{issues.get('thresholds:engagementThresholds')}</Text>}
          <Text fw={650} mt="sm">
            MQL rule
          </Text>
          <Group gap="sm" align="flex-end">
            <SelectField label="Fit grade at least" w={150} value={rule.minFitGrade} data={fitGrades.map((grade) => ({ value: grade, label: grade }))} onChange={(value) => update((draft) => void (draft.scoring.mqlRule.minFitGrade = value))} />
            <SelectField label="Engagement at least" w={170} value={String(rule.minEngagement)} data={['1', '2', '3', '4'].map((value) => ({ value, label: `Level ${value}` }))} onChange={(value) => update((draft) => void (draft.scoring.mqlRule.minEngagement = Number(value) as 1 | 2 | 3 | 4))} />
          </Group>
          <SwitchField label="A fast-track trigger makes a lead an MQL whatever its score" checked={rule.fastTrackQualifies} onChange={(checked) => update((draft) => void (draft.scoring.mqlRule.fastTrackQualifies = checked))} />
        </Stack>
        <Stack gap="xs">
          <Text fw={650}>Grade grid: the shaded cells are MQLs</Text>
          <Table withTableBorder withColumnBorders ta="center" fz="md" aria-label="Grade grid" data-testid="grade-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Fit \ engagement</Table.Th>
                {levels.map((level) => (
                  <Table.Th key={level} ta="center">
                    {level}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fitGrades.map((grade) => (
                <Table.Tr key={grade}>
                  <Table.Th ta="center">{grade}</Table.Th>
                  {levels.map((level) => (
                    <Table.Td key={level} data-mql={isMql(grade, level)} style={{ background: isMql(grade, level) ? 'var(--mantine-primary-color-light)' : undefined, fontWeight: isMql(grade, level) ? 700 : 400 }}>
                      {grade}
                      {level}
                      {isMql(grade, level) ? ' · MQL' : ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text c="dimmed" size="sm">
            MQL when fit ≥ {rule.minFitGrade} and engagement ≥ {rule.minEngagement}
            {rule.fastTrackQualifies ? ', or on a fast-track trigger' : ''}.
          </Text>
        </Stack>
      </SimpleGrid>
      <Stack mt="md">
        <ConsensusBar consensus={scoring.consensus} itemLabel="grades and the MQL rule" coalesceKey="thresholds" onChange={(consensus, key) => update((draft) => void (draft.scoring.consensus = consensus), key)} />
      </Stack>
      <SubHeading>Qualification framework (SAL → SQL)</SubHeading>
      <Stack gap="sm">
        <Group gap="md" align="flex-end">
          <SelectField label="Framework" w={160} value={framework.kind} data={frameworks.map((kind) => ({ value: kind, label: kind === 'custom' ? 'Custom questions' : kind }))} onChange={(value) => update((draft) => void (draft.scoring.framework.kind = value))} />
          <NumberField label="Questions that must be met" w={230} min={1} value={framework.minimumMet} error={issues.get('framework:minimumMet')} onChange={(value) => update((draft) => void (draft.scoring.framework.minimumMet = value), 'framework.minimumMet')} />
        </Group>
        {issues.get('framework:questions') && <Text c="red.8" size="sm">{issues.get('framework:questions')}</Text>}
        {framework.questions.map((question, index) => (
          <Group key={question.id} gap="xs" id={`item-${question.id}`} wrap="nowrap">
            <Text w={24} c="dimmed">
              {index + 1}.
            </Text>
            <TextInput
              aria-label={`Question ${index + 1}`}
              style={{ flex: 1 }}
              value={question.text}
              onChange={(event) => {
                const text = event.currentTarget.value;
                update((draft) => void (draft.scoring.framework.questions[index]!.text = text), `${question.id}.text`);
              }}
            />
            <ActionIcon variant="subtle" color="red.8" aria-label={`Delete question ${index + 1}`} onClick={() => update((draft) => void draft.scoring.framework.questions.splice(index, 1))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <AddButton
          label="Add question"
          onAdd={() => {
            const id = newItemId('question');
            update((draft) => void draft.scoring.framework.questions.push({ id, text: '' }));
            focusItem(id);
          }}
        />
        <ConsensusBar consensus={framework.consensus} itemLabel="the qualification framework" coalesceKey="framework" onChange={(consensus, key) => update((draft) => void (draft.scoring.framework.consensus = consensus), key)} />
      </Stack>
    </Stack>
  );
}
