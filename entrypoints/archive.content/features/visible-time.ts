/** How long the page has been visible (its tab in front, the window not minimised) since `start()`. */
export class VisibleTime {
  private total = 0;
  private since: number | null = null;

  /** Starts counting, and keeps count as the page is hidden and shown again. */
  start(): void {
    if (document.visibilityState === 'visible') this.since = performance.now();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') {
        this.since ??= performance.now();
      } else if (this.since !== null) {
        this.total += performance.now() - this.since;
        this.since = null;
      }
    });
  }

  get ms(): number {
    return this.total + (this.since === null ? 0 : performance.now() - this.since);
  }
}
