/** Walking and spoiling JSON values field by field, to generate hostile inputs from valid ones. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonPath = ReadonlyArray<string | number>;

/** A value of another JSON type than `value`. */
export function wrongType(value: Json): Json {
  if (value === null) return { wrong: true };
  if (Array.isArray(value)) return 'not a list';
  switch (typeof value) {
    case 'string':
      return 42;
    case 'number':
      return String(value);
    case 'boolean':
      return 'true';
    default:
      return [];
  }
}

/** Every field path in a value: nested objects' fields, and the first item of each list. */
export function fieldPaths(value: Json, path: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = [];
  if (Array.isArray(value)) {
    if (value.length > 0) paths.push([...path, 0], ...fieldPaths(value[0]!, [...path, 0]));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) paths.push([...path, key], ...fieldPaths(child, [...path, key]));
  }
  return paths;
}

export function getAt(root: Json, path: JsonPath): Json {
  let at = root;
  for (const step of path) at = (at as Record<string | number, Json>)[step]!;
  return at;
}

/** A copy of `root` with the value at `path` replaced. */
export function withValueAt(root: Json, path: JsonPath, value: Json): Json {
  const copy = structuredClone(root);
  let at = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, Json>;
  at[path.at(-1)!] = value;
  return copy;
}

/** `data.works[0].title`, as the checks name places. */
export function pathText(path: JsonPath): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

/** The last named (not numbered) step of a path: the field a message should name. */
export const lastField = (path: JsonPath): string => String([...path].reverse().find((step) => typeof step === 'string') ?? '');
