/** Who is reading: the body class the archive's layout sets, else the greeting. */
import { textOf } from './text';

export interface Session {
  loggedIn: boolean;
  user: string | null;
}

export function readSession(doc: Document): Session {
  // Not `doc.body`: linkedom throws on it for a document without an <html> element.
  const body = doc.querySelector('body');
  const greeting = doc.getElementById('greeting');
  let loggedIn: boolean;
  if (body?.classList.contains('logged-in')) loggedIn = true;
  else if (body?.classList.contains('logged-out')) loggedIn = false;
  else loggedIn = !!greeting?.querySelector('a[href="/users/logout"], a[href$="/users/logout"]') || /\bHi, /.test(textOf(greeting));
  let user: string | null = null;
  if (greeting) {
    for (const a of greeting.querySelectorAll('a[href^="/users/"]')) {
      const m = /^Hi,\s*(.+?)!$/.exec(textOf(a));
      if (m) {
        user = m[1]!;
        break;
      }
    }
  }
  return { loggedIn, user: loggedIn ? user : null };
}
