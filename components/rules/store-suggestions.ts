/** Tag suggestions for the rule editor: the page's tags and the works store's (`tags/suggest`), merged. */
import { sendRequest } from '../../utils/messaging/client';
import type { TagSlot } from '../../utils/rules/types';
import { mergeSuggestions, type TagSuggestion } from './suggest';

/** Tags from the works store; when the request fails there are simply no store suggestions. */
async function suggestFromStore(prefix: string, slot: TagSlot, limit: number): Promise<TagSuggestion[]> {
  const reply = await sendRequest({ type: 'tags/suggest', prefix, slot, limit }).catch(() => null);
  return reply?.ok ? reply.value.tags : [];
}

/** The page's tags (`onPage`, possibly none) first, then the store's, matching `query` in `slot`. */
export async function suggestTags(query: string, slot: TagSlot, onPage: readonly TagSuggestion[], limit: number): Promise<TagSuggestion[]> {
  const text = query.trim();
  const fromStore = text ? await suggestFromStore(text, slot, limit) : [];
  return mergeSuggestions(query, slot, onPage, fromStore, limit);
}
