/**
 * One reference fact's say on a claim (supports, contradicts, or cannot tell), and how several
 * facts' say adds up to a verdict: agreement decides, disagreement is ambiguous.
 */
import type { Evidence, ReferenceFact, Verdict } from '../model.ts';
import { citeSources, joinPhrases, referencePrefix } from './explain.ts';

export type Outcome = 'supports' | 'contradicts' | 'inconclusive';

export interface Assessment {
  fact: ReferenceFact;
  outcome: Outcome;
  /** How the reference reads in the explanation, without its source: "$4.4 billion in 2023". */
  phrase: string;
  deviation?: Evidence['deviation'];
  /** Further facts this assessment relied on, such as the exchange rate used. */
  supportingFacts?: ReferenceFact[];
  /** For a reference that cannot tell: its own rounding admits the claim ("about $6 billion" for "$5.9 billion"). */
  admits?: boolean;
}

export interface Tally {
  supporting: Assessment[];
  contradicting: Assessment[];
  inconclusive: Assessment[];
}

export function tallyAssessments(assessments: readonly Assessment[]): Tally {
  return {
    supporting: assessments.filter((a) => a.outcome === 'supports'),
    contradicting: assessments.filter((a) => a.outcome === 'contradicts'),
    inconclusive: assessments.filter((a) => a.outcome === 'inconclusive'),
  };
}

/**
 * The combined reading of several facts. Facts that cannot tell (a reference that only bounds the
 * value) neither add nor take away; if nothing else is left, the claim stays open.
 */
export function combineTally(tally: Tally): 'supported' | 'contradicted' | 'ambiguous' | 'open' {
  if (tally.supporting.length > 0 && tally.contradicting.length > 0) return 'ambiguous';
  if (tally.supporting.length > 0) return 'supported';
  if (tally.contradicting.length > 0) return 'contradicted';
  return 'open';
}

/** Deviation of a claim value from a reference value: claim minus reference, relative to reference. */
export function computeDeviation(claimValue: number, referenceValue: number): Evidence['deviation'] {
  if (referenceValue === 0 || !Number.isFinite(claimValue - referenceValue)) return undefined;
  const absolute = claimValue - referenceValue;
  return { absolute, relative: absolute / referenceValue };
}

export function factToEvidence(fact: ReferenceFact, deviation?: Evidence['deviation']): Evidence {
  const evidence: Evidence = {
    factId: fact.id,
    value: fact.value,
    unit: fact.unit,
    period: fact.period,
    sourceName: fact.sourceName,
    sourceUrl: fact.sourceUrl,
    asOf: fact.asOf,
  };
  if (deviation) evidence.deviation = deviation;
  return evidence;
}

/** Evidence for the assessments, each fact once, with the facts they relied on after them. */
export function collectEvidence(assessments: readonly Assessment[]): Evidence[] {
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  const add = (fact: ReferenceFact, deviation?: Evidence['deviation']) => {
    const key = `${fact.id}@${fact.asOf}`;
    if (seen.has(key)) return;
    seen.add(key);
    evidence.push(factToEvidence(fact, deviation));
  };
  for (const assessment of assessments) add(assessment.fact, assessment.deviation);
  for (const assessment of assessments) for (const fact of assessment.supportingFacts ?? []) add(fact);
  return evidence;
}

/** "$4.4 billion in 2023 (News.Az, 2024-02-12; Trend, 2024-07-15)": facts that read alike, cited together. */
export function describeAssessments(assessments: readonly Assessment[]): string[] {
  const groups = new Map<string, ReferenceFact[]>();
  for (const assessment of assessments) {
    const group = groups.get(assessment.phrase) ?? [];
    group.push(assessment.fact);
    groups.set(assessment.phrase, group);
  }
  return [...groups].map(([phrase, facts]) => `${phrase} (${citeSources(facts)})`);
}

/** How a verdict's sentence ends, after the references it cites. */
export interface VerdictWording {
  /** Ends "Reference: ...; <supported>." */
  supported: string;
  /** Ends "Reference: ...; <contradicted>." */
  contradicted: string;
  /** The whole sentence when the references cannot tell, given the references that could not. */
  open: (references: string) => string;
}

/** Turns a tally into a verdict with one plain sentence and the facts it rests on. */
export function concludeTally(
  claimId: string,
  claimText: string,
  tally: Tally,
  wording: VerdictWording,
): Verdict {
  switch (combineTally(tally)) {
    case 'supported':
      return {
        claimId,
        verdict: 'supported',
        explanation: `${referencePrefix(describeAssessments(tally.supporting))}; ${wording.supported}.`,
        evidence: collectEvidence(tally.supporting),
      };
    case 'contradicted':
      return {
        claimId,
        verdict: 'contradicted',
        explanation: `${referencePrefix(describeAssessments(tally.contradicting))}; ${wording.contradicted}.`,
        evidence: collectEvidence(tally.contradicting),
      };
    case 'ambiguous':
      return {
        claimId,
        verdict: 'ambiguous',
        explanation: `References disagree on '${claimText}': for it, ${joinPhrases(describeAssessments(tally.supporting))}; against it, ${joinPhrases(describeAssessments(tally.contradicting))}.`,
        evidence: collectEvidence([...tally.supporting, ...tally.contradicting]),
      };
    case 'open':
      return {
        claimId,
        verdict: 'unverifiable',
        explanation: wording.open(joinPhrases(describeAssessments(tally.inconclusive))),
        evidence: collectEvidence(tally.inconclusive),
      };
  }
}
