/**
 * What the api function accepts, validated at the edge: the schemas also give the types and the
 * OpenAPI document's request descriptions.
 */
// A namespace import lets esbuild drop the parts of zod that are not used.
import * as z from 'zod';
import { isIsoDate } from '../core/facts/index.ts';

const MAX_TEXT_CHARS = 1_000_000;

export const publishedAtSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  // Each check stops the rest: "yesterday" is not also "not a calendar date" nor "in the future".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isIsoDate, { error: 'is not a calendar date', abort: true })
  .refine((value) => {
    // One day of slack: an article published "today" in a time zone ahead of UTC.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    return value <= tomorrow;
  }, 'lies in the future');

const articleBody = z
  .string({ error: 'must be a string' })
  .max(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS} characters`)
  .refine((body) => body.trim() !== '', 'must contain some text');

export const checkRequestSchema = z
  .strictObject({
    text: articleBody.optional(),
    html: articleBody.optional(),
    publishedAt: publishedAtSchema.optional(),
    title: z.string({ error: 'must be a string' }).max(1000, 'must be at most 1000 characters').optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    language: z
      .string({ error: 'must be a string' })
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or en-GB')
      // The extractor reads English; an article stated to be in another language gets no false silence.
      .refine(
        (tag) => tag === 'en' || tag.startsWith('en-'),
        'is not supported: figcheck reads English (en) articles',
      )
      .optional(),
  })
  .superRefine((body, context) => {
    if (body.text === undefined && body.html === undefined) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'is required (or send the page as html)' });
    } else if (body.text !== undefined && body.html !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['html'],
        message: 'cannot be sent together with text; send one',
      });
    }
  });

export type CheckRequest = z.infer<typeof checkRequestSchema>;

/** The query of GET /v1/articles. */
export const listArticlesQuerySchema = z.strictObject({
  status: z.enum(['queued', 'checked'], { error: 'must be queued or checked' }).optional(),
  since: z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/,
      'must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ)',
    )
    .optional(),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(100)
    .default(20),
  cursor: z.string().max(2000).optional(),
});

/** At most this many articles a batch; they are checked asynchronously through the queue. */
export const MAX_BATCH_ARTICLES = 100;

export const batchRequestSchema = z.strictObject({
  articles: z
    .array(checkRequestSchema, { error: 'is required and must be an array of articles' })
    .min(1, 'must hold at least one article')
    .max(MAX_BATCH_ARTICLES, `must hold at most ${MAX_BATCH_ARTICLES} articles`),
});
