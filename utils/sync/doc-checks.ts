/** The shape check of a decoded sync document: anything else in the sync area is taken as corrupt, never applied. */
import { array, type Check, int, isPlainObject, nullable, oneOf, str } from '../db/check';
import { SAVED_STATUSES } from '../db/types';
import type { SyncDoc } from './doc';

const time = int({ min: 0 });
const device = str({ nonEmpty: true, max: 40 });
const position = int({ min: 1, max: 100_000 });
const chapterId = nullable(int({ min: 1 }));
const workKey = /^[1-9][0-9]{0,15}$/;

function tuple(checks: Array<Check<unknown>>): Check<unknown[]> {
  return (value, path) => {
    if (!Array.isArray(value) || value.length !== checks.length) return `${path}: expected a list of ${checks.length}`;
    for (let i = 0; i < checks.length; i++) {
      const problem = checks[i]!(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

function record(keyPattern: RegExp | null, check: Check<unknown>): Check<Record<string, unknown>> {
  return (value, path) => {
    if (!isPlainObject(value)) return `${path}: expected an object`;
    for (const [key, entry] of Object.entries(value)) {
      if (key === '__proto__' || (keyPattern && !keyPattern.test(key))) return `${path}: bad key ${JSON.stringify(key.slice(0, 40))}`;
      const problem = check(entry, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
}

function clocked(valueCheck: Check<unknown>): Check<unknown> {
  return (value, path) => {
    if (!isPlainObject(value)) return `${path}: expected an object`;
    return time(value.t, `${path}.t`) ?? device(value.d, `${path}.d`) ?? (Object.hasOwn(value, 'v') ? valueCheck(value.v, `${path}.v`) : `${path}.v: missing`);
  };
}

/** Rules are checked one by one when applied (a rule this version cannot read is passed on, not applied). */
const anyRule: Check<unknown> = (value, path) => (value === null || isPlainObject(value) ? null : `${path}: expected a rule or null`);
const anyValue: Check<unknown> = () => null;
const savedValue = nullable(tuple([oneOf(...SAVED_STATUSES), time, str({ max: 100_000 })]));

const progress: Check<unknown> = (value, path) => {
  if (!isPlainObject(value)) return `${path}: expected an object`;
  return (
    array(tuple([position, time]), { max: 100_000 })(value.r, `${path}.r`) ??
    array(tuple([position, time]), { max: 100_000 })(value.u, `${path}.u`) ??
    nullable(tuple([position, chapterId, time]))(value.l, `${path}.l`) ??
    nullable(time)(value.f, `${path}.f`) ??
    nullable(time)(value.v, `${path}.v`)
  );
};

export const checkSyncDoc: Check<SyncDoc> = (value, path) => {
  if (!isPlainObject(value)) return `${path}: expected an object`;
  return (
    record(/^[A-Za-z0-9_.:-]{1,100}$/, clocked(anyRule))(value.r, `${path}.r`) ??
    record(/^[A-Za-z]{1,100}$/, clocked(anyValue))(value.s, `${path}.s`) ??
    record(workKey, clocked(savedValue))(value.w, `${path}.w`) ??
    record(workKey, progress)(value.p, `${path}.p`) ??
    record(workKey, str({ max: 2_000 }))(value.n, `${path}.n`)
  );
};
