/**
 * Record fields computed on first read.
 *
 * Classifying a listing needs only some of a blurb's fields; the rest (the
 * summary's text, each tag's URL, stats no rule reads) cost DOM reads that a
 * content script pays for on every page load. Such a field is an enumerable
 * getter in the record literal that computes the value, then stores it with
 * `settle` as a plain data property in the same place. JSON.stringify, the
 * structured clone of messages, spreads and test equality all read getters,
 * so a record serialises exactly as if it had been read eagerly.
 */
export function settle<T extends object, K extends keyof T>(record: T, key: K, value: T[K]): T[K] {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}
