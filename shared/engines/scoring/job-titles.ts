/**
 * From a job title to the decision-maker grid's two attributes, job function
 * and seniority: "VP Marketing" → Marketing × VP, "Leiter Vertrieb" → Sales ×
 * Director, "Directrice commerciale" → Sales × Director, "Jefe de ventas" →
 * Sales × Manager. A small keyword table (English, German, French, Spanish),
 * shown to the person with the keyword that matched, so a wrong guess is seen
 * and corrected, never silently scored. Pure: no locale, no clock.
 */

/** Job functions the keyword table knows. */
export const titleFunctions = ['executive', 'sales', 'marketing', 'revops', 'it', 'finance', 'security', 'operations', 'procurement', 'hr'] as const;
/** A job function the keyword table knows. */
export type TitleFunction = (typeof titleFunctions)[number];
/** Seniorities the keyword table knows, most senior first. */
export const titleSeniorities = ['c-level', 'vp', 'director', 'manager', 'individual', 'intern'] as const;
/** A seniority the keyword table knows. */
export type TitleSeniority = (typeof titleSeniorities)[number];

/** How each function and seniority reads when the agreement's grid has no row or column for it. */
export const titleFunctionLabels: Record<TitleFunction, string> = {
  executive: 'Executive management',
  sales: 'Sales',
  marketing: 'Marketing',
  revops: 'Revenue operations',
  it: 'IT',
  finance: 'Finance',
  security: 'Security',
  operations: 'Operations',
  procurement: 'Procurement',
  hr: 'Human resources',
};
/** How each seniority reads when the agreement's grid has no column for it. */
export const titleSeniorityLabels: Record<TitleSeniority, string> = {
  'c-level': 'C-level',
  vp: 'VP',
  director: 'Director',
  manager: 'Manager',
  individual: 'Individual contributor',
  intern: 'Student / intern',
};

/** One keyword of the table: what it says about the function, the seniority, or both. */
export interface TitleKeyword {
  /** Folded (see `foldTitle`): lower case, no accents, words separated by one space. */
  keyword: string;
  language: 'en' | 'de' | 'fr' | 'es';
  function?: TitleFunction;
  seniority?: TitleSeniority;
  /** Also matches inside a word: German compounds ("Vertriebsleiter" holds "vertrieb" and "leiter"). */
  inside?: boolean;
}

const k = (language: TitleKeyword['language'], keywords: string, meaning: Omit<TitleKeyword, 'keyword' | 'language'>): TitleKeyword[] =>
  keywords.split('|').map((keyword) => ({ keyword, language, ...meaning }));

/**
 * The keyword table. Where two keywords match, the one that starts first in
 * the title wins, and at the same place the longer one ("sales operations"
 * over "sales", "managing director" over "director").
 */
export const titleKeywords: readonly TitleKeyword[] = [
  // English
  ...k('en', 'ceo|chief executive officer|founder|co founder|cofounder|owner|president|managing director|general management|executive board|board member', { function: 'executive', seniority: 'c-level' }),
  ...k('en', 'cfo|chief financial officer', { function: 'finance', seniority: 'c-level' }),
  ...k('en', 'cmo|chief marketing officer', { function: 'marketing', seniority: 'c-level' }),
  ...k('en', 'cto|cio|chief technology officer|chief information officer', { function: 'it', seniority: 'c-level' }),
  ...k('en', 'coo|chief operating officer', { function: 'operations', seniority: 'c-level' }),
  ...k('en', 'cro|chief revenue officer|chief sales officer', { function: 'sales', seniority: 'c-level' }),
  ...k('en', 'ciso|chief information security officer', { function: 'security', seniority: 'c-level' }),
  ...k('en', 'chro|chief people officer|chief human resources officer', { function: 'hr', seniority: 'c-level' }),
  ...k('en', 'chief|c level|c suite', { seniority: 'c-level' }),
  ...k('en', 'vp|svp|evp|avp|vice president', { seniority: 'vp' }),
  ...k('en', 'director|head of|head', { seniority: 'director' }),
  ...k('en', 'manager|team lead|team leader|supervisor', { seniority: 'manager' }),
  ...k('en', 'specialist|analyst|engineer|developer|consultant|associate|coordinator|representative|rep|assistant|administrator|individual contributor|officer', { seniority: 'individual' }),
  ...k('en', 'sdr|bdr|account executive', { function: 'sales', seniority: 'individual' }),
  ...k('en', 'product owner', { seniority: 'individual' }),
  ...k('en', 'intern|internship|student|trainee|apprentice|working student', { seniority: 'intern' }),
  ...k('en', 'sales|business development|account management|inside sales|commercial', { function: 'sales' }),
  ...k('en', 'revenue operations|revops|sales operations|sales ops', { function: 'revops' }),
  ...k('en', 'marketing|demand generation|growth|brand|communications', { function: 'marketing' }),
  ...k('en', 'it|information technology|technology|infrastructure|information systems', { function: 'it' }),
  ...k('en', 'finance|financial|accounting|controlling|treasury', { function: 'finance' }),
  ...k('en', 'security|cybersecurity|information security', { function: 'security' }),
  ...k('en', 'operations|ops', { function: 'operations' }),
  ...k('en', 'procurement|purchasing|sourcing|buyer', { function: 'procurement' }),
  ...k('en', 'hr|human resources|people|talent', { function: 'hr' }),
  // German (compounds: "inside" keywords)
  ...k('de', 'geschaftsfuhrer|geschaeftsfuehrer|vorstand|inhaber|grunder|gruender', { function: 'executive', seniority: 'c-level', inside: true }),
  ...k('de', 'leiter|leitung', { seniority: 'director', inside: true }),
  ...k('de', 'teamleiter|gruppenleiter|teamleitung', { seniority: 'manager', inside: true }),
  ...k('de', 'sachbearbeiter|referent|mitarbeiter|berater|entwickler|spezialist', { seniority: 'individual', inside: true }),
  ...k('de', 'werkstudent|praktikant|auszubildend|azubi', { seniority: 'intern', inside: true }),
  ...k('de', 'vertrieb|verkauf', { function: 'sales', inside: true }),
  ...k('de', 'marketing', { function: 'marketing', inside: true }),
  ...k('de', 'informatik|edv', { function: 'it', inside: true }),
  ...k('de', 'finanz|buchhaltung', { function: 'finance', inside: true }),
  ...k('de', 'sicherheit', { function: 'security', inside: true }),
  ...k('de', 'betrieb', { function: 'operations', inside: true }),
  ...k('de', 'einkauf|beschaffung', { function: 'procurement', inside: true }),
  ...k('de', 'personalleit|personalabteilung|personalwesen|personalreferent', { function: 'hr', inside: true }),
  // French
  ...k('fr', 'pdg|president directeur general|directeur general|directrice generale|gerant|gerante|fondateur|fondatrice', { function: 'executive', seniority: 'c-level' }),
  ...k('fr', 'daf|directeur administratif et financier|directrice administrative et financiere', { function: 'finance', seniority: 'c-level' }),
  ...k('fr', 'dsi', { function: 'it', seniority: 'director' }),
  ...k('fr', 'vice president|vice presidente', { seniority: 'vp' }),
  ...k('fr', 'directeur|directrice', { seniority: 'director' }),
  ...k('fr', 'responsable|chef', { seniority: 'manager' }),
  ...k('fr', 'charge|chargee|assistant|assistante|ingenieur|conseiller|conseillere|technicien', { seniority: 'individual' }),
  ...k('fr', 'stagiaire|alternant|alternante|etudiant|etudiante|apprenti', { seniority: 'intern' }),
  ...k('fr', 'commercial|commerciale|commerciaux|ventes|vente', { function: 'sales' }),
  ...k('fr', 'informatique|systemes d information', { function: 'it' }),
  ...k('fr', 'financier|financiere|comptabilite', { function: 'finance' }),
  ...k('fr', 'securite', { function: 'security' }),
  ...k('fr', 'achats|achat|acheteur|acheteuse', { function: 'procurement' }),
  ...k('fr', 'ressources humaines|rh', { function: 'hr' }),
  // Spanish
  ...k('es', 'consejero delegado|director general|directora general|fundador|fundadora|propietario|propietaria', { function: 'executive', seniority: 'c-level' }),
  ...k('es', 'vicepresidente|vicepresidenta', { seniority: 'vp' }),
  ...k('es', 'director|directora', { seniority: 'director' }),
  ...k('es', 'jefe|jefa|gerente|responsable|encargado|encargada', { seniority: 'manager' }),
  ...k('es', 'analista|tecnico|tecnica|asesor|asesora|ejecutivo|ejecutiva|ingeniero|ingeniera', { seniority: 'individual' }),
  ...k('es', 'becario|becaria|practicante|estudiante', { seniority: 'intern' }),
  ...k('es', 'ventas|comercial', { function: 'sales' }),
  ...k('es', 'mercadotecnia', { function: 'marketing' }),
  ...k('es', 'informatica|sistemas|tecnologia|ti', { function: 'it' }),
  ...k('es', 'finanzas|financiero|financiera|contabilidad', { function: 'finance' }),
  ...k('es', 'seguridad', { function: 'security' }),
  ...k('es', 'operaciones', { function: 'operations' }),
  ...k('es', 'compras', { function: 'procurement' }),
  ...k('es', 'recursos humanos|rrhh', { function: 'hr' }),
];

/**
 * A title as the table reads it: lower case, accents removed (ß as ss), every
 * run of other characters one space: "Geschäftsführer" → "geschaftsfuhrer",
 * "C-Level" → "c level", "Head of IT" → "head of it".
 */
export function foldTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Where one keyword matched in a folded title. */
interface Hit {
  entry: TitleKeyword;
  at: number;
}

function hits(folded: string): Hit[] {
  const found: Hit[] = [];
  const padded = ` ${folded} `;
  for (const entry of titleKeywords) {
    const at = entry.inside ? folded.indexOf(entry.keyword) : padded.indexOf(` ${entry.keyword} `);
    if (at >= 0) found.push({ entry, at });
  }
  // A keyword inside a longer one that matched is part of it: "president" in "vice president", "owner" in "product owner".
  return found.filter((hit) => !found.some((other) => other.entry.keyword.length > hit.entry.keyword.length && other.at <= hit.at && other.at + other.entry.keyword.length >= hit.at + hit.entry.keyword.length));
}

function best(found: Hit[], dimension: 'function' | 'seniority'): TitleKeyword | null {
  let winner: Hit | null = null;
  for (const hit of found) {
    if (hit.entry[dimension] === undefined) continue;
    if (!winner || hit.at < winner.at || (hit.at === winner.at && hit.entry.keyword.length > winner.entry.keyword.length)) winner = hit;
  }
  return winner?.entry ?? null;
}

/** What the table reads in one title: each dimension with the keyword that decided it, or null. */
export interface TitleReading {
  function: { value: TitleFunction; keyword: string } | null;
  seniority: { value: TitleSeniority; keyword: string } | null;
}

/** Reads a job title's function and seniority from the keyword table (null where no keyword matches). */
export function readJobTitle(title: string): TitleReading {
  const found = hits(foldTitle(title));
  const fn = best(found, 'function');
  const seniority = best(found, 'seniority');
  return {
    function: fn ? { value: fn.function!, keyword: fn.keyword } : null,
    seniority: seniority ? { value: seniority.seniority!, keyword: seniority.keyword } : null,
  };
}

/** The grid's rows and columns, as the agreement names them. */
export interface GridNames {
  functions: readonly string[];
  seniorities: readonly string[];
}

/** What a job title gives the decision-maker grid: the grid's own names where it has them. */
export interface TitleMapping {
  /** The grid's function name (or the table's name when the grid has none for it); null when no keyword matched. */
  function: string | null;
  seniority: string | null;
  /** The keyword that decided each, for the person to check. */
  functionKeyword: string | null;
  seniorityKeyword: string | null;
  /** False when the table read a function or seniority the grid has no row or column for. */
  functionInGrid: boolean;
  seniorityInGrid: boolean;
}

/**
 * Which of the grid's names means each table value: the grid's own names are
 * read with the same table ("Owner / founder" → executive, "Vertrieb" →
 * sales, "Individual contributor" → individual), the first name read as a
 * value wins.
 */
function gridName<T extends string>(names: readonly string[], value: T, read: (reading: TitleReading) => T | undefined): string | null {
  for (const name of names) if (read(readJobTitle(name)) === value) return name;
  return null;
}

/** Maps a job title to the grid's function and seniority names. */
export function mapJobTitle(title: string, grid: GridNames): TitleMapping {
  const reading = readJobTitle(title);
  const fnName = reading.function ? gridName(grid.functions, reading.function.value, (entry) => entry.function?.value) : null;
  const seniorityName = reading.seniority ? gridName(grid.seniorities, reading.seniority.value, (entry) => entry.seniority?.value) : null;
  return {
    function: reading.function ? (fnName ?? titleFunctionLabels[reading.function.value]) : null,
    seniority: reading.seniority ? (seniorityName ?? titleSeniorityLabels[reading.seniority.value]) : null,
    functionKeyword: reading.function?.keyword ?? null,
    seniorityKeyword: reading.seniority?.keyword ?? null,
    functionInGrid: fnName !== null,
    seniorityInGrid: seniorityName !== null,
  };
}

/**
 * The domain of an e-mail address, lower case ("Jane.Doe@GMX.de" → "gmx.de"),
 * or null when the text is not an address. Also accepts a bare domain or
 * "<jane@acme.com>" as mail programs copy it.
 */
export function emailDomain(text: string): string | null {
  const trimmed = text.trim().replace(/^mailto:/i, '').replace(/^.*<([^>]*)>.*$/, '$1').trim();
  const at = trimmed.lastIndexOf('@');
  const domain = (at >= 0 ? trimmed.slice(at + 1) : trimmed).trim().toLowerCase().replace(/\.$/, '');
  if (at === 0) return null;
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(domain) ? domain : null;
}
