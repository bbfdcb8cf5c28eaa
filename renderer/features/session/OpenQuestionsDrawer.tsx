import { Anchor, Badge, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { openQuestions } from '../../../shared/model/open-questions';
import { sections, setConsensusOf, type SectionId } from '../../../shared/model/sections';
import { ConsensusBar, useAgreementEditor } from '../../components/editor-kit';

/**
 * Every disputed or parked item across the parts, with who disagrees and the
 * notes, and the open topics of the parking lot: what the last half hour of
 * the session works through. Positions and notes can be changed right here.
 */
export function OpenQuestionsDrawer({ opened, onClose, onGo }: { opened: boolean; onClose: () => void; onGo: (section: SectionId, itemId?: string) => void }) {
  const { agreement, update } = useAgreementEditor();
  // The same count as the header's "n open" and the summary's "Parked" (shared/model/open-questions.ts).
  const questions = useMemo(() => openQuestions(agreement), [agreement]);
  const open = useMemo(() => [...questions.disputed, ...questions.parkedItems], [questions]);
  const { topics, counts } = questions;
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={`Open questions: ${counts.disputed} disputed, ${counts.parkedItems} parked, ${counts.topics} open ${counts.topics === 1 ? 'topic' : 'topics'}`}>
      <Stack gap="lg">
        {open.length === 0 && topics.length === 0 && <Text c="dimmed">Nothing is disputed or parked. Every item is agreed or still being proposed.</Text>}
        {sections
          .map((section) => ({ section, items: open.filter((item) => item.section === section.id) }))
          .filter((group) => group.items.length > 0)
          .map(({ section, items }) => (
            <Stack key={section.id} gap="sm">
              <Title order={3} fz="h4">
                {section.number}. {section.title}
              </Title>
              {items.map((item) => {
                const against = (['marketing', 'sales'] as const).filter((team) => item.positions[team] === 'disagree').map((team) => (team === 'marketing' ? 'Marketing' : 'Sales'));
                return (
                  <div key={item.id} className="open-question" data-testid="open-question">
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={650}>{item.label}</Text>
                      <Group gap="xs" wrap="nowrap">
                        {against.length > 0 && (
                          <Badge color="red" variant="light" tt="none">
                            {against.join(' and ')} {against.length > 1 ? 'disagree' : 'disagrees'}
                          </Badge>
                        )}
                        <Anchor component="button" onClick={() => onGo(item.section, item.id)}>
                          Go to it
                        </Anchor>
                      </Group>
                    </Group>
                    <ConsensusBar consensus={item.consensus} item={item} itemLabel={item.label} coalesceKey={`open-${item.id}`} onChange={(consensus, key) => update((draft) => void setConsensusOf(draft, item, consensus), key)} />
                  </div>
                );
              })}
            </Stack>
          ))}
        {topics.length > 0 && (
          <Stack gap="sm">
            <Title order={3} fz="h4">
              Parking lot
            </Title>
            {topics.map((topic) => (
              <div key={topic.id} className="open-question">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={650}>{topic.topic || 'Untitled topic'}</Text>
                  <Anchor component="button" onClick={() => onGo('log', topic.id)}>
                    Go to it
                  </Anchor>
                </Group>
                {(topic.raisedBy || topic.notes) && (
                  <Text size="sm" c="dimmed">
                    {[topic.raisedBy && `Raised by ${topic.raisedBy}`, topic.notes].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}
