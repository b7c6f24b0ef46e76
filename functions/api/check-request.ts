/** The body of POST /v1/checks, validated at the edge; the schema also gives the type. */
import { z } from 'zod';
import { isIsoDate } from '../core/index.ts';

const MAX_TEXT_CHARS = 1_000_000;

export const publishedAtSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isIsoDate, 'is not a calendar date')
  .refine((value) => {
    // One day of slack: an article published "today" in a time zone ahead of UTC.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    return value <= tomorrow;
  }, 'lies in the future');

export const checkRequestSchema = z
  .object({
    text: z
      .string({ error: 'is required and must be a string' })
      .max(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS} characters`)
      .refine((text) => text.trim() !== '', 'must contain some text'),
    publishedAt: publishedAtSchema.optional(),
    title: z.string().max(1000).optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  })
  .strict();

export type CheckRequest = z.infer<typeof checkRequestSchema>;
