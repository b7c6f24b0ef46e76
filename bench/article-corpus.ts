/**
 * A deterministic corpus of article-like English text for throughput measurements: news
 * paragraphs with the figure density of economic and diplomatic reporting (money with scale
 * words and currencies, percentages, dates, durations, counts) mixed with plain prose.
 */

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32: small, fast and good enough to vary templates reproducibly.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = [
  'Azerbaijan',
  'Russia',
  'Turkey',
  'Georgia',
  'Kazakhstan',
  'Iran',
  'China',
  'Italy',
  'India',
  'Germany',
];
const ADJECTIVES = [
  'Russian',
  'Azerbaijani',
  'Turkish',
  'Georgian',
  'Kazakh',
  'Iranian',
  'Chinese',
  'Italian',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const PROSE = [
  'The talks were held behind closed doors and lasted well into the evening.',
  'Officials from both sides described the atmosphere as constructive and businesslike.',
  'The ministers also discussed regional security, transport links and cultural exchanges.',
  'Analysts say the agreement reflects a broader shift in the region’s economic priorities.',
  'The delegation later visited the port and met representatives of local businesses.',
  '"We are satisfied with the pace of our cooperation," the minister told reporters.',
  'The statement did not give details of the financing or the timetable for the project.',
  'Several companies have already expressed interest in the new logistics corridor.',
];

export function generateArticle(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const a = pick(COUNTRIES);
  let b = pick(COUNTRIES);
  if (b === a) b = COUNTRIES[(COUNTRIES.indexOf(a) + 1) % COUNTRIES.length]!;
  const year = int(2015, 2024);
  const sentences: (() => string)[] = [
    () =>
      `${a} and ${b} signed ${int(3, 15)} documents on ${int(1, 28)} ${pick(MONTHS)} ${year}, including a memorandum on energy.`,
    () =>
      `Mutual trade turnover between ${a} and ${b} reached more than $${int(1, 9)}.${int(1, 9)} billion in ${year - 1}, up ${int(2, 30)}% on the previous year.`,
    () =>
      `${pick(ADJECTIVES)} investments in the economy of ${b} exceed $${int(1, 12)} billion, the minister said.`,
    () =>
      `Exports grew by ${int(1, 19)}.${int(0, 9)} per cent in the first ${pick(['quarter', 'half', 'nine months'])} of ${year}, to €${int(100, 950)} million.`,
    () =>
      `For more than ${pick(['two', 'three', 'five', 'ten'])} years now, the two countries have worked within the framework of the strategic partnership.`,
    () => `This year marks the ${int(10, 80)}th anniversary of diplomatic relations between ${a} and ${b}.`,
    () =>
      `Gross domestic product fell ${int(1, 4)}.${int(0, 9)}% in ${year - 2}, while inflation stood at about ${int(2, 15)} percent.`,
    () =>
      `The ${int(200, 4000)}-kilometre railway, built at a cost of ${int(1, 20)}.${int(0, 9)}bn manats, will carry ${int(1, 17)} million tonnes of cargo a year.`,
    () =>
      `Between ${int(2, 5)} and ${int(6, 9)} thousand people attended the forum, organisers said on ${pick(MONTHS)} ${int(1, 28)}.`,
    () =>
      `The loan of USD ${int(100, 900)}m is repayable over ${int(5, 30)} years at ${int(1, 6)}.${int(0, 9)} percentage points above the benchmark.`,
  ];
  const paragraphs: string[] = [];
  for (let p = 0; p < 6; p++) {
    const parts: string[] = [];
    for (let s = 0; s < 4; s++) parts.push(random() < 0.45 ? pick(sentences)() : pick(PROSE));
    paragraphs.push(parts.join(' '));
  }
  return `${a} and ${b} discuss trade and investment\n\n${paragraphs.join('\n\n')}`;
}

/** Articles until their total length reaches `minBytes` (UTF-8). */
export function generateCorpus(minBytes: number, seed = 20240422): string[] {
  const random = seededRandom(seed);
  const articles: string[] = [];
  let bytes = 0;
  while (bytes < minBytes) {
    const article = generateArticle(random);
    articles.push(article);
    bytes += Buffer.byteLength(article);
  }
  return articles;
}
