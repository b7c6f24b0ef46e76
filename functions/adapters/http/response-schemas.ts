/**
 * The shapes of the API's answers, as zod schemas: the OpenAPI document is generated from them,
 * and the tests check real responses against that document.
 */
// A namespace import lets esbuild drop the parts of zod that are not used.
import * as z from 'zod';
import { MEASURES, type Measure } from '../../core/index.ts';

export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const evidenceSchema = z.looseObject({
  factId: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  unit: z.string(),
  period: z.string(),
  sourceName: z.string(),
  sourceUrl: z.string(),
  asOf: z.string(),
  deviation: z.object({ absolute: z.number(), relative: z.number() }).optional(),
});

const verdictLabelSchema = z.enum(['supported', 'contradicted', 'outdated', 'unverifiable', 'ambiguous']);

const verdictSchema = z.looseObject({
  claimId: z.string(),
  verdict: verdictLabelSchema,
  explanation: z.string(),
  evidence: z.array(evidenceSchema),
});

const measureSchema = z.enum(MEASURES as [Measure, ...Measure[]]);
const entitySchema = z.object({ id: z.string(), role: z.enum(['source', 'target', 'party', 'subject']) });
const periodSchema = z.object({
  value: z.string(),
  basis: z.enum(['stated', 'relative', 'inferred']),
  granularity: z
    .enum(['year', 'half', 'quarter', 'month', 'months', 'year_to_date', 'years', 'day', 'as_of'])
    .optional(),
});
const frameSourceSchema = z.enum([
  'figure',
  'clause',
  'comparison',
  'parallel',
  'sentence',
  'paragraph',
  'article',
  'default',
]);
const frameSchema = z
  .looseObject({
    measure: measureSchema,
    metric: z.string().nullable(),
    entities: z.array(entitySchema),
    period: periodSchema.nullable(),
    event: z
      .object({
        metrics: z.array(z.string()),
        entities: z.array(z.string()),
        statedDate: z.string().optional(),
      })
      .optional(),
    comparison: z.object({ role: z.enum(['base', 'result']), with: z.string() }).optional(),
    direction: z.enum(['rise', 'fall']).optional(),
    sources: z.record(z.string(), frameSourceSchema),
    guessed: z.array(z.enum(['measure', 'metric', 'entities', 'period', 'event'])),
  })
  .describe(
    'What exactly the figure is about, where each part was read, and which parts are guesses (docs/claim-frames.md).',
  );

export const claimSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  sentence: z.string(),
  kind: z.enum(['money', 'count', 'percent', 'date', 'duration', 'ordinal', 'anniversary', 'quantity']),
  value: z.union([z.number(), z.string()]),
  unit: z.string().nullable(),
  qualifier: z.enum(['exact', 'approx', 'more_than', 'less_than', 'at_least', 'at_most', 'range']),
  low: z.union([z.number(), z.string()]).optional(),
  high: z.union([z.number(), z.string()]).optional(),
  metric: z.string().nullable(),
  entities: z.array(entitySchema),
  period: periodSchema.nullable(),
  frame: frameSchema.optional(),
  checkable: z.boolean(),
  verdict: verdictSchema,
});

const summarySchema = z.object({
  supported: z.number().int(),
  contradicted: z.number().int(),
  outdated: z.number().int(),
  unverifiable: z.number().int(),
  ambiguous: z.number().int(),
});

export const checkResponseSchema = z.object({
  articleId: z.string(),
  links: z.object({ article: z.string() }),
  publishedAt: z.string(),
  claims: z.array(claimSchema),
  summary: summarySchema,
  text: z
    .string()
    .optional()
    .describe('The extracted article text, for HTML input; claim offsets point into it.'),
});

export const articleSchema = z.object({
  articleId: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
  language: z.string().optional(),
  batchId: z.string().optional(),
  publishedAt: z.string(),
  checkedAt: z.string(),
  status: z.string(),
  text: z.string(),
  claims: z.array(claimSchema).optional(),
  summary: summarySchema.optional(),
  // Articles received by CMS webhook: where from, and each revision and event.
  source: z.string().optional(),
  cmsId: z.string().optional(),
  cmsStatus: z.enum(['published', 'unpublished']).optional(),
  cmsStatusAt: z.string().optional(),
  latestRevision: z.string().optional(),
  revisions: z
    .array(
      z.object({
        revisionKey: z.string(),
        eventType: z.string(),
        receivedAt: z.string(),
        revisionAt: z.string(),
        status: z.enum(['queued', 'checking', 'checked', 'unchanged']),
        checkedAt: z.string().optional(),
        summary: summarySchema.optional(),
        sameAs: z.string().optional(),
        callbackStatus: z.string().optional(),
      }),
    )
    .optional(),
  events: z.array(z.object({ eventType: z.string(), receivedAt: z.string() })).optional(),
});

export const webhookAcceptedSchema = z.object({
  articleId: z.string().optional(),
  revision: z.string().optional(),
  status: z.enum(['queued', 'checking', 'checked', 'unchanged', 'recorded', 'ignored']),
  duplicate: z.boolean().optional(),
  event: z.string().optional(),
  reason: z.string().optional(),
  links: z.object({ article: z.string(), report: z.string() }).optional(),
});

export const articlePageSchema = z.object({
  articles: z.array(
    z.object({
      articleId: z.string(),
      title: z.string().optional(),
      url: z.string().optional(),
      publishedAt: z.string(),
      checkedAt: z.string(),
      status: z.string(),
      summary: summarySchema.optional(),
    }),
  ),
  next: z.string().optional(),
});

const factSchema = z.object({
  id: z.string(),
  metric: z.string(),
  entities: z.array(z.string()),
  period: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  unit: z.string(),
  qualifier: z.enum(['exact', 'approx', 'more_than', 'less_than', 'at_least', 'at_most', '']),
  measure: measureSchema.optional(),
  asOf: z.string(),
  sourceName: z.string(),
  sourceUrl: z.string(),
  notes: z.string(),
});

export const factListSchema = z.object({
  metric: z.string(),
  entity: z.string(),
  facts: z.array(factSchema),
});
export const factHistorySchema = z.object({
  id: z.string(),
  current: factSchema,
  revisions: z.array(factSchema),
});
export const putFactsResponseSchema = z.object({
  imported: z.number().int(),
  items: z.number().int(),
  /** Facts stored before that got a new revision. */
  revised: z.array(z.string()),
  /** Articles that relied on them, queued for a re-check. */
  recheckQueued: z.number().int(),
});
export const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']) });

export const batchAcceptedSchema = z.object({
  batchId: z.string(),
  status: z.literal('queued'),
  links: z.object({ batch: z.string() }),
  articles: z.array(z.object({ articleId: z.string(), links: z.object({ article: z.string() }) })),
});

export const batchStatusSchema = z.object({
  batchId: z.string(),
  createdAt: z.string(),
  total: z.number().int(),
  status: z.enum(['in_progress', 'checked']),
  counts: z.record(z.string(), z.number().int()),
  articles: z.array(
    z.object({
      articleId: z.string(),
      status: z.string(),
      summary: summarySchema.optional(),
      links: z.object({ article: z.string() }),
    }),
  ),
});

const reviewStateSchema = z.object({
  status: z.enum(['open', 'confirmed', 'dismissed', 'corrected']),
  verdict: verdictLabelSchema,
  correctedValue: z.string().optional(),
});

export const claimReviewSchema = z.object({
  claimKey: z.string(),
  articleId: z.string(),
  claimId: z.string(),
  machineVerdict: verdictLabelSchema,
  state: reviewStateSchema,
  history: z.array(
    z.object({
      action: z.enum(['confirm', 'dismiss', 'correct', 'recheck']),
      reviewer: z.string(),
      at: z.string(),
      before: reviewStateSchema,
      after: reviewStateSchema,
      note: z.string().optional(),
    }),
  ),
  verdictChange: z
    .object({
      from: verdictLabelSchema,
      to: verdictLabelSchema,
      at: z.string(),
      factIds: z.array(z.string()),
    })
    .optional(),
});
