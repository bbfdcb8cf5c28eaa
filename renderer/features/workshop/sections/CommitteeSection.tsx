import { ActionIcon, Button, Chip, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { buyingRoles, type BuyingRole } from '../../../../shared/model/agreement';
import { ConsensusBar, SectionHeading, SubHeading, useAgreementEditor, useProblemsRevealed, useShownProblem } from '../../../components/editor-kit';

const roleLabels: Record<BuyingRole, string> = { 'decision-maker': 'Decision maker', influencer: 'Influencer', champion: 'Champion', user: 'User', blocker: 'Blocker' };
// "No role" is an option of its own rather than a clear (×) button: the × took the room "Decision maker" needs.
const NO_ROLE = 'none';
const roleOptions = [{ value: NO_ROLE, label: 'No role' }, ...Object.entries(roleLabels).map(([value, label]) => ({ value, label }))];

/** The points of one cell; its problem shows once it was touched (or after "Ready to sign?"). */
function CellPoints({ label, points, problem, onChange }: { label: string; points: number | null | undefined; problem: string | undefined; onChange: (points: number | null) => void }) {
  const { error, touch } = useShownProblem(problem);
  return (
    <NumberInput
      aria-label={label}
      size="sm"
      styles={{ input: { paddingInlineStart: 8 } }}
      w="100%"
      value={points ?? ''}
      error={error}
      suffix=" pts"
      onBlur={touch}
      onChange={(value) => {
        touch();
        onChange(typeof value === 'number' ? value : null);
      }}
    />
  );
}

/** Part 5: the decision-maker grid (function × seniority) with points and buying roles. */
export function CommitteeSection() {
  const { agreement, update, issues } = useAgreementEditor();
  const revealed = useProblemsRevealed();
  const [rolesTouched, setRolesTouched] = useState(false);
  const committee = agreement.buyingCommittee;
  const cell = (fn: string, seniority: string) => committee.cells.find((entry) => entry.function === fn && entry.seniority === seniority);
  const setCell = (fn: string, seniority: string, change: { points?: number | null; role?: BuyingRole | null }) =>
    update((draft) => {
      const cells = draft.buyingCommittee.cells;
      let target = cells.find((entry) => entry.function === fn && entry.seniority === seniority);
      if (!target) {
        target = { function: fn, seniority, points: null, role: null };
        cells.push(target);
      }
      Object.assign(target, change);
    }, `committee.${fn}.${seniority}.${'points' in change ? 'points' : 'role'}`);
  return (
    <Stack gap={0}>
      <SectionHeading number={5} title="Decision makers" summary="Who in the buying committee is worth how many points, which role they usually play, and which roles must be reached before a lead counts as sales-qualified." />
      {/* Fixed layout over the full width: the grid fits the pane at 1366 px (it scrolled sideways and cut the last column). */}
      <div style={{ overflowX: 'auto' }}>
        <Table withTableBorder withColumnBorders aria-label="Decision-maker grid" fz="sm" layout="fixed" horizontalSpacing={6} miw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="20%">Function</Table.Th>
              {committee.seniorities.map((seniority) => (
                <Table.Th key={seniority}>{seniority}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {committee.functions.map((fn, row) => (
              <Table.Tr key={`${fn}-${row}`}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <TextInput
                      aria-label={`Function ${row + 1}`}
                      value={fn}
                      style={{ flex: 1, minWidth: 0 }}
                      onChange={(event) => {
                        const name = event.currentTarget.value;
                        update((draft) => {
                          const old = draft.buyingCommittee.functions[row]!;
                          draft.buyingCommittee.functions[row] = name;
                          for (const entry of draft.buyingCommittee.cells) if (entry.function === old) entry.function = name;
                        }, `committee.function.${row}`);
                      }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red.8"
                      aria-label={`Remove function ${fn || row + 1}`}
                      onClick={() =>
                        update((draft) => {
                          draft.buyingCommittee.functions.splice(row, 1);
                          draft.buyingCommittee.cells = draft.buyingCommittee.cells.filter((entry) => entry.function !== fn);
                        })
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
                {committee.seniorities.map((seniority) => {
                  const current = cell(fn, seniority);
                  const error = issues.get(`buying-committee:${fn}|${seniority}`);
                  return (
                    <Table.Td key={seniority}>
                      <Stack gap={4}>
                        <CellPoints label={`Points for ${seniority} in ${fn}`} points={current?.points} problem={error} onChange={(points) => setCell(fn, seniority, { points })} />
                        <Select
                          aria-label={`Buying role of ${seniority} in ${fn}`}
                          size="sm"
                          w="100%"
                          value={current?.role ?? NO_ROLE}
                          allowDeselect={false}
                          data={roleOptions}
                          comboboxProps={{ withinPortal: true, width: 180, position: 'bottom-start' }}
                          // A narrower chevron and inner padding: "Decision maker" reads whole in a fifth of the grid at 1366 px.
                          rightSectionWidth={24}
                          styles={{ input: { paddingInlineStart: 8 } }}
                          onChange={(value) => setCell(fn, seniority, { role: value === null || value === NO_ROLE ? null : (value as BuyingRole) })}
                        />
                      </Stack>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Group mt="sm">
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => update((draft) => void draft.buyingCommittee.functions.push(''))}>
          Add function
        </Button>
      </Group>
      <SubHeading>Roles that must be reached before a lead is an SQL</SubHeading>
      <Chip.Group
        multiple
        value={committee.requiredRoles}
        onChange={(values) => {
          setRolesTouched(true);
          update((draft) => void (draft.buyingCommittee.requiredRoles = buyingRoles.filter((role) => values.includes(role))));
        }}
      >
        <Group gap="xs">
          {buyingRoles.map((role) => (
            <Chip key={role} value={role} variant="outline">
              {roleLabels[role]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {(revealed || rolesTouched) && issues.get('buying-committee:requiredRoles') && (
        <Text c="red.8" size="sm" mt="xs">
          {issues.get('buying-committee:requiredRoles')}
        </Text>
      )}
      <SubHeading>Do both teams agree with the grid?</SubHeading>
      <ConsensusBar consensus={committee.consensus} itemLabel="the decision-maker grid" coalesceKey="buying-committee" onChange={(consensus, key) => update((draft) => void (draft.buyingCommittee.consensus = consensus), key)} />
    </Stack>
  );
}
