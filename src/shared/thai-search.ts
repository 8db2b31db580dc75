// Thai-aware matching for short pickers: normalises how Thai is typed, expands the usual LAO abbreviations, ranks by where the words match.

/** Abbreviations people type for LAO types and provinces, longest first so "อบต." is not read as "อบ" + "ต.". */
const ABBREVIATIONS: [RegExp, string][] = [
  [/กทม\.?/g, 'กรุงเทพมหานคร'],
  [/อบจ\./g, 'องค์การบริหารส่วนจังหวัด'],
  [/อบต\./g, 'องค์การบริหารส่วนตำบล'],
  [/ทน\./g, 'เทศบาลนคร'],
  [/ทม\./g, 'เทศบาลเมือง'],
  [/ทต\./g, 'เทศบาลตำบล'],
  // "จ.น่าน", "จังหวัดน่าน": the province's name is what matches.
  [/(^|\s)(จ\.|จังหวัด)/g, '$1'],
  [/(^|\s)(อ\.|อำเภอ)/g, '$1'],
];

/**
 * One canonical form for comparing Thai (and Latin) text: NFC; SARA AM typed as NIKHAHIT + SARA AA made one
 * character; zero-width spaces and joiners removed; Latin lower-cased; runs of white space made one space.
 */
export function normaliseThai(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The words of a query: normalised, abbreviations expanded, split on spaces. Thai is written without spaces between
 * words, so each word is matched as a substring, and every word must match (AND).
 */
export function queryTerms(query: string): string[] {
  let q = normaliseThai(query);
  for (const [re, full] of ABBREVIATIONS) q = q.replace(re, full);
  return q
    .split(' ')
    .map((t) => t.replace(/^[.,;:()"'«»]+|[.,;:()"'«»]+$/g, ''))
    .filter((t) => t.length > 0);
}

/** The LAO type words a name starts with; a match right after them ranks like a match at the start. */
const TYPE_PREFIXES = ['องค์การบริหารส่วนจังหวัด', 'องค์การบริหารส่วนตำบล', 'เทศบาลนคร', 'เทศบาลเมือง', 'เทศบาลตำบล'];

export interface SearchFields {
  /** The main name (ranked); the others only need to contain the words. */
  name: string;
  others: readonly (string | null | undefined)[];
}

/**
 * How well the fields match the terms, lower is better; null when some term matches nowhere. 0: the name is the
 * query; 1: the name (or the name after its LAO type) starts with the first term; 2: every term is in the name;
 * 3: some term is only in the other fields (the English name, the code, the province).
 */
export function matchRank(terms: readonly string[], fields: SearchFields): number | null {
  const name = normaliseThai(fields.name);
  const others = fields.others.filter((x): x is string => Boolean(x)).map(normaliseThai);
  if (terms.length === 0) return 2;
  let inName = true;
  for (const t of terms) {
    if (name.includes(t)) continue;
    inName = false;
    if (!others.some((o) => o.includes(t))) return null;
  }
  if (!inName) return 3;
  if (name === terms.join(' ') || name === terms.join('')) return 0;
  const first = terms[0]!;
  const bare = TYPE_PREFIXES.reduce((n, p) => (n.startsWith(p) ? n.slice(p.length).trimStart() : n), name);
  if (name.startsWith(first) || bare.startsWith(first)) return 1;
  return 2;
}

const collator = new Intl.Collator('th');

/** The items matching every term, best first (then in Thai dictionary order of the name), at most `limit`. */
export function searchRanked<T>(items: readonly T[], query: string, fields: (item: T) => SearchFields, limit: number): { items: T[]; total: number } {
  const terms = queryTerms(query);
  const ranked: { item: T; rank: number; name: string }[] = [];
  for (const item of items) {
    const f = fields(item);
    const rank = matchRank(terms, f);
    if (rank !== null) ranked.push({ item, rank, name: f.name });
  }
  ranked.sort((a, b) => a.rank - b.rank || collator.compare(a.name, b.name));
  return { items: ranked.slice(0, limit).map((r) => r.item), total: ranked.length };
}
