export { checkArticle } from './check-article.ts';
export { checkClaims, decideVerdict, planFactQueries } from './checking/index.ts';
export { extractClaims, KNOWN_METRICS } from './extraction/index.ts';
export * from './facts/index.ts';
export type * from './model.ts';
export type * from './ports.ts';
