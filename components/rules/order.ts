/** Moving a rule up or down the list; the result is sent as `rules/reorder { ids }`. */

/** The ids with `id` moved by `delta` places (clamped to the list); null when it can't move. */
export function moveId(ids: readonly string[], id: string, delta: number): string[] | null {
  const from = ids.indexOf(id);
  if (from < 0) return null;
  const to = Math.min(ids.length - 1, Math.max(0, from + delta));
  if (to === from) return null;
  const moved = [...ids];
  moved.splice(from, 1);
  moved.splice(to, 0, id);
  return moved;
}

/** The items in the order of `ids` (items not named keep their order after them). */
export function inIdOrder<T extends { id: string }>(items: readonly T[], ids: readonly string[]): T[] {
  const position = new Map(ids.map((id, i) => [id, i]));
  return items
    .map((item, i) => ({ item, key: position.get(item.id) ?? ids.length + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}
