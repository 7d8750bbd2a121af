/**
 * Shape checks for untrusted values (messages, backup files): small
 * composable checkers that return the first problem as a readable message
 * naming the path (`works[12].words: expected an integer, got "12k"`), or
 * null when the value fits. Hand-written rather than a JSON Schema library
 * because the extension's CSP forbids the code generation such libraries use.
 */

/** A checker of values of type T; `path` names the value in error messages. */
export interface Check<T> {
  (value: unknown, path: string): string | null;
  /** Phantom: only carries T for the type checker. */
  readonly __type?: T;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string "${value.slice(0, 40)}…"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `${typeof value === 'object' ? 'an object' : typeof value}`;
}

function fail(path: string, expected: string, value: unknown): string {
  return `${path}: expected ${expected}, got ${describe(value)}`;
}

export function str(options: { max?: number; nonEmpty?: boolean; pattern?: RegExp } = {}): Check<string> {
  const { max = 100_000, nonEmpty = false, pattern } = options;
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, 'a string', value);
    if (nonEmpty && value.length === 0) return `${path}: must not be empty`;
    if (value.length > max) return `${path}: longer than ${max} characters`;
    if (pattern && !pattern.test(value)) return fail(path, `a string matching ${pattern}`, value);
    return null;
  };
}

export function int(options: { min?: number; max?: number } = {}): Check<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return fail(path, 'an integer', value);
    if (value < min || value > max) return fail(path, `an integer from ${min} to ${max}`, value);
    return null;
  };
}

export function num(options: { min?: number; max?: number } = {}): Check<number> {
  const { min = -Number.MAX_VALUE, max = Number.MAX_VALUE } = options;
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'a finite number', value);
    if (value < min || value > max) return fail(path, `a number from ${min} to ${max}`, value);
    return null;
  };
}

export const bool: Check<boolean> = (value, path) => (typeof value === 'boolean' ? null : fail(path, 'true or false', value));

export function oneOf<const T extends string | number>(...allowed: T[]): Check<T> {
  const set = new Set<unknown>(allowed);
  const listed = allowed.map((a) => JSON.stringify(a)).join(', ');
  return (value, path) => (set.has(value) ? null : fail(path, `one of ${listed}`, value));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
}

export function array<T>(check: Check<T>, options: { max?: number } = {}): Check<T[]> {
  const { max = Number.MAX_SAFE_INTEGER } = options;
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'an array', value);
    if (value.length > max) return `${path}: more than ${max} items`;
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

/**
 * A plain object with exactly these fields: unknown fields are refused, so
 * nothing unchecked is ever stored. Fields listed in `optional` may be absent.
 */
export function object<T>(shape: Shape<T>, optional: ReadonlyArray<keyof T> = []): Check<T> {
  const entries = Object.entries(shape) as Array<[string, Check<unknown>]>;
  const optionalKeys = new Set<string>(optional as ReadonlyArray<string>);
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, 'an object', value);
    for (const [key, check] of entries) {
      // Own properties only: `in` would find `constructor` and `__proto__` on every object's prototype.
      if (!Object.hasOwn(value, key)) {
        if (optionalKeys.has(key)) continue;
        return `${path}.${key}: missing`;
      }
      if (optionalKeys.has(key) && value[key] === undefined) continue;
      const problem = check(value[key], `${path}.${key}`);
      if (problem) return problem;
    }
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) return `${path}.${key}: unknown field`;
    }
    return null;
  };
}
