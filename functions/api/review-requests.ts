/** What the review routes accept: query filters of the queue, and review actions. */
// A namespace import lets esbuild drop the parts of zod that are not used.
import * as z from 'zod';
import { isIsoDate } from '../core/facts/index.ts';
import { FLAGGED_VERDICTS, REVIEW_STATUSES, VERDICT_LABELS } from '../core/review/index.ts';

const day = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isIsoDate, 'is not a calendar date');

/** Empty form fields mean "any". */
const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value);

export const queueQuerySchema = z.strictObject({
  verdict: z.preprocess(
    blankAsAbsent,
    z
      .enum(FLAGGED_VERDICTS as [string, ...string[]], {
        error: `must be one of ${FLAGGED_VERDICTS.join(', ')}`,
      })
      .optional(),
  ),
  status: z.preprocess(
    blankAsAbsent,
    z
      .enum(REVIEW_STATUSES as [string, ...string[]], {
        error: `must be one of ${REVIEW_STATUSES.join(', ')}`,
      })
      .optional(),
  ),
  source: z.preprocess(blankAsAbsent, z.string().max(64, 'must be at most 64 characters').optional()),
  since: z.preprocess(blankAsAbsent, day.optional()),
  until: z.preprocess(blankAsAbsent, day.optional()),
  cursor: z.preprocess(blankAsAbsent, z.string().max(2048).optional()),
  limit: z.preprocess(
    blankAsAbsent,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(1)
      .max(200)
      .optional(),
  ),
});

export const reviewRequestSchema = z.strictObject({
  action: z.enum(['confirm', 'dismiss', 'correct'], { error: 'must be confirm, dismiss or correct' }),
  note: z.string({ error: 'must be a string' }).max(2000, 'must be at most 2000 characters').optional(),
  verdict: z
    .enum(VERDICT_LABELS as [string, ...string[]], { error: `must be one of ${VERDICT_LABELS.join(', ')}` })
    .optional(),
  value: z.string({ error: 'must be a string' }).max(200, 'must be at most 200 characters').optional(),
  /** Form posts only: the page to go back to. */
  return: z.string().max(500).optional(),
});
