/**
 * English number vocabulary: cardinal, ordinal, fraction and scale words, and the short scale
 * suffixes news uses after digits ("4bn", "10 mln", "2.3k"). Plain tables, built once at load.
 */

export const SMALL: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['nought', 0],
  ['naught', 0],
  ['nil', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fourty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

/** Multipliers written as words; "hundred" is handled apart because it multiplies a group. */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['lakh', 1e5],
  ['lakhs', 1e5],
  ['crore', 1e7],
  ['crores', 1e7],
]);

/** Plural scale words that make a vague quantity ("hundreds of", "tens of thousands of"). */
export const VAGUE: ReadonlyMap<string, number> = new Map([
  ['tens', 10],
  ['dozens', 12],
  ['hundreds', 100],
  ['thousands', 1e3],
  ['millions', 1e6],
  ['billions', 1e9],
  ['trillions', 1e12],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['nineth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
  ['twentieth', 20],
  ['thirtieth', 30],
  ['fortieth', 40],
  ['fiftieth', 50],
  ['sixtieth', 60],
  ['seventieth', 70],
  ['eightieth', 80],
  ['ninetieth', 90],
  ['hundredth', 100],
  ['thousandth', 1e3],
  ['millionth', 1e6],
  ['billionth', 1e9],
  ['trillionth', 1e12],
]);

/** Plural ordinals used only as fraction denominators ("two thirds", "three quarters"). */
export const FRACTION_PLURALS: ReadonlyMap<string, number> = new Map([
  ['halves', 2],
  ['halfs', 2],
  ['thirds', 3],
  ['quarters', 4],
  ['fourths', 4],
  ['fifths', 5],
  ['sixths', 6],
  ['sevenths', 7],
  ['eighths', 8],
  ['ninths', 9],
  ['tenths', 10],
  ['elevenths', 11],
  ['twelfths', 12],
  ['twentieths', 20],
  ['thirtieths', 30],
  ['hundredths', 100],
  ['thousandths', 1e3],
  ['millionths', 1e6],
  ['billionths', 1e9],
  ['trillionths', 1e12],
  ['firsts', 1],
  ['seconds', 2],
]);

/** Scale abbreviations and words read both glued to digits and after a space. */
const COMMON_SCALES: ReadonlyArray<[string, number]> = [
  ['k', 1e3],
  ['K', 1e3],
  ['M', 1e6],
  ['MM', 1e6],
  ['mn', 1e6],
  ['mln', 1e6],
  ['mil', 1e6],
  ['mio', 1e6],
  ['bn', 1e9],
  ['bln', 1e9],
  ['mlrd', 1e9],
  ['mld', 1e9],
  ['tn', 1e12],
  ['trn', 1e12],
  ['tln', 1e12],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
];

/** Suffixes glued to digits ("4bn", "10k", "1.2trn"); "m" and "b" are only scales in money context. */
export const GLUED_SCALES: ReadonlyMap<string, number> = new Map([
  ...COMMON_SCALES,
  ['B', 1e9],
  ['b', 1e9],
  ['tr', 1e12],
]);

/** Scale words accepted after a space ("10 bln", "2.33 k", "4.3 million", "5 lakh"). */
export const SPACED_SCALES: ReadonlyMap<string, number> = new Map([
  ...COMMON_SCALES,
  ['hundred', 100],
  ['lakh', 1e5],
  ['lakhs', 1e5],
  ['crore', 1e7],
  ['crores', 1e7],
  ['millions', 1e6],
  ['billions', 1e9],
]);

export const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set([
  'st',
  'nd',
  'rd',
  'th',
  'ST',
  'ND',
  'RD',
  'TH',
]);

export const DOZEN: ReadonlySet<string> = new Set(['dozen', 'dozens', 'dzs', 'doz', 'dozs']);

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);
