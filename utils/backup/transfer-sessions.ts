/**
 * Backups bigger than one runtime message (Chrome caps a message at 64 MiB)
 * travel in chunks: the background stages an export's text for the page to
 * fetch piece by piece, and stages an import's pieces until the commit. Staged
 * transfers live in the worker's memory; one left unfinished is dropped.
 */
import type { ImportMode } from '../db/data-transfer';
import type { Millis } from '../db/types';
import { checkBackupSize } from './parse';

/** 4 Mi characters: at most 12 MiB of UTF-8 per message, far below the cap. */
export const TRANSFER_CHUNK_CHARS = 4 * 1024 * 1024;
const STALE_AFTER_MS = 15 * 60 * 1000;

export function splitIntoChunks(text: string, size: number = TRANSFER_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length > 0 ? chunks : [''];
}

interface StagedImport {
  mode: ImportMode;
  maxChars: number;
  chunks: string[];
  chars: number;
  startedAt: Millis;
}

export class ImportStaging {
  private readonly staged = new Map<string, StagedImport>();

  constructor(
    private readonly now: () => Millis,
    private readonly maxBytes: number,
  ) {}

  begin(mode: ImportMode, declaredBytes: number): string {
    this.dropStale();
    const tooBig = checkBackupSize(declaredBytes, this.maxBytes);
    if (tooBig) throw new Error(tooBig);
    const id = crypto.randomUUID();
    // Characters never outnumber bytes, so a byte limit is also a character limit.
    this.staged.set(id, { mode, maxChars: this.maxBytes, chunks: [], chars: 0, startedAt: this.now() });
    return id;
  }

  add(id: string, index: number, text: string): number {
    const staged = this.get(id);
    if (index !== staged.chunks.length) throw new Error(`import chunk ${index} arrived, expected chunk ${staged.chunks.length}`);
    if (staged.chars + text.length > staged.maxChars) {
      this.staged.delete(id);
      throw new Error(checkBackupSize(staged.chars + text.length, this.maxBytes) ?? 'the import is too big');
    }
    staged.chunks.push(text);
    staged.chars += text.length;
    return staged.chars;
  }

  /** Hands over the whole text and forgets the import. */
  take(id: string): { mode: ImportMode; text: string } {
    const staged = this.get(id);
    this.staged.delete(id);
    return { mode: staged.mode, text: staged.chunks.join('') };
  }

  abort(id: string): boolean {
    return this.staged.delete(id);
  }

  private get(id: string): StagedImport {
    const staged = this.staged.get(id);
    if (!staged) throw new Error('this import is unknown or expired; start it again');
    return staged;
  }

  private dropStale(): void {
    for (const [id, staged] of this.staged) if (this.now() - staged.startedAt > STALE_AFTER_MS) this.staged.delete(id);
  }
}

interface StagedExport {
  chunks: string[];
  startedAt: Millis;
}

export class ExportStaging {
  private readonly staged = new Map<string, StagedExport>();

  constructor(
    private readonly now: () => Millis,
    private readonly chunkChars: number = TRANSFER_CHUNK_CHARS,
  ) {}

  stage(text: string): { exportId: string; chunks: number; chars: number } {
    for (const [id, staged] of this.staged) if (this.now() - staged.startedAt > STALE_AFTER_MS) this.staged.delete(id);
    const exportId = crypto.randomUUID();
    const chunks = splitIntoChunks(text, this.chunkChars);
    this.staged.set(exportId, { chunks, startedAt: this.now() });
    return { exportId, chunks: chunks.length, chars: text.length };
  }

  /** One chunk; the export is forgotten once its last chunk has been fetched. */
  chunk(exportId: string, index: number): string {
    const staged = this.staged.get(exportId);
    if (!staged) throw new Error('this export is unknown or expired; start it again');
    const text = staged.chunks[index];
    if (text === undefined) throw new Error(`export chunk ${index} does not exist`);
    if (index === staged.chunks.length - 1) this.staged.delete(exportId);
    return text;
  }
}
