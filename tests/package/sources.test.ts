/**
 * What goes to the stores. `npm run zip` writes the Chrome zip, the Firefox
 * zip and the sources zip Firefox's reviewers get; the sources zip holds
 * exactly its allow-list, and a reviewer who unpacks it and follows
 * SOURCE_CODE_REVIEW.md (`npm ci`, `npm run build`) in another folder gets
 * exactly the files that were zipped.
 *
 * Slow by nature: a full install of its own (about half a minute with npm's
 * cache warm, as it is after CI's own `npm ci`) and three builds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileHash, folderHashes, zipHashes, type Hashes } from './files';
import { readZip } from './zip';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };

/** What a reviewer needs to rebuild the extension, and nothing else (wxt.config.ts `zip.includeSources` must say the same). */
const SOURCE_FILES = ['SOURCE_CODE_REVIEW.md', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts'];
const SOURCE_FOLDERS = ['entrypoints', 'components', 'utils', 'public', 'assets'];
const BROWSERS = ['chrome', 'firefox'] as const;

/** A temporary folder for everything this file makes; `zipped` in it is where the repository's own `npm run zip` writes. */
let work = '';
let zipped = '';
const zipFile = (kind: string) => join(zipped, `shelfmark-${packageJson.version}-${kind}.zip`);

/**
 * The environment as a shell would have it: without what `npm run` and vitest
 * add (npm's lifecycle variables, NODE_ENV=test and Vite's mode variables,
 * which would change how the extension is built) and without this
 * repository's node_modules/.bin on the PATH, so the unpacked sources can only
 * use what their own install put there.
 */
function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const added = new Set(['INIT_CWD', 'NODE', 'NODE_ENV', 'TEST', 'PROD', 'DEV', 'BASE_URL', 'MODE', 'SSR', 'SHELFMARK_OUT_DIR']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!added.has(key) && !key.startsWith('npm_') && !key.startsWith('VITEST')) env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !resolve(dir).startsWith(root))
    .join(delimiter);
  return { ...env, ...extra };
}

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv): void {
  try {
    execFileSync('npm', args, { cwd, env, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${`${stdout ?? ''}\n${stderr ?? ''}`.slice(-4000)}`, { cause: error });
  }
}

const builtIn = (outDir: string): Record<string, Hashes> =>
  Object.fromEntries(BROWSERS.map((browser) => [browser, folderHashes(join(outDir, `${browser}-mv3`))]));

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shelfmark-package-'));
  zipped = join(work, 'zip');
  run(root, ['run', 'zip'], shellEnv({ SHELFMARK_OUT_DIR: zipped }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run zip', () => {
  it.each(BROWSERS)('writes the %s zip: exactly its build', (browser) => {
    expect(zipHashes(readZip(zipFile(browser)))).toEqual(folderHashes(join(zipped, `${browser}-mv3`)));
  });

  it('writes the sources zip: exactly its allow-list, byte for byte', () => {
    const expected: Hashes = Object.fromEntries(SOURCE_FILES.map((file) => [file, fileHash(join(root, file))]));
    for (const folder of SOURCE_FOLDERS) {
      for (const [path, hash] of Object.entries(folderHashes(join(root, folder)))) expected[`${folder}/${path}`] = hash;
    }
    expect(zipHashes(readZip(zipFile('sources')))).toEqual(expected);
  });
});

describe('SOURCE_CODE_REVIEW.md', () => {
  const guide = readFileSync(join(root, 'SOURCE_CODE_REVIEW.md'), 'utf8');

  it("names package.json's Node.js version, the commands and where the output is", () => {
    const minimum = /^>=(\d+\.\d+)$/.exec(packageJson.engines.node)?.[1];
    expect(guide).toContain(`Node.js ${minimum} or newer`);
    expect(guide).toMatch(/```sh\nnpm ci\nnpm run build\n```/);
    expect(guide).toContain('`.output/firefox-mv3/`');
  });
});

describe('a reviewer rebuilding from the sources zip', () => {
  it("gets the same files as the repository's build, byte for byte", () => {
    const sources = join(work, 'sources');
    for (const [path, bytes] of readZip(zipFile('sources'))) {
      mkdirSync(dirname(join(sources, path)), { recursive: true });
      writeFileSync(join(sources, path), bytes);
    }
    // `npm ci` as the guide says; --prefer-offline only skips re-asking the registry about packages npm's cache
    // already holds (the lockfile pins every version and checksum either way), which saves about half a minute.
    run(sources, ['ci', '--prefer-offline'], shellEnv());

    // The zipped build and the reviewer's are two builds from two folders: equal, byte for byte.
    run(sources, ['run', 'build'], shellEnv());
    expect(builtIn(join(sources, '.output'))).toEqual(builtIn(zipped));
  });
});
