/**
 * Public surface of claim extraction: read an article, return its numeric claims.
 */
export { type ExtractOptions, extractClaims } from './extract-claims.ts';
export { type NumberMention, recogniseNumbers } from './recognise-numbers.ts';
export { KNOWN_METRICS } from './vocabulary.ts';
