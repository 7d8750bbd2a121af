/**
 * The reader's state (reading, saved) of the works on the popup's page, for
 * the rule editor's count of a reading rule. Asked of the background once per
 * list of records, only while the editor is open; without an answer a reading
 * rule counts nothing, as it would hide nothing on a page without one.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Blurb } from '../../utils/ao3/types';
import { request } from '../../utils/messaging/client';
import { MAX_STATE_IDS } from '../../utils/messaging/protocol';
import type { ReaderState, ReaderStates } from '../../utils/rules/types';

/** The records' work ids, each once, as many as one request may ask about. */
export function workIdsOfRecords(records: readonly Blurb[]): number[] {
  const ids = new Set<number>();
  for (const record of records) if (Number.isSafeInteger(record.workId) && (record.workId ?? 0) > 0) ids.add(record.workId!);
  return [...ids].slice(0, MAX_STATE_IDS);
}

export async function askReaderStates(records: readonly Blurb[]): Promise<ReaderStates> {
  const workIds = workIdsOfRecords(records);
  if (workIds.length === 0) return new Map<number, ReaderState>();
  const { states } = await request({ type: 'works/state', workIds });
  return new Map(states.map((state) => [state.workId, state]));
}

/** The states of `records` (null: none wanted), undefined until the background answers. */
export function useReaderStates(records: readonly Blurb[] | null): ReaderStates | undefined {
  const [states, setStates] = useState<ReaderStates | undefined>(undefined);
  useEffect(() => {
    setStates(undefined);
    if (!records) return;
    let current = true;
    askReaderStates(records).then(
      (answer) => current && setStates(answer),
      () => {}, // No answer: reading rules count nothing, like on a page the background never answered.
    );
    return () => {
      current = false;
    };
  }, [records]);
  return states;
}
