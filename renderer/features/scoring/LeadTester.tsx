import '../../components/mantine-ui-styles';
import './lead-tester.css';
import { Alert, Autocomplete, Badge, Button, Drawer, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconClipboardText } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { emailDomain } from '../../../shared/engines/scoring/job-titles';
import { emailDomainAttributes, jobTitleAttribute, parsePastedLead, readsGrid, titleForGrid, type DerivedValue, type UnusedLine } from '../../../shared/engines/scoring/paste';
import { compileScoring, JOB_FUNCTION, SENIORITY, type AttributeSpec, type Lead, type LeadValue, type ScoreReason, type ScoringModel } from '../../../shared/engines/scoring/scoring';
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

/** Where the grid's function and seniority came from: read from the job title (with the keyword) or typed. */
type GridSource = { kind: 'title'; keyword: string | null; inGrid: boolean } | { kind: 'typed' };

interface Person {
  jobTitle: string;
  email: string;
  source: Record<typeof JOB_FUNCTION | typeof SENIORITY, GridSource>;
}
const noPerson = (): Person => ({ jobTitle: '', email: '', source: { [JOB_FUNCTION]: { kind: 'typed' }, [SENIORITY]: { kind: 'typed' } } });

/** The lead with the title's function and seniority (as the keyword table reads it) and the title itself where a rule reads it. */
function withJobTitle(lead: Lead, title: string, model: ScoringModel): { lead: Lead; source: Person['source'] } {
  const attributes = { ...lead.attributes };
  const titleAttribute = jobTitleAttribute(model);
  if (titleAttribute) attributes[titleAttribute.name] = title.trim() === '' ? null : title;
  const source: Person['source'] = { [JOB_FUNCTION]: { kind: 'typed' }, [SENIORITY]: { kind: 'typed' } };
  if (readsGrid(model)) {
    const mapping = titleForGrid(title, model);
    attributes[JOB_FUNCTION] = mapping.function;
    attributes[SENIORITY] = mapping.seniority;
    source[JOB_FUNCTION] = { kind: 'title', keyword: mapping.functionKeyword, inGrid: mapping.functionInGrid };
    source[SENIORITY] = { kind: 'title', keyword: mapping.seniorityKeyword, inGrid: mapping.seniorityInGrid };
  }
  return { lead: { ...lead, attributes }, source };
}

/** The lead with every e-mail-domain attribute fed the domain of the address (unknown while it is not one). */
function withEmail(lead: Lead, email: string, model: ScoringModel): Lead {
  const attributes = { ...lead.attributes };
  const domain = email.includes('@') ? emailDomain(email) : null;
  for (const attribute of emailDomainAttributes(model)) attributes[attribute.name] = domain;
  return { ...lead, attributes };
}

/**
 * The lead tester: type or paste one lead and see, as you type, its fit and
 * engagement, grade, where it lands and every rule that fired or could not be
 * read. The inputs and the result scroll side by side, so nothing is hidden
 * under the result; the job title and e-mail address are read as the rules
 * need them (function × seniority, domain), showing what was read.
 */
export function LeadTester({ opened, onClose, agreement }: { opened: boolean; onClose: () => void; agreement: Agreement }) {
  const [asOf, setAsOf] = useState(today);
  const [lead, setLead] = useState<Lead>(emptyLead);
  const [person, setPerson] = useState<Person>(noPerson);
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [pasted, setPasted] = useState<{ unused: UnusedLine[]; derived: DerivedValue[] } | null>(null);
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
    const model = compiled.model;
    if (!model) return;
    const parsed = parsePastedLead(paste, model);
    if (!parsed.ok) {
      setPasteError(parsed.message);
      return setPasted(null);
    }
    setPasteError(null);
    setPasted({ unused: parsed.unused, derived: parsed.derived });
    const derivedFromTitle = new Map(parsed.derived.filter((entry) => entry.attribute === JOB_FUNCTION || entry.attribute === SENIORITY).map((entry) => [entry.attribute, entry]));
    const source = (key: typeof JOB_FUNCTION | typeof SENIORITY): GridSource => {
      if (!derivedFromTitle.has(key)) return { kind: 'typed' };
      const mapping = titleForGrid(parsed.person.jobTitle ?? '', model);
      return key === JOB_FUNCTION ? { kind: 'title', keyword: mapping.functionKeyword, inGrid: mapping.functionInGrid } : { kind: 'title', keyword: mapping.seniorityKeyword, inGrid: mapping.seniorityInGrid };
    };
    setLead(parsed.lead);
    setPerson({ jobTitle: parsed.person.jobTitle ?? '', email: parsed.person.email ?? '', source: { [JOB_FUNCTION]: source(JOB_FUNCTION), [SENIORITY]: source(SENIORITY) } });
  };

  const model = compiled.model;
  const grid = model ? readsGrid(model) : false;
  const titleAttribute = model ? jobTitleAttribute(model) : null;
  const domainAttributes = model ? emailDomainAttributes(model) : [];
  const personKeys = new Set<string>([...(grid ? [JOB_FUNCTION, SENIORITY] : []), ...(titleAttribute ? [titleAttribute.name] : []), ...domainAttributes.map((attribute) => attribute.name)]);
  const labelOf = (key: string) => model?.attributes.find((attribute) => attribute.name === key)?.label ?? key;

  const gridField = (key: typeof JOB_FUNCTION | typeof SENIORITY) => {
    const spec = model!.attributes.find((attribute) => attribute.name === key)!;
    const value = lead.attributes[key];
    const source = person.source[key];
    const description =
      source.kind === 'typed'
        ? typeof value === 'string' && value !== ''
          ? 'As typed'
          : 'Read from the job title, or type it'
        : source.keyword === null
          ? 'No keyword of the job title says; type or pick it'
          : `From the job title: keyword “${source.keyword}”${source.inGrid ? '' : '; not in the grid, so no points'}`;
    return (
      <Autocomplete
        label={spec.label}
        description={description}
        data={spec.values}
        value={typeof value === 'string' ? value : ''}
        onChange={(next) => {
          setAttribute(key, next === '' ? null : next);
          setPerson((current) => ({ ...current, source: { ...current.source, [key]: { kind: 'typed' } } }));
          setPasted((current) => current && { ...current, derived: current.derived.filter((entry) => entry.attribute !== key) });
        }}
        placeholder="Unknown"
      />
    );
  };

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="min(100vw, 90rem)" title="Test a lead against the agreed rules" classNames={{ content: 'lead-tester-drawer', body: 'lead-tester-body' }}>
      {!model ? (
        <Alert color="red" title="The rules cannot be compiled">
          {compiled.error}
        </Alert>
      ) : (
        <div className="lead-tester-layout">
          <div className="lead-tester-inputs">
            <Stack gap="lg">
              <Stack gap="xs">
                <Textarea label="Paste a lead" description="A JSON object, “name: value” lines, or a CSV header line and one row." autosize minRows={2} maxRows={6} value={paste} onChange={(event) => setPaste(event.currentTarget.value)} />
                <Group>
                  <Button variant="default" leftSection={<IconClipboardText size={16} />} onClick={applyPaste} disabled={paste.trim() === ''}>
                    Fill from the pasted lead
                  </Button>
                  <Button
                    variant="subtle"
                    onClick={() => {
                      setLead(emptyLead());
                      setPerson(noPerson());
                      setPasted(null);
                    }}
                  >
                    Clear the lead
                  </Button>
                </Group>
                {pasteError && (
                  <Alert color="red" py={8}>
                    {pasteError}
                  </Alert>
                )}
                {pasted && pasted.derived.length > 0 && (
                  <div className="lead-tester-note" aria-label="Read from other lines" role="region">
                    <Text size="sm" fw={600}>
                      Read from other lines
                    </Text>
                    <ul>
                      {pasted.derived.map((entry) => (
                        <li key={entry.attribute}>
                          {labelOf(entry.attribute)}: {entry.value}, from {entry.from}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {pasted && pasted.unused.length > 0 && (
                  <div className="lead-tester-note lead-tester-unused" aria-label="Not used" role="region">
                    <Text size="sm" fw={600}>
                      Not used ({pasted.unused.length} {pasted.unused.length === 1 ? 'line' : 'lines'})
                    </Text>
                    <ul>
                      {pasted.unused.map((entry, index) => (
                        <li key={index}>
                          <span className="lead-tester-line">{entry.line}</span>: {entry.reason}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </Stack>

              {(grid || titleAttribute || domainAttributes.length > 0) && (
                <div>
                  <Title order={3} mb="xs">
                    The person
                  </Title>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    {(grid || titleAttribute) && (
                      <TextInput
                        label="Job title"
                        description={grid ? 'Read as function × seniority by keywords' : (titleAttribute?.usedBy.join('; ') ?? '')}
                        value={person.jobTitle}
                        placeholder="e.g. VP Marketing, Leiter Vertrieb"
                        onChange={(event) => {
                          const title = event.currentTarget.value;
                          const next = withJobTitle(lead, title, model);
                          setLead(next.lead);
                          setPerson((current) => ({ ...current, jobTitle: title, source: next.source }));
                          // What was read from the pasted lines no longer describes the lead.
                          setPasted((current) => current && { ...current, derived: current.derived.filter((entry) => entry.attribute !== JOB_FUNCTION && entry.attribute !== SENIORITY) });
                        }}
                      />
                    )}
                    {domainAttributes.length > 0 && (
                      <TextInput
                        label="E-mail address"
                        description={`Its domain feeds ${domainAttributes.map((attribute) => attribute.label).join(', ')}`}
                        value={person.email}
                        placeholder="name@company.com"
                        onChange={(event) => {
                          const email = event.currentTarget.value;
                          setLead(withEmail(lead, email, model));
                          setPerson((current) => ({ ...current, email }));
                          setPasted((current) => current && { ...current, derived: current.derived.filter((entry) => !domainAttributes.some((attribute) => attribute.name === entry.attribute)) });
                        }}
                      />
                    )}
                    {grid && gridField(JOB_FUNCTION)}
                    {grid && gridField(SENIORITY)}
                    {domainAttributes.map((attribute) => (
                      <AttributeField key={attribute.name} attribute={attribute} value={lead.attributes[attribute.name] ?? null} onChange={(value) => setAttribute(attribute.name, value)} description={`${attribute.usedBy.join('; ')}; from the e-mail address or typed`} />
                    ))}
                  </SimpleGrid>
                </div>
              )}

              <div>
                <Title order={3} mb="xs">
                  Attributes
                </Title>
                {model.attributes.length === 0 && <Text c="dimmed">The agreement has no fit criteria yet.</Text>}
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {model.attributes
                    .filter((attribute) => !personKeys.has(attribute.name))
                    .map((attribute) => (
                      <AttributeField key={attribute.name} attribute={attribute} value={lead.attributes[attribute.name] ?? null} onChange={(value) => setAttribute(attribute.name, value)} description={attribute.usedBy.join('; ')} />
                    ))}
                </SimpleGrid>
              </div>

              <div>
                <Title order={3} mb="xs">
                  Engagement
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                  {model.signals.map((signal) => {
                    const count = lead.signals[signal.key];
                    return <NumberInput key={signal.key} label={signal.name} description="Times" min={0} value={typeof count === 'number' ? count : ''} onChange={(next) => setSignal(signal.key, typeof next === 'number' ? next : null)} placeholder="Unknown" />;
                  })}
                  <TextInput type="date" label="Last activity" description="For decay" value={lead.lastActivity ?? ''} onChange={(event) => setLead((current) => ({ ...current, lastActivity: event.currentTarget.value || null }))} />
                  <TextInput type="date" label="Scored as of" description="Decay is measured to this date" value={asOf} onChange={(event) => event.currentTarget.value && setAsOf(event.currentTarget.value)} />
                </SimpleGrid>
              </div>
            </Stack>
          </div>

          {result && (
            <section className="lead-tester-result" aria-label="Result" aria-live="polite" tabIndex={0}>
              <Group gap="xl" align="flex-end" wrap="wrap">
                <ResultFigure label="Fit" value={round(result.fit)} testId="tester-fit" />
                <ResultFigure label="Engagement" value={round(result.engagement)} testId="tester-engagement" />
                <ResultFigure label="Grade" value={result.grade} testId="tester-grade" />
              </Group>
              <Badge mt="md" size="xl" tt="none" variant="filled" className="lead-tester-stage" color={result.stage === 'mql' ? 'teal.9' : result.stage === 'disqualified' ? 'red.9' : 'gray.7'} data-testid="tester-stage">
                {result.stage === 'mql' ? (result.fastTracked ? 'MQL (fast-track): goes to sales' : 'MQL: goes to sales') : result.stage === 'disqualified' ? 'Disqualified' : result.knockedOut ? 'Nurture: a must-have is not met' : 'Nurture: stays with marketing'}
              </Badge>
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
        </div>
      )}
    </Drawer>
  );
}

/** One attribute's field, by its kind, labelled with its display name. */
/** One of the result's big figures (fit, engagement, grade) under its label. */
function ResultFigure({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text className="lead-tester-number" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function AttributeField({ attribute, value, onChange, description }: { attribute: AttributeSpec; value: LeadValue; onChange: (value: LeadValue) => void; description: string }) {
  const id = `tester-${attribute.name}`;
  if (attribute.kind === 'boolean') {
    return (
      <div>
        <Text size="sm" fw={500} id={id}>
          {attribute.label}
        </Text>
        <Text size="xs" c="dimmed" mb={4}>
          {description}
        </Text>
        <SegmentedControl
          aria-labelledby={id}
          value={value === true ? 'yes' : value === false ? 'no' : 'unknown'}
          onChange={(next) => onChange(next === 'yes' ? true : next === 'no' ? false : null)}
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
    return <NumberInput label={attribute.label} description={description} value={typeof value === 'number' ? value : ''} onChange={(next) => onChange(typeof next === 'number' ? next : null)} thousandSeparator="," placeholder="Unknown" />;
  }
  if (attribute.kind === 'category') {
    return <Autocomplete label={attribute.label} description={description} data={attribute.values} value={typeof value === 'string' ? value : value === null ? '' : String(value)} onChange={(next) => onChange(next === '' ? null : next)} placeholder="Unknown" />;
  }
  return <TextInput label={attribute.label} description={description} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)} placeholder="Unknown" />;
}
