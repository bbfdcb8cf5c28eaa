import '../../components/mantine-ui-styles';
import './lead-tester.css';
import { Alert, Autocomplete, Badge, Button, Drawer, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconClipboardText } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { parsePastedLead } from '../../../shared/engines/scoring/paste';
import { compileScoring, normalizeValue, type Lead, type LeadValue, type ScoreReason } from '../../../shared/engines/scoring/scoring';
import type { Agreement } from '../../../shared/model/agreement';

const today = () => new Date().toISOString().slice(0, 10);
const round = (value: number) => Math.round(value * 10) / 10;
const emptyLead = (): Lead => ({ attributes: {}, signals: {}, lastActivity: null });

const outcomeTone: Record<ScoreReason['outcome'], string> = {
  matched: 'teal',
  'not-matched': 'gray',
  unknown: 'yellow',
  'knocked-out': 'red',
  disqualified: 'red',
  'fast-tracked': 'grape',
  capped: 'blue',
  decayed: 'orange',
};
const outcomeLabel: Record<ScoreReason['outcome'], string> = {
  matched: 'Fired',
  'not-matched': 'No match',
  unknown: 'Unknown',
  'knocked-out': 'Knocked out',
  disqualified: 'Disqualified',
  'fast-tracked': 'Fast-track',
  capped: 'Capped',
  decayed: 'Decay',
};

/**
 * The lead tester: type or paste one lead and see, as you type, its fit and
 * engagement, grade, where it lands and every rule that fired or could not be read.
 */
export function LeadTester({ opened, onClose, agreement }: { opened: boolean; onClose: () => void; agreement: Agreement }) {
  const [asOf, setAsOf] = useState(today);
  const [lead, setLead] = useState<Lead>(emptyLead);
  const [paste, setPaste] = useState('');
  const [pasteMessage, setPasteMessage] = useState<{ tone: 'red' | 'yellow'; text: string } | null>(null);
  const compiled = useMemo(() => {
    try {
      return { model: compileScoring(agreement, { asOf }), error: null };
    } catch (error) {
      return { model: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [agreement, asOf]);
  const result = useMemo(() => compiled.model?.evaluate(lead) ?? null, [compiled, lead]);
  const setAttribute = (name: string, value: LeadValue) => setLead((current) => ({ ...current, attributes: { ...current.attributes, [name]: value } }));
  const setSignal = (key: string, value: number | null) => setLead((current) => ({ ...current, signals: { ...current.signals, [key]: value } }));

  const applyPaste = () => {
    if (!compiled.model) return;
    const parsed = parsePastedLead(paste, compiled.model);
    if (!parsed.ok) return setPasteMessage({ tone: 'red', text: parsed.message });
    // Typed as the fields show them: numbers as numbers, yes/no as booleans.
    const attributes = Object.fromEntries(
      compiled.model.attributes.map((attribute) => {
        const raw = parsed.lead.attributes[attribute.name];
        const value = attribute.kind === 'number' || attribute.kind === 'boolean' ? normalizeValue(raw, attribute.kind) : raw === undefined || raw === null ? null : String(raw).trim();
        return [attribute.name, value];
      }),
    );
    setLead({ ...parsed.lead, attributes });
    setPasteMessage(parsed.unknownFields.length > 0 ? { tone: 'yellow', text: `Not used (the agreement has no rule on them): ${parsed.unknownFields.join(', ')}.` } : null);
  };

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title="Test a lead against the agreed rules">
      {!compiled.model ? (
        <Alert color="red" title="The rules cannot be compiled">
          {compiled.error}
        </Alert>
      ) : (
        <Stack gap="lg">
          {result && (
            <section className="lead-tester-result" aria-label="Result" aria-live="polite" tabIndex={0}>
              <Group gap="xl" align="flex-end" wrap="wrap">
                <div>
                  <Text size="sm" c="dimmed">
                    Fit
                  </Text>
                  <Text className="lead-tester-number" data-testid="tester-fit">
                    {round(result.fit)}
                  </Text>
                </div>
                <div>
                  <Text size="sm" c="dimmed">
                    Engagement
                  </Text>
                  <Text className="lead-tester-number" data-testid="tester-engagement">
                    {round(result.engagement)}
                  </Text>
                </div>
                <div>
                  <Text size="sm" c="dimmed">
                    Grade
                  </Text>
                  <Text className="lead-tester-number" data-testid="tester-grade">
                    {result.grade}
                  </Text>
                </div>
                <Badge size="xl" tt="none" variant="filled" color={result.stage === 'mql' ? 'teal.9' : result.stage === 'disqualified' ? 'red.9' : 'gray.7'} data-testid="tester-stage">
                  {result.stage === 'mql' ? (result.fastTracked ? 'MQL (fast-track): goes to sales' : 'MQL: goes to sales') : result.stage === 'disqualified' ? 'Disqualified' : result.knockedOut ? 'Nurture: a must-have is not met' : 'Nurture: stays with marketing'}
                </Badge>
              </Group>
              <Title order={3} mt="md" mb={6}>
                Why
              </Title>
              <ul className="lead-tester-reasons" aria-label="Reasons">
                {result.reasons.map((reason, index) => (
                  <li key={`${reason.id}-${index}`}>
                    <Badge variant="light" color={outcomeTone[reason.outcome]} tt="none" w={112}>
                      {outcomeLabel[reason.outcome]}
                    </Badge>
                    <span>{reason.text}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <Stack gap="xs">
            <Textarea label="Paste a lead" description="A JSON object, “name: value” lines, or a CSV header line and one row." autosize minRows={2} maxRows={6} value={paste} onChange={(event) => setPaste(event.currentTarget.value)} />
            <Group>
              <Button variant="default" leftSection={<IconClipboardText size={16} />} onClick={applyPaste} disabled={paste.trim() === ''}>
                Fill from the pasted lead
              </Button>
              <Button variant="subtle" onClick={() => setLead(emptyLead())}>
                Clear the lead
              </Button>
            </Group>
            {pasteMessage && (
              <Alert color={pasteMessage.tone} py={8}>
                {pasteMessage.text}
              </Alert>
            )}
          </Stack>

          <div>
            <Title order={3} mb="xs">
              Attributes
            </Title>
            {compiled.model.attributes.length === 0 && <Text c="dimmed">The agreement has no fit criteria yet.</Text>}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {compiled.model.attributes.map((attribute) => {
                const value = lead.attributes[attribute.name] ?? null;
                const description = attribute.usedBy.join('; ');
                if (attribute.kind === 'boolean') {
                  return (
                    <div key={attribute.name}>
                      <Text size="sm" fw={500} id={`tester-${attribute.name}`}>
                        {attribute.name}
                      </Text>
                      <Text size="xs" c="dimmed" mb={4}>
                        {description}
                      </Text>
                      <SegmentedControl
                        aria-labelledby={`tester-${attribute.name}`}
                        value={value === true ? 'yes' : value === false ? 'no' : 'unknown'}
                        onChange={(next) => setAttribute(attribute.name, next === 'yes' ? true : next === 'no' ? false : null)}
                        data={[
                          { value: 'unknown', label: 'Unknown' },
                          { value: 'yes', label: 'Yes' },
                          { value: 'no', label: 'No' },
                        ]}
                      />
                    </div>
                  );
                }
                if (attribute.kind === 'number') {
                  return <NumberInput key={attribute.name} label={attribute.name} description={description} value={typeof value === 'number' ? value : ''} onChange={(next) => setAttribute(attribute.name, typeof next === 'number' ? next : null)} thousandSeparator="," placeholder="Unknown" />;
                }
                if (attribute.kind === 'category') {
                  return <Autocomplete key={attribute.name} label={attribute.name} description={description} data={attribute.values} value={typeof value === 'string' ? value : value === null ? '' : String(value)} onChange={(next) => setAttribute(attribute.name, next === '' ? null : next)} placeholder="Unknown" />;
                }
                return <TextInput key={attribute.name} label={attribute.name} description={description} value={typeof value === 'string' ? value : ''} onChange={(event) => setAttribute(attribute.name, event.currentTarget.value === '' ? null : event.currentTarget.value)} placeholder="Unknown" />;
              })}
            </SimpleGrid>
          </div>

          <div>
            <Title order={3} mb="xs">
              Engagement
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {compiled.model.signals.map((signal) => {
                const count = lead.signals[signal.key];
                return <NumberInput key={signal.key} label={signal.name} description={signal.key} min={0} value={typeof count === 'number' ? count : ''} onChange={(next) => setSignal(signal.key, typeof next === 'number' ? next : null)} placeholder="Unknown" />;
              })}
              <TextInput type="date" label="Last activity" description="For decay" value={lead.lastActivity ?? ''} onChange={(event) => setLead((current) => ({ ...current, lastActivity: event.currentTarget.value || null }))} />
              <TextInput type="date" label="Scored as of" description="Decay is measured to this date" value={asOf} onChange={(event) => event.currentTarget.value && setAsOf(event.currentTarget.value)} />
            </SimpleGrid>
          </div>
        </Stack>
      )}
    </Drawer>
  );
}
