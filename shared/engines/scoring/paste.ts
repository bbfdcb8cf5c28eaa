import { parseCsvText } from '../csv/csv';
import { emailDomain, mapJobTitle, type TitleMapping } from './job-titles';
import { JOB_FUNCTION, normalizeValue, SENIORITY, type AttributeSpec, type Lead, type LeadValue, type ScoringModel } from './scoring';

/** The field names a pasted lead may use for the date of the last activity. */
const ACTIVITY_NAMES = ['lastactivity', 'lastactivitydate', 'letzteaktivitat', 'derniereactivite', 'ultimaactividad'];
/** Names of a person's e-mail address (English, German, French, Spanish), folded. */
const EMAIL_NAMES = ['email', 'mail', 'emailaddress', 'mailaddress', 'workemail', 'businessemail', 'emailadresse', 'mailadresse', 'adresseemail', 'adressemail', 'courriel', 'correo', 'correoelectronico'];
/** Names of a person's job title, folded. */
const TITLE_NAMES = ['jobtitle', 'title', 'position', 'jobtitel', 'berufsbezeichnung', 'titre', 'poste', 'intitule', 'intituledeposte', 'cargo', 'puesto'];
/** Keys of an attribute that holds an e-mail domain, folded. */
const DOMAIN_KEYS = ['emaildomain', 'maildomain', 'domain', 'emaildomaine'];

/** A name as the paste matcher compares it: lower case, no accents, no spaces, dashes, underscores or dots. */
export const foldFieldName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, '');

/** The attributes of a model that hold an e-mail domain (`emailDomain`): fed the domain of an address, never the address. */
export function emailDomainAttributes(model: Pick<ScoringModel, 'attributes'>): AttributeSpec[] {
  return model.attributes.filter((attribute) => DOMAIN_KEYS.includes(foldFieldName(attribute.name)));
}

/** The attribute that holds the job title as typed (`jobTitle`), if the rules read one. */
export function jobTitleAttribute(model: Pick<ScoringModel, 'attributes'>): AttributeSpec | null {
  return model.attributes.find((attribute) => TITLE_NAMES.includes(foldFieldName(attribute.name))) ?? null;
}

/** Whether the rules read the decision-maker grid (job function × seniority). */
export function readsGrid(model: Pick<ScoringModel, 'attributes'>): boolean {
  return model.attributes.some((attribute) => attribute.name === JOB_FUNCTION) && model.attributes.some((attribute) => attribute.name === SENIORITY);
}

/** What a job title gives the grid, as the agreement names its rows and columns (see job-titles.ts). */
export function titleForGrid(title: string, model: Pick<ScoringModel, 'attributes'>): TitleMapping {
  const names = (key: string) => model.attributes.find((attribute) => attribute.name === key)?.values ?? [];
  return mapJobTitle(title, { functions: names(JOB_FUNCTION), seniorities: names(SENIORITY) });
}

/** A pasted line the lead does not use, and why. */
export interface UnusedLine {
  /** The line as "name: value". */
  line: string;
  reason: string;
}

/** A value the lead got from another pasted line: the e-mail domain from the address, function and seniority from the title. */
export interface DerivedValue {
  /** The attribute key it fills. */
  attribute: string;
  value: string;
  /** "from the e-mail address", "from the job title (keyword “vp”)". */
  from: string;
}

/** A pasted lead, read. */
export interface PastedLead {
  ok: true;
  /** Attribute values typed as the tester's fields show them: numbers, yes/no, trimmed text; signal counts. */
  lead: Lead;
  /** The person's job title and e-mail address as pasted, for the tester's fields. */
  person: { jobTitle: string | null; email: string | null };
  derived: DerivedValue[];
  /** Every pasted line that was not used, with the reason. */
  unused: UnusedLine[];
}

const YES = ['yes', 'y', 'true', 'ja', 'oui', 'si', 'sí', 'x'];
const NO = ['no', 'n', 'false', 'nein', 'non'];

/** A signal's count as pasted: a number of times, or yes / no (once / never). NaN when it is neither. */
function readCount(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : Number.NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return Number.NaN;
  const text = value.trim().toLowerCase();
  if (YES.includes(text)) return 1;
  if (NO.includes(text)) return 0;
  const count = Number(text.replace(',', '.'));
  return text !== '' && Number.isFinite(count) && count >= 0 ? count : Number.NaN;
}

/**
 * Reads one lead pasted into the lead tester: a JSON object, "name: value"
 * lines, or a CSV header line and one row (comma, semicolon or tab). Names
 * are matched to the agreement's attributes (key or display name) and
 * signals (key or name) ignoring case, accents, spaces, dashes and
 * underscores. An e-mail address feeds the e-mail-domain attribute its
 * domain; a job title feeds the decision-maker grid the function and
 * seniority the keyword table reads in it (unless function and seniority
 * were pasted too). Every line that is not used is listed with its reason.
 */
export function parsePastedLead(text: string, model: Pick<ScoringModel, 'attributes' | 'signals'>): PastedLead | { ok: false; message: string } {
  const read = readPairs(text.trim());
  if (!read) return { ok: false, message: 'Paste a JSON object, “name: value” lines, or a CSV header and one row.' };
  const attributes = new Map<string, AttributeSpec>();
  for (const attribute of model.attributes) for (const name of [attribute.label, attribute.name]) if (!attributes.has(foldFieldName(name))) attributes.set(foldFieldName(name), attribute);
  const signals = new Map<string, string>();
  for (const signal of model.signals) for (const name of [signal.name, signal.key]) if (!signals.has(foldFieldName(name))) signals.set(foldFieldName(name), signal.key);
  const domainAttributes = emailDomainAttributes(model);
  const titleAttribute = jobTitleAttribute(model);
  const grid = readsGrid(model);

  const lead: Lead = { attributes: {}, signals: {} };
  const person: PastedLead['person'] = { jobTitle: null, email: null };
  const derived: DerivedValue[] = [];
  const unused: UnusedLine[] = read.skipped.map((line) => ({ line, reason: 'not a “name: value” line' }));
  const seen = new Set<string>();
  const skip = (line: string, reason: string) => unused.push({ line, reason });

  for (const [name, raw] of read.pairs) {
    const key = foldFieldName(name);
    const value = raw === null || raw === undefined ? null : typeof raw === 'object' ? JSON.stringify(raw) : (raw as string | number | boolean);
    const shown = `${name}: ${value === null ? '' : String(value)}`;
    const blank = value === null || (typeof value === 'string' && value.trim() === '');
    if (blank) {
      skip(shown, 'no value');
      continue;
    }
    const matched = attributes.get(key);
    // The job title is read as the title (it also feeds the grid), whether or not a rule reads it as an attribute.
    const attribute = matched && matched !== titleAttribute ? matched : undefined;
    const target = attribute ? `attribute:${attribute.name}` : matched || TITLE_NAMES.includes(key) ? 'title' : signals.has(key) ? `signal:${signals.get(key)}` : EMAIL_NAMES.includes(key) ? 'email' : ACTIVITY_NAMES.includes(key) ? 'activity' : null;
    if (target === null) {
      skip(shown, 'the agreement has no rule on it');
      continue;
    }
    if (seen.has(target)) {
      skip(shown, 'given twice; the first is used');
      continue;
    }
    if (attribute) {
      let typed: LeadValue = attribute.kind === 'number' || attribute.kind === 'boolean' ? normalizeValue(value, attribute.kind) : String(value).trim();
      if (typed === null) {
        skip(shown, attribute.kind === 'number' ? `“${String(value)}” is not a number` : `“${String(value)}” is not yes or no`);
        continue;
      }
      if (domainAttributes.includes(attribute) && typeof typed === 'string') {
        const domain = emailDomain(typed);
        if (domain === null) {
          skip(shown, `“${typed}” is not an e-mail domain`);
          continue;
        }
        if (domain !== typed.toLowerCase()) derived.push({ attribute: attribute.name, value: domain, from: 'the domain of the address pasted' });
        typed = domain;
      }
      lead.attributes[attribute.name] = typed;
    } else if (target.startsWith('signal:')) {
      const count = readCount(value);
      if (count !== count) {
        skip(shown, `“${String(value)}” is not a number of times or yes / no`);
        continue;
      }
      lead.signals[target.slice('signal:'.length)] = count;
    } else if (target === 'email') {
      const domain = emailDomain(String(value));
      if (domainAttributes.length === 0) {
        skip(shown, 'the agreement has no rule on the e-mail domain');
        continue;
      }
      if (domain === null || !String(value).includes('@')) {
        skip(shown, `“${String(value)}” is not an e-mail address`);
        continue;
      }
      person.email = String(value).trim();
    } else if (target === 'title') {
      if (!titleAttribute && !grid) {
        skip(shown, 'the agreement has no rule on the job title');
        continue;
      }
      person.jobTitle = String(value).trim();
      if (titleAttribute) lead.attributes[titleAttribute.name] = person.jobTitle;
    } else lead.lastActivity = String(value).trim();
    seen.add(target);
  }

  // Derived after every line is read, so a pasted domain, function or seniority wins over what is derived.
  if (person.email !== null) {
    const domain = emailDomain(person.email)!;
    for (const attribute of domainAttributes) {
      if (lead.attributes[attribute.name] !== undefined) continue;
      lead.attributes[attribute.name] = domain;
      derived.push({ attribute: attribute.name, value: domain, from: 'the e-mail address' });
    }
  }
  if (person.jobTitle !== null && grid) {
    const mapping = titleForGrid(person.jobTitle, model);
    if (lead.attributes[JOB_FUNCTION] === undefined && mapping.function !== null) {
      lead.attributes[JOB_FUNCTION] = mapping.function;
      derived.push({ attribute: JOB_FUNCTION, value: mapping.function, from: `the job title (keyword “${mapping.functionKeyword}”)` });
    }
    if (lead.attributes[SENIORITY] === undefined && mapping.seniority !== null) {
      lead.attributes[SENIORITY] = mapping.seniority;
      derived.push({ attribute: SENIORITY, value: mapping.seniority, from: `the job title (keyword “${mapping.seniorityKeyword}”)` });
    }
  }
  return { ok: true, lead, person, derived, unused };
}

interface Pairs {
  pairs: [string, unknown][];
  /** Lines that are not "name: value" in a block that mostly is. */
  skipped: string[];
}

const NAME_VALUE = /^[^:=\t]+[:=]/;

function readPairs(text: string): Pairs | null {
  if (text === '') return null;
  if (text.startsWith('{')) {
    try {
      const data = JSON.parse(text) as unknown;
      return typeof data === 'object' && data !== null && !Array.isArray(data) ? { pairs: Object.entries(data), skipped: [] } : null;
    } catch {
      return null;
    }
  }
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const named = lines.filter((line) => NAME_VALUE.test(line));
  const asLines = (): Pairs => ({
    pairs: named.map((line) => {
      const at = line.search(/[:=]/);
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
    skipped: lines.filter((line) => !NAME_VALUE.test(line)),
  });
  if (named.length === lines.length) return asLines();
  if (lines.length === 2) {
    const delimiter = [',', ';', '\t'].sort((a, b) => lines[0]!.split(b).length - lines[0]!.split(a).length)[0]!;
    const header = splitCsvLine(lines[0]!, delimiter);
    const row = splitCsvLine(lines[1]!, delimiter);
    if (header.length >= 2 && header.length === row.length) return { pairs: header.map((name, index) => [name, row[index]!]), skipped: [] };
  }
  // A record copied with a few other lines (a name, a signature): the "name: value" lines are read, the others listed.
  return named.length > 0 ? asLines() : null;
}

/** One CSV line's cells, trimmed, read by the export parser (quotes and doubled quotes as in a file). */
function splitCsvLine(line: string, delimiter: string): string[] {
  return (parseCsvText(line, delimiter).rows[0] ?? ['']).map((entry) => entry.trim());
}
