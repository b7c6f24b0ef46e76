/**
 * Source and target of a flow (exports, imports, investment, loans, remittances) from the words
 * that tie each country to it: "to", "into", "in" mark the target and "from", "by" the source;
 * a country that owns the flow ("Azerbaijan's imports", "Turkish investment", "Russia invested")
 * is its reporter, which is the source of exports and investment and the target of imports.
 * "Azerbaijan's imports from Italy" is the flow IT -> AZ.
 */
import type { ClaimEntity } from '../model.ts';
import { type Hit, isPossessive, pushEntity, wordAt } from './reading-context.ts';
import { isMark, type Tokens } from './tokenize.ts';

type Direction = 'exports' | 'imports' | 'investment';

const TARGET_PREPS = new Set(['to', 'into', 'in', 'for', 'towards', 'toward']);
const SOURCE_PREPS = new Set(['from']);
/** "Uzbekistan attracted $12 billion", "Kyrgyzstan received $2.6 billion": the country takes the flow in. */
const RECEIVING = new Set([
  'attracted',
  'attracts',
  'received',
  'receives',
  'got',
  'gets',
  'obtained',
  'secured',
  'drew',
  'draws',
  'borrowed',
  'receive',
  'attract',
  'obtain',
  'secure',
  'borrow',
  'bought',
  'buy',
  'purchased',
]);
/** Words between a country and its verb that keep the verb its own: "the EU hopes to receive", "Italy will buy". */
const VERB_LEAD = new Set([
  'hopes',
  'hope',
  'expects',
  'expect',
  'wants',
  'plans',
  'intends',
  'aims',
  'is',
  'are',
  'will',
  'would',
  'could',
  'may',
  'to',
  'expected',
  'set',
  'going',
  'seeks',
  'also',
  'has',
  'have',
  'had',
]);

/** Whether the country takes the flow in: a receiving verb right after it, or after "hopes to", "will". */
function receivesAfter(t: Tokens, h: Hit, next: string): boolean {
  if (RECEIVING.has(next)) return true;
  let k = isPossessive(t, h) ? h.tokEnd + 2 : h.tokEnd;
  for (let n = 0; n < 4 && VERB_LEAD.has(wordAt(t, k)); n++) k++;
  return k > h.tokEnd && RECEIVING.has(wordAt(t, k));
}
/** "Russia provided Belarus with a loan", "China granted Pakistan $4 billion": the object takes it in. */
const GIVING = new Set([
  'provided',
  'provides',
  'granted',
  'grants',
  'gave',
  'gives',
  'lent',
  'lends',
  'offered',
  'allocated',
  'extended',
  'loaned',
  'sent',
  'provide',
  'grant',
  'give',
  'lend',
  'offer',
  'allocate',
  'extend',
  'loan',
  'send',
]);

/** Nouns of traded goods: a country's adjective before one names their origin. */
const GOODS = new Set([
  'goods',
  'products',
  'produce',
  'gas',
  'oil',
  'crude',
  'grain',
  'wheat',
  'cotton',
  'cargo',
  'electricity',
  'coal',
  'fertilisers',
  'fertilizers',
  'cars',
  'machinery',
  'textiles',
  'wine',
  'fruit',
  'vegetables',
]);

/** Verbs whose "in" names where something happened: "signed in Baku", "met in Moscow". */
const PLACE_VERBS = new Set([
  'signed',
  'held',
  'met',
  'adopted',
  'concluded',
  'initialled',
  'initialed',
  'inaugurated',
  'opened',
  'launched',
  'convened',
  'gathered',
  'hosted',
  'announced',
  'said',
  'told',
]);

/** Events that happen somewhere: "at talks in Ankara", "a forum in Baku". */
const PLACE_NOUNS = new Set([
  'meeting',
  'meetings',
  'talks',
  'summit',
  'forum',
  'visit',
  'conference',
  'ceremony',
  'session',
  'briefing',
  'negotiations',
  'congress',
  'exhibition',
  'speech',
  'remarks',
  'interview',
]);

/**
 * "signed in Baku", "at talks in Ankara", "a meeting with Aliyev in Astana": the place of an
 * event, not an end of the flow.
 */
function isPlace(t: Tokens, h: Hit, previous: Hit | undefined): boolean {
  const prep = wordAt(t, h.tokStart - 1);
  if (prep !== 'in' && prep !== 'at') return false;
  const before = wordAt(t, h.tokStart - 2);
  if (PLACE_VERBS.has(before) || PLACE_NOUNS.has(before)) return true;
  // A person is somewhere, not a flow's end: "with Aliyev in Astana".
  return (
    previous?.value.type === 'country' && previous.value.person === true && previous.tokEnd === h.tokStart - 1
  );
}

/** The preposition before a country mention, skipping "the" and an adjective of economy. */
function prepositionBefore(t: Tokens, h: Hit): string {
  let k = h.tokStart - 1;
  if (wordAt(t, k) === 'the') k--;
  return wordAt(t, k);
}

/** The flow a metric mention is about: a share of exports is about exports. */
function flowOf(h: Hit): string {
  return h.value.type === 'metric' ? (h.value.info.shareOf ?? h.value.info.metric) : '';
}

/**
 * `hits` are the mentions of the flow's clause (countries and metric words); `nextWord` gives the
 * word after a country within its clause, past any clause inserted after it ("Georgia, whose
 * economy grew 7.5%, received ...").
 */
export function readFlowRoles(
  t: Tokens,
  hits: readonly Hit[],
  metric: Hit | null,
  direction: Direction,
  share = false,
  nextWord: (h: Hit) => string = (h) => wordAt(t, isPossessive(t, h) ? h.tokEnd + 2 : h.tokEnd),
  isFigure: (k: number) => boolean = () => false,
): ClaimEntity[] {
  // Tokens between a country and the flow word, not counting a figure standing there.
  const gap = (from: number, to: number) => {
    let n = 0;
    for (let k = from; k < to; k++) if (!isFigure(k)) n++;
    return n;
  };
  let source: string | null = null;
  let target: string | null = null;
  const reporters: { id: string; adjacent: boolean }[] = [];
  let between = false;
  /** "Azerbaijani crude": the country the goods come from, which the words say outright. */
  let goodsOf: string | null = null;
  const countries = hits.filter((h, n) => h.value.type === 'country' && !isPlace(t, h, hits[n - 1]));
  const metricWords = hits.filter((h) => h.value.type === 'metric');
  for (const h of countries) {
    if (h.value.type !== 'country') continue;
    const id = h.value.id;
    const prep = prepositionBefore(t, h);
    if (prep === 'between') between = true;
    const next = nextWord(h);
    // "exports to Russia and imports from Russia": "to Russia" belongs to the exports.
    const owner = [...metricWords].reverse().find((m) => m.tokEnd <= h.tokStart);
    const elsewhere =
      metric !== null &&
      owner !== undefined &&
      flowOf(owner) !== flowOf(metric) &&
      (metric.tokStart > h.tokStart || owner.tokStart > metric.tokStart);
    if ((TARGET_PREPS.has(prep) || SOURCE_PREPS.has(prep)) && elsewhere) continue;
    // "the main destination for Azerbaijani goods", "demand for Russian gas": where the goods come from.
    if (direction !== 'investment' && GOODS.has(next) && !SOURCE_PREPS.has(prep)) {
      if (source === null && id !== target) {
        source = id;
        if (!isPossessive(t, h)) goodsOf = id;
      }
      continue;
    }
    if (TARGET_PREPS.has(prep) || GIVING.has(prep) || receivesAfter(t, h, next)) {
      if (target === null && id !== source) target = id;
    } else if (SOURCE_PREPS.has(prep)) {
      if (source === null && id !== target) source = id;
    } else if (prep === 'by') {
      // "imports by Azerbaijan" names the importer; "investment by Turkish companies" the investor.
      if (direction === 'imports') target ??= id;
      else source ??= id;
    } else if (prep === 'of' && metric && h.tokStart >= metric.tokEnd && h.tokStart <= metric.tokEnd + 2) {
      // "exports of Azerbaijan", "exports of Kazakh goods": the owner of the flow.
      reporters.push({ id, adjacent: true });
    } else if (prep !== 'and' || !between) {
      const adjacent =
        metric !== null &&
        h.tokEnd <= metric.tokStart &&
        (isPossessive(t, h) ? gap(h.tokEnd, metric.tokStart) <= 3 : metric.tokStart - h.tokEnd <= 2);
      reporters.push({ id, adjacent });
    }
  }
  if (between && source === null && target === null) {
    // "investment between Azerbaijan and Italy" does not say which way it goes.
    const out: ClaimEntity[] = [];
    for (const h of countries) if (h.value.type === 'country') pushEntity(out, h.value.id, 'party');
    return out;
  }
  const reporterIsSource = direction !== 'imports';
  // The country that owns the flow word comes first; the others take whichever end is left.
  reporters.sort((a, b) => Number(b.adjacent) - Number(a.adjacent));
  for (const r of reporters) {
    if (r.id === source || r.id === target) continue;
    // "Italy accounted for 37% of exports": a country apart from the flow word is the partner.
    const partner = share && !r.adjacent;
    if (partner ? (reporterIsSource ? target === null : source === null) : false) {
      if (reporterIsSource) target = r.id;
      else source = r.id;
    } else if (reporterIsSource ? source === null : target === null) {
      if (reporterIsSource) source = r.id;
      else target = r.id;
    } else if (reporterIsSource ? target === null : source === null) {
      if (reporterIsSource) target = r.id;
      else source = r.id;
    }
  }
  const out: ClaimEntity[] = [];
  if (source !== null && target !== null) {
    pushEntity(out, source, 'source');
    pushEntity(out, target, 'target');
  } else if (source !== null || target !== null) {
    const only = (source ?? target)!;
    // One country and no preposition: the country's own total ("Azerbaijan's exports").
    const explicit = countries.some((h) => {
      if (h.value.type !== 'country' || h.value.id !== only) return false;
      const prep = prepositionBefore(t, h);
      const next = nextWord(h);
      // "Azerbaijan bought goods worth $17.2 billion": buying is what an importer does, so the
      // buyer alone is the country's own imports.
      const buys = RECEIVING.has(next) && direction !== 'imports';
      return TARGET_PREPS.has(prep) || SOURCE_PREPS.has(prep) || GIVING.has(prep) || buys;
    });
    const partnerOnly = share && reporters.some((r) => r.id === only && !r.adjacent);
    const said = explicit || partnerOnly || only === goodsOf;
    pushEntity(out, only, said ? (source !== null ? 'source' : 'target') : 'subject');
  }
  return out;
}
