/**
 * Firefox's add-on linter (what addons.mozilla.org runs on every upload),
 * through web-ext, over the Firefox build: no errors, no warnings, no notices.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../e2e/harness';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const webExt = fileURLToPath(new URL('../../node_modules/web-ext/bin/web-ext.js', import.meta.url));

it('web-ext lint finds nothing to report in the Firefox build', () => {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`No build at ${FIREFOX_BUILD}: run \`npm run build\` first.`);
  const output = execFileSync(process.execPath, [webExt, 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  const report = JSON.parse(output) as LintReport;
  const found = (messages: LintMessage[]) => messages.map(({ code, message, file }) => `${code}: ${message}${file ? ` (${file})` : ''}`);
  expect({ errors: found(report.errors), warnings: found(report.warnings), notices: found(report.notices) }).toEqual({
    errors: [],
    warnings: [],
    notices: [],
  });
});
