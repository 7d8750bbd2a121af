import { defineConfig } from 'vitest/config';

/** See the e2e-untimed project. */
const UNTIMED = ['tests/e2e/sync.test.ts', 'tests/e2e/content-script.test.ts', 'tests/e2e/soak.test.ts'];

export default defineConfig({
  test: {
    // Two at a time where a project allows it (the unit, untimed browser and package tests, first); the
    // browser projects that measure or race then run their files one at a time.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/real-pages/**/*.test.ts'],
          environment: 'node',
          // utils/i18n.ts reads the English messages when there is no browser.i18n.
          setupFiles: ['tests/unit/i18n/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: UNTIMED,
          environment: 'node',
          // One browser at a time: the machines have two cores.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Browser tests that time nothing and race nothing, so they may share the cores: sync (which mostly
          // waits on its own gap between writes), the content script over every real page, and the long
          // session. They run beside the unit tests, two files at a time, before the one-at-a-time browser
          // projects. (History import and tag learning stay there: they time the gaps between requests.)
          name: 'e2e-untimed',
          include: UNTIMED,
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          environment: 'node',
          // What goes to the stores: icons, web-ext lint, the zips and a clean rebuild from the sources zip
          // (an `npm ci` of its own). Beside the unit and paced tests, before the browser projects that
          // measure: its installs and builds then slow no browser that times anything.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          // The Firefox build in Firefox ESR; one file at a time, never beside another browser.
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
