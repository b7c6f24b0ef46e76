export type { ExtractedArticle } from './extract-article-text.ts';
export { extractArticleText, renderText } from './extract-article-text.ts';
