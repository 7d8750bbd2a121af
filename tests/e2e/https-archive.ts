/**
 * The archive served over real HTTPS from this machine, for what request
 * interception cannot serve: Chromium fetches a prerendered page's document
 * from the browser process (a "prefetch;prerender" request), which neither
 * Playwright's `context.route` nor puppeteer's interception sees, so it would
 * go to the network. Instead the browser is told that archiveofourown.org is
 * this server (`--host-resolver-rules`) and to trust its throwaway certificate
 * (`--ignore-certificate-errors-spki-list`, by the key's hash); every other
 * host resolves to nothing — but the archive's CDN, whose jQuery the pages load:
 * this server answers it from the archive's own files (archive-site.ts).
 *
 * It also serves what `route.fulfill` cannot: a page that arrives over time,
 * in chunks (`Pacing`), as from a real network, so that what paints while the
 * page is still parsed can be seen and timed. A browser context that routes
 * its requests lets these through (`serves`, and `passThrough` in
 * scripts/lib/chromium.ts).
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveAsset, CDN_HOST } from '../../scripts/lib/archive-site';

const HOST = 'archiveofourown.org';

/** A page sent in pieces: `chunkBytes` at a time, `delayMs` apart (the first piece at once). */
export interface Pacing {
  chunkBytes: number;
  delayMs: number;
}

export interface HttpsArchive {
  /** Chromium flags that send the archive's host to this server and trust its certificate. */
  chromiumFlags: string[];
  /** Serves `html` at `url` (on archiveofourown.org), all at once or, with `pacing`, streamed. */
  servePage(url: string, html: string, pacing?: Pacing): void;
  /** Whether `url` is a page this server serves. */
  serves(url: string): boolean;
  /** The port it listens on, at 127.0.0.1 (for a proxy that tunnels the archive's host here). */
  port: number;
  /** Every request the server answered, in order, with its `Sec-Purpose` header (e.g. "prefetch;prerender") and when it came (`Date.now()`). */
  requests: { path: string; purpose: string | null; at: number }[];
  close(): Promise<void>;
}

/** A self-signed certificate for the archive's host, made with the system's openssl. */
function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'shelfmark-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST},DNS:${CDN_HOST}`,
    ], { stdio: 'ignore' });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startHttpsArchive(): Promise<HttpsArchive> {
  const { key, cert } = throwawayCertificate();
  const pages = new Map<string, { body: Buffer; pacing: Pacing | undefined }>();
  const requests: HttpsArchive['requests'] = [];
  const server = createServer({ key, cert }, (req, res) => {
    const host = req.headers.host?.split(':')[0] ?? HOST;
    const url = new URL(req.url ?? '/', `https://${host}`);
    const path = url.pathname;
    requests.push({ path, purpose: req.headers['sec-purpose']?.toString() ?? null, at: Date.now() });
    const page = host === HOST ? pages.get(path) : undefined;
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (!page.pacing) {
        res.end(page.body);
        return;
      }
      const { chunkBytes, delayMs } = page.pacing;
      let sent = 0;
      const next = () => {
        if (res.destroyed) return;
        const end = Math.min(sent + chunkBytes, page.body.length);
        res.write(page.body.subarray(sent, end));
        sent = end;
        if (sent < page.body.length) setTimeout(next, delayMs);
        else res.end();
      };
      next();
      return;
    }
    // The archive's own stylesheets, scripts and images, and its CDN's jQuery (archive-site.ts).
    const asset = archiveAsset(url);
    res.writeHead(asset.status, { 'content-type': asset.contentType }).end(asset.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const spki = createHash('sha256').update(createPublicKey(cert).export({ type: 'spki', format: 'der' })).digest('base64');

  return {
    chromiumFlags: [
      // The first matching rule wins: the archive comes here, nothing else resolves.
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${port}, MAP ${CDN_HOST} 127.0.0.1:${port}, MAP * ~NOTFOUND`,
      `--ignore-certificate-errors-spki-list=${spki}`,
    ],
    port,
    servePage(url, html, pacing) {
      const parsed = new URL(url);
      if (parsed.hostname !== HOST) throw new Error(`${url} is not on ${HOST}`);
      pages.set(parsed.pathname, { body: Buffer.from(html, 'utf8'), pacing });
    },
    serves(url) {
      const parsed = new URL(url);
      return parsed.hostname === HOST && pages.has(parsed.pathname);
    },
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
