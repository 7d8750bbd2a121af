/**
 * The archive's hosts: where content scripts run and what the extension may
 * read. archiveofourown.org is the archive; the others are the official
 * alternate domains the archive itself lists as its own hosts (the
 * `permitted_hosts` list every archive page carries), so readers who arrive
 * through one of them get the same extension.
 */
export const ARCHIVE_HOSTS = [
  'archiveofourown.org',
  'www.archiveofourown.org',
  'archiveofourown.com',
  'www.archiveofourown.com',
  'archiveofourown.net',
  'www.archiveofourown.net',
  'archiveofourown.gay',
  'ao3.org',
  'www.ao3.org',
  'archive.transformativeworks.org',
] as const;

/** Match patterns for manifests and content scripts. */
export const ARCHIVE_MATCHES: string[] = ARCHIVE_HOSTS.map((host) => `https://${host}/*`);

export function isArchiveHost(hostname: string): boolean {
  return (ARCHIVE_HOSTS as readonly string[]).includes(hostname.toLowerCase());
}
