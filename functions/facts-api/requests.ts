/** What the facts function accepts, validated at the edge (and described in the OpenAPI document). */
// A namespace import lets esbuild drop the parts of zod that are not used.
import * as z from 'zod';

/** One request writes at most this many facts; larger loads go through `figcheck facts import`. */
export const MAX_FACTS_PER_REQUEST = 1000;

export const putFactsSchema = z.strictObject({
  facts: z
    .array(z.unknown(), { error: 'is required and must be an array of facts' })
    .min(1, 'must hold at least one fact')
    .max(MAX_FACTS_PER_REQUEST, `must hold at most ${MAX_FACTS_PER_REQUEST} facts`),
});

export const listFactsQuerySchema = z.strictObject({
  metric: z.string({ error: 'is required' }).min(1, 'is required'),
  entity: z.string({ error: 'is required' }).min(1, 'is required'),
});
