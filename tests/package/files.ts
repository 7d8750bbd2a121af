/** Folder and zip contents as { path: sha256 } records, so two of them compare with one toEqual and a readable diff. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type Hashes = Record<string, string>;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const fileHash = (path: string): string => sha256(readFileSync(path));

/** Every file under `dir`, by its path relative to `dir` with forward slashes. */
export function folderHashes(dir: string): Hashes {
  const hashes: Hashes = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes[relative(dir, path).split(sep).join('/')] = fileHash(path);
  }
  return hashes;
}

export function zipHashes(files: Map<string, Buffer>): Hashes {
  return Object.fromEntries([...files].map(([path, bytes]) => [path, sha256(bytes)]));
}
