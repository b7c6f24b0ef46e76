export { checkArticle } from './check-article.ts';
export {
  checkClaims,
  decideVerdict,
  describeFrame,
  type FrameDescription,
  frameOfClaim,
  planFactQueries,
} from './checking/index.ts';
export { extractClaims, KNOWN_METRICS } from './extraction/index.ts';
export * from './facts/index.ts';
export { MEASURES } from './measures.ts';
export type * from './model.ts';
export type * from './ports.ts';
