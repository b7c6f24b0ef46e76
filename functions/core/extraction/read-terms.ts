/**
 * A duration that says how long something is granted or agreed for, not how long ago something
 * happened: "the United States receives development rights for up to 99 years", "a 49-year
 * lease". Its quantity is the term of the thing it is granted on.
 */
import { TERM_METRIC } from '../measures.ts';
import type { ClaimFrame } from '../model.ts';
import { nearestThing, type ReadingContext, thingEntities, windowHits, wordAt } from './reading-context.ts';
import type { Figure } from './recognise-figures.ts';

/** Words of what is granted for a term. */
const GRANTS = new Set(['rights', 'right', 'lease', 'leases', 'leased', 'concession', 'concessions']);
/** How far from the duration the granted thing's word may stand. */
const GRANT_REACH = 8;

/** The frame of a duration that is a term ("rights for up to 99 years"), or null. */
export function termFrame(ctx: ReadingContext, f: Figure): ClaimFrame | null {
  if (f.kind !== 'duration' || f.unit !== 'year') return null;
  const before = wordAt(ctx.t, f.tokStart - 1);
  // "for up to 99 years", "a lease of 49 years"; "a 49-year lease".
  const introduced = before === 'for' || before === 'of';
  const clause = ctx.clauses.of[f.numTok]!;
  let granted = false;
  for (let k = Math.max(0, f.tokStart - GRANT_REACH); k < Math.min(ctx.t.count, f.tokEnd + 2); k++)
    if (ctx.clauses.of[k] === clause && GRANTS.has(wordAt(ctx.t, k))) granted = true;
  if (!granted || (!introduced && !GRANTS.has(wordAt(ctx.t, f.tokEnd)))) return null;
  const hits = windowHits(ctx, f).filter(
    (h) => ctx.passages.sentence[h.tokStart] === ctx.passages.sentence[f.numTok],
  );
  const thing = nearestThing(hits, f);
  const entities = thing?.value.type === 'thing' ? thingEntities(thing.value.thing, ctx, hits) : [];
  return {
    measure: 'level',
    metric: TERM_METRIC,
    entities,
    period: null,
    sources: { measure: 'clause', metric: 'clause', entities: 'sentence' },
    guessed: [],
  };
}
