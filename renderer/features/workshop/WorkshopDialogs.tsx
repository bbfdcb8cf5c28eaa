import { Alert, Button, Drawer, Group, Modal, Stack, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { IconCircleCheck, IconFileExport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Blocker } from '../../../shared/model/agreement-rules';
import { sections } from '../../../shared/model/sections';
import { notify } from '../../components/notify';
import { useTemplates } from '../../store/stores';
import { useAgreementEditor } from '../../components/editor-kit';

/** What still blocks signing, part by part; each line goes to its item. */
export function ReadinessDrawer({ opened, onClose, blockers, onGo }: { opened: boolean; onClose: () => void; blockers: Blocker[]; onGo: (blocker: Blocker) => void }) {
  const grouped = sections.map((section) => ({ section, blockers: blockers.filter((blocker) => blocker.section === section.id) })).filter((group) => group.blockers.length > 0);
  // Asking "Ready to sign?" shows every field's problem from now on, touched or not (editor-kit's useShownProblem).
  const { revealProblems } = useAgreementEditor();
  useEffect(() => {
    if (opened) revealProblems();
  }, [opened, revealProblems]);
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={blockers.length === 0 ? 'Ready to sign' : `${blockers.length} things to settle before signing`}>
      {blockers.length === 0 ? (
        <Alert color="teal" icon={<IconCircleCheck />} title="Every item is agreed or parked">
          Nothing blocks signing. The agreement can go to the signatories.
        </Alert>
      ) : (
        <Stack gap="lg">
          <Text c="dimmed">The agreement can be signed when every item is agreed or explicitly parked and nothing below is left. Choose a line to go there.</Text>
          {grouped.map(({ section, blockers: list }) => (
            <Stack key={section.id} gap={6}>
              <Text fw={700}>
                {section.number}. {section.title}
              </Text>
              {list.map((blocker, index) => (
                <UnstyledButton key={`${blocker.itemId}-${blocker.field ?? ''}-${index}`} className="workshop-blocker" onClick={() => onGo(blocker)}>
                  {blocker.message}
                </UnstyledButton>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}

/** Saves the agreement's rules as a template (without the client, the people or the consensus). */
export function SaveTemplateModal({ onClose }: { onClose: () => void }) {
  const { agreement } = useAgreementEditor();
  const saveFrom = useTemplates((state) => state.saveFrom);
  const [name, setName] = useState(agreement.workshop.title);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title="Save as template" size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          saveFrom(name, description, agreement).then(
            () => {
              notify({ message: `Saved the template “${name.trim()}”. Start a new workshop from it in the library.` });
              onClose();
            },
            (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
          );
        }}
      >
        <Stack>
          <Text c="dimmed">The rules are kept; the client, people’s names, dates, every item’s consensus, the parking lot, decisions and action items are not.</Text>
          <TextInput label="Template name" value={name} data-autofocus error={error} onChange={(event) => setName(event.currentTarget.value)} />
          <Textarea label="Description" value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconFileExport size={16} />}>
              Save template
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
