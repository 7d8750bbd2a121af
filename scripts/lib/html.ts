import { parseHTML } from 'linkedom';

/**
 * Parses an archive page under Node. The page model only needs the standard
 * DOM, so linkedom stands in for the browser in the inspector, the tests and
 * the bench's Node figures.
 */
export function parseArchiveHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
