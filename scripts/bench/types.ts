export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export interface BenchSection {
  rows: BenchRow[];
  /** Figures for the JSON line, keyed by their documented names. */
  figures: Record<string, number>;
}
