/**
 * A queue that runs tasks one after another, each starting once the one before has settled (a
 * failed task does not stop the queue). The background's mirrors in storage.local write through
 * one each: two writes overlapping could land in the wrong order and leave the older data.
 */
export function oneAtATime(): (task: () => Promise<void>) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (task) => {
    const next = last.catch(() => undefined).then(task);
    last = next;
    return next;
  };
}
