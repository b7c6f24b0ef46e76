/**
 * What a figure measures, from the words right around it in its clause: a change ("grew by $212
 * million", "an increase of $1.5 billion", "up $300 million"), growth ("rose 14%", "a 3% decline",
 * "12% more than in 2022"), a share ("37% of exports", "accounted for 17%"), a target ("aim to
 * bring trade to $15 billion"), a forecast ("is expected to reach"), or a level (the rest:
 * "reached", "amounted to", "rose to").
 */
import { FALLING_VERBS, NEUTRAL_VERBS, RISING_VERBS } from './change-words.ts';
import type { Figure } from './recognise-figures.ts';
import { isCapitalisedWord, isMark, lw, type Tokens, WORD } from './tokenize.ts';

export type MeasureCue = 'level' | 'change' | 'growth' | 'share' | 'target' | 'forecast';

export interface MeasureReading {
  cue: MeasureCue;
  /** Whether words said so; an unmarked percentage of a level metric is read as growth, a guess. */
  marked: boolean;
  /** For "X% of Y": the token where Y starts. */
  shareOf?: number;
  /** For a change or growth, which way the words say it went. */
  direction?: 'rise' | 'fall';
  /** The word that gave the direction. */
  directionWord?: string;
}

/** Verbs of change in any form, and "up"/"down": "rose 3%", "contracting 2.1%", "up $300 million". */
const CHANGE_VERBS: ReadonlySet<string> = new Set([
  ...RISING_VERBS,
  ...FALLING_VERBS,
  ...NEUTRAL_VERBS,
  'up',
  'down',
]);
/** Verbs whose "by" names a difference even though alone they state a level: "exceeded ... by 12%". */
const BY_VERBS = new Set([
  ...CHANGE_VERBS,
  'exceeded',
  'exceeds',
  'exceeding',
  'surpassed',
  'outpaced',
  'outstripped',
]);
export const CHANGE_NOUNS: ReadonlySet<string> = new Set([
  'increase',
  'increases',
  'rise',
  'growth',
  'gain',
  'gains',
  'jump',
  'surge',
  'decrease',
  'decline',
  'drop',
  'fall',
  'reduction',
  'contraction',
  'expansion',
  'hike',
  'cut',
  'upturn',
  'downturn',
  'slump',
  'plunge',
  'loss',
  'uptick',
]);
/** Words of a change that say it went down: "fell 3%", "a decline of 2.1%", "12% less than". */
const FALLING: ReadonlySet<string> = new Set([
  ...FALLING_VERBS,
  ...'contraction loss reduction downturn down less lower below'.split(' '),
]);
/** Words of a change that say it went up. */
const RISING: ReadonlySet<string> = new Set([
  ...RISING_VERBS,
  ...'expansion up more higher above upturn uptick growth'.split(' '),
]);

function directionOf(w: string): 'rise' | 'fall' | undefined {
  return FALLING.has(w) ? 'fall' : RISING.has(w) ? 'rise' : undefined;
}

/** The cue with the direction its word gives, for a change or growth. */
function withDirection(reading: MeasureReading, w: string): MeasureReading {
  if (reading.cue !== 'change' && reading.cue !== 'growth') return reading;
  const direction = directionOf(w);
  return direction ? { ...reading, direction, directionWord: w } : reading;
}

const COMPARATIVES = new Set(['more', 'less', 'higher', 'lower', 'up', 'down', 'above', 'below']);
const YEAR_ON_YEAR = new Set(['year-on-year', 'yoy', 'y/y']);
const SHARE_VERBS = new Set([
  'accounted',
  'accounting',
  'accounts',
  'account',
  'made',
  'making',
  'makes',
  'constituted',
  'constitutes',
  'represented',
  'represents',
  'representing',
  'comprised',
  'comprises',
  'took',
  'takes',
]);
const TARGET_WORDS = new Set([
  'aim',
  'aims',
  'aimed',
  'aiming',
  'target',
  'targets',
  'targeted',
  'targeting',
  'goal',
  'goals',
  'objective',
  'plan',
  'plans',
  'planned',
  'planning',
  'intend',
  'intends',
  'intention',
  'seek',
  'seeks',
  'bring',
  'task',
]);
/** "raising", "bringing": a rise named as an aim after "towards", "at", "on", "of". */
const RAISING_GERUNDS = new Set([
  'raising',
  'bringing',
  'boosting',
  'increasing',
  'lifting',
  'doubling',
  'tripling',
  'expanding',
  'pushing',
  'taking',
]);
const GERUND_LEADS = new Set(['towards', 'toward', 'at', 'on', 'of', 'for', 'to', 'about']);

/** "is to", "are to": a plan or an obligation, before its verb. */
const ARRANGED = new Set(['is', 'are']);

/** What a goal does to a figure: "agreed to raise trade to $1 billion". */
const RAISING = new Set([
  'raise',
  'increase',
  'boost',
  'bring',
  'double',
  'triple',
  'expand',
  'lift',
  'reach',
  'grow',
  'take',
  'push',
  // "hopes to receive at least 20 bcm a year", "aims to attract $5 billion": an amount wanted.
  'receive',
  'attract',
  'supply',
  'deliver',
  'export',
  'ship',
  'sell',
]);
/** Words of intent that make "to raise trade to $X" a goal. */
const INTENT_WORDS = new Set([
  'agreed',
  'agree',
  'agrees',
  'pledged',
  'pledge',
  'promised',
  'promise',
  'promises',
  'undertook',
  'undertakes',
  'vowed',
  'committed',
  'decided',
  'resolved',
  'determined',
  'hope',
  'hopes',
  'hoping',
  'want',
  'wants',
  'strive',
  'strives',
  'ready',
  'instructed',
  'tasked',
  // "are on track to raise it to $30 billion", "plans to bring trade to $5 billion".
  'track',
  'aim',
  'aims',
  'aiming',
  'plan',
  'plans',
  'planning',
  'intend',
  'intends',
  'seek',
  'seeks',
  'seeking',
  'need',
  'needs',
  'must',
  'should',
  'goal',
  'task',
  'ambition',
]);
const FORECAST_WORDS = new Set([
  'expected',
  'expects',
  'expect',
  'forecast',
  'forecasts',
  'forecasted',
  'forecasting',
  'projected',
  'projects',
  'projection',
  'predicted',
  'predicts',
  'anticipated',
  'anticipates',
  'outlook',
  'will',
  'could',
  'would',
  'likely',
  'estimate',
]);

function word(t: Tokens, i: number): string {
  return i >= 0 && i < t.count && t.kind[i] === WORD ? lw(t, i) : '';
}

/** "year-on-year" is three tokens; "y/y" three; "yoy" one. */
/** Whether token i opens "year-on-year", "year on year", "y/y", "yoy" or "on year". */
export function yearOnYearAt(t: Tokens, i: number): boolean {
  const w = word(t, i);
  if (w === 'yoy') return true;
  if (w === 'year' && isMark(t, i + 1, '-') && word(t, i + 2) === 'on') return true;
  if (w === 'year' && word(t, i + 1) === 'on' && word(t, i + 2) === 'year') return true;
  if (w === 'y' && isMark(t, i + 1, '/') && word(t, i + 2) === 'y') return true;
  if (w === 'on' && word(t, i + 1) === 'year') return true;
  return YEAR_ON_YEAR.has(w);
}

const GOAL_NOUNS = new Set(['goal', 'target', 'objective', 'benchmark']);

/** "... they had set as a goal", "agreed as the target" within a few words after token k, in its clause. */
function setAsGoal(t: Tokens, k: number): boolean {
  for (let j = k; j < Math.min(t.count, k + 8); j++) {
    if (isMark(t, j, ',;.:')) return false;
    const article = word(t, j + 1);
    if (
      word(t, j) === 'as' &&
      (article === 'a' || article === 'the' || article === 'their') &&
      GOAL_NOUNS.has(word(t, j + 2))
    )
      return true;
  }
  return false;
}

/**
 * Reads the measure cue of a money, count, quantity or percent figure whose clause starts at
 * token `from`; `other` marks tokens of other figures, which end a look-back.
 */
export function readMeasure(
  t: Tokens,
  f: Figure,
  from: number,
  other: (i: number) => boolean,
): MeasureReading {
  const percent = f.kind === 'percent';
  const changed: MeasureCue = percent ? 'growth' : 'change';
  const before = f.tokStart - 1;
  const w1 = word(t, before);
  const after = word(t, f.tokEnd);

  // "the $15 billion target", "a goal of" is caught below.
  if (after === 'target' || after === 'targets' || after === 'goal' || after === 'objective')
    return { cue: 'target', marked: true };
  // "the $200 billion mark the leaders had set as a goal for 2024".
  if (setAsGoal(t, f.tokEnd)) return { cue: 'target', marked: true };
  if (percent && after === 'of' && word(t, f.tokEnd + 1) !== 'growth')
    return { cue: 'share', marked: true, shareOf: f.tokEnd + 1 };
  // "$2.4 billion, or 14.9 percent, of Azerbaijan's imports".
  if (percent && isMark(t, f.tokEnd, ',') && word(t, f.tokEnd + 1) === 'of')
    return { cue: 'share', marked: true, shareOf: f.tokEnd + 2 };
  if (percent) {
    // "Italy's share of Azerbaijan's exports rose to 47%", "Russia accounted for 17%".
    for (let k = before; k >= Math.max(from, before - 8); k--) {
      if (other(k)) break;
      const w = word(t, k);
      if (w === 'share' || w === 'shares' || (SHARE_VERBS.has(w) && k >= before - 2))
        return { cue: 'share', marked: true };
    }
    // "The share of the EU countries in Azerbaijan's foreign trade amounted to 20.5%": a long
    // subject, but "the share of" names what the figure is.
    for (let k = before - 9; k >= Math.max(from, before - 16); k--) {
      if (other(k)) break;
      // "Italy's share of the country's total exports for that period was put at 45%" too.
      if (
        word(t, k) === 'share' &&
        (word(t, k + 1) === 'of' || word(t, k + 1) === 'in') &&
        (word(t, k - 1) === 'the' || (word(t, k - 1) === 's' && isMark(t, k - 2, "'’")))
      )
        return { cue: 'share', marked: true };
    }
  }
  if (w1 === 'to' || (w1 === 'at' && word(t, before - 1) !== 'by')) {
    return { cue: goalOrLevel(t, before - 1, from, other), marked: true };
  }
  if (w1 === 'by' || w1 === 'of') {
    // "grew by $212 million", "an increase of 12%", "exceeded the 2022 figure by 12%".
    for (let k = before - 1; k >= Math.max(from, before - 5); k--) {
      if (other(k)) break;
      const w = word(t, k);
      if ((w1 === 'by' && BY_VERBS.has(w)) || (w1 === 'of' && CHANGE_NOUNS.has(w))) {
        const goal = goalOrLevel(t, k - 1, from, other);
        return withDirection({ cue: goal === 'level' ? changed : goal, marked: true }, w);
      }
    }
  }
  // "The IMF expects the economy to grow 2.5%": a change that is expected is a forecast.
  const expected = (w: string): MeasureReading => {
    const goal = goalOrLevel(t, before, from, other);
    return withDirection({ cue: goal === 'level' ? changed : goal, marked: true }, w);
  };
  if ((w1 === 'up' || w1 === 'down') && !isMark(t, before - 1, '-'))
    return withDirection({ cue: changed, marked: true }, w1);
  if (CHANGE_VERBS.has(w1) && w1 !== 'up' && w1 !== 'down') return expected(w1);
  // "a 3% decline", "a $1.5 billion increase", "12% more than in 2022", "12.3% year-on-year".
  if (CHANGE_NOUNS.has(after)) return expected(after);
  if (yearOnYearAt(t, f.tokEnd)) return expected(verbBefore(t, before, from, other));
  if (COMPARATIVES.has(after) && (word(t, f.tokEnd + 1) === 'than' || yearOnYearAt(t, f.tokEnd + 1)))
    return withDirection({ cue: changed, marked: true }, after);
  // "The figure is 2.85 percent, or $1.5 billion, lower than in 2022": past the aside, or the comma closing it.
  const past = pastAside(t, f.tokEnd, other, f.tokStart);
  const compared = word(t, past);
  // "which is $4.2 billion, or 12.14%, less year-on-year" too.
  if (
    past > f.tokEnd &&
    COMPARATIVES.has(compared) &&
    (word(t, past + 1) === 'than' || yearOnYearAt(t, past + 1))
  )
    return withDirection({ cue: changed, marked: true }, compared);
  const goal = goalOrLevel(t, before, from, other);
  if (goal !== 'level') return { cue: goal, marked: true };
  // "growth of 4.6%" is caught above; a percentage with no words of change beside a level
  // metric ("exports 12%") is most often growth, but the text does not say so.
  return { cue: percent ? 'growth' : 'level', marked: !percent };
}

/** The token after ", or <figure>," (or after the comma that closes such an aside) at token `at`, else `at`. */
function pastAside(t: Tokens, at: number, other: (i: number) => boolean, start: number): number {
  // "2.85 percent ($1.5 billion) less than": past a figure in brackets, or out of the brackets.
  if (isMark(t, at, '(') && other(at + 1)) {
    let k = at + 1;
    while (k < Math.min(t.count, at + 12) && other(k)) k++;
    return isMark(t, k, ')') ? k + 1 : at;
  }
  if (isMark(t, at, ')') && isMark(t, start - 1, '(')) return at + 1;
  // "2.85 percent or $1.5 billion less than": past the figure "or" adds.
  if (word(t, at) === 'or' && other(at + 1)) {
    let k = at + 1;
    while (k < Math.min(t.count, at + 12) && other(k)) k++;
    return k;
  }
  if (!isMark(t, at, ',')) return at;
  // Only a figure that is itself the aside ends at the comma that closes it: "..., or 12.14%, less";
  // "reached $11 billion, more than double the $4.6 billion" compares the next figure.
  const inAside = word(t, start - 1) === 'or' && isMark(t, start - 2, ',');
  if (word(t, at + 1) !== 'or' || !other(at + 2)) return inAside ? at + 1 : at;
  let k = at + 2;
  while (k < Math.min(t.count, at + 12) && other(k)) k++;
  return isMark(t, k, ',') ? k + 1 : at;
}

/** The nearest word of change shortly before token `at` in the clause ("exports fell an annual 3% year-on-year"). */
function verbBefore(t: Tokens, at: number, from: number, other: (i: number) => boolean): string {
  for (let k = at; k >= Math.max(from, at - 4); k--) {
    if (other(k)) break;
    if (CHANGE_VERBS.has(word(t, k))) return word(t, k);
  }
  return '';
}

/** Who "projects" a figure: "the IMF projects", "the bank projects", else "investment projects" is a noun. */
const PROJECTING = new Set([
  'it',
  'bank',
  'ministry',
  'government',
  'fund',
  'agency',
  'committee',
  'office',
  'imf',
]);

function isNounProjects(t: Tokens, k: number): boolean {
  return !(isCapitalisedWord(t, k - 1) || PROJECTING.has(word(t, k - 1)));
}

/** Target or forecast words shortly before token `at` in the clause, else level. */
function goalOrLevel(t: Tokens, at: number, from: number, other: (i: number) => boolean): MeasureCue {
  let forecast = false;
  for (let k = at; k >= Math.max(from, at - 10); k--) {
    if (other(k)) break;
    const w = word(t, k);
    if (TARGET_WORDS.has(w)) return 'target';
    // "agreed to raise trade to $1 billion", "pledged to bring it to $5 billion".
    if (INTENT_WORDS.has(w) && word(t, k + 1) === 'to' && RAISING.has(word(t, k + 2))) return 'target';
    // "agreed to work towards raising trade to $1 billion", "aimed at bringing it to": a rise
    // someone works towards, not one that happened ("rose 5%, raising the total to").
    if (RAISING_GERUNDS.has(w) && GERUND_LEADS.has(word(t, k - 1))) return 'target';
    // "Azerbaijan is to supply at least 20 bcm a year by 2027": what is arranged to happen.
    if (w === 'to' && ARRANGED.has(word(t, k - 1)) && word(t, k + 1) !== 'be') return 'target';
    if (FORECAST_WORDS.has(w) && !(w === 'projects' && isNounProjects(t, k)) && !outturnAgainst(t, k))
      forecast = true;
  }
  return forecast ? 'forecast' : 'level';
}

/** Words before a forecast that make the figure an outturn set against it: "contrary to the forecast". */
const AGAINST_FORECAST = new Set([
  'than',
  'to',
  'against',
  'despite',
  'unlike',
  'beat',
  'beating',
  'exceeded',
  'exceeding',
  'missed',
  'above',
  'below',
]);

function outturnAgainst(t: Tokens, k: number): boolean {
  const lead = word(t, k - 1) === 'the' || word(t, k - 1) === 'its' ? k - 2 : k - 1;
  // "According to the forecast, ..." states the forecast.
  return AGAINST_FORECAST.has(word(t, lead)) && word(t, lead - 1) !== 'according';
}
