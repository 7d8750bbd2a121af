/**
 * Chrome's offscreen document (reason DOM_PARSER): reads the archive's tag
 * pages the background fetched, with the browser's DOMParser and the page
 * model's own reader, and answers with the tag record. It fetches nothing,
 * shows nothing and keeps nothing; the background closes it once learning ends.
 */
import { browser } from 'wxt/browser';
import { answerParseRequest, isParseRequest } from '../../utils/wrangling/tag-page-parser';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id || !isParseRequest(message)) return undefined;
  return Promise.resolve(answerParseRequest(message, new DOMParser()));
});
