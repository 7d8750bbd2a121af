/**
 * What the code asks of the messages, read from its syntax: every `t('key', …)`
 * and `tn('key', count, …)` call with how many substitutions it passes, every
 * other string literal (keys kept in tables and passed to `t` later), and the
 * manifest's `__MSG_key__` references.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface MessageCall {
  fn: 't' | 'tn';
  /** The key when the call names it with a literal, else null. */
  key: string | null;
  /** `$1`… the call fills: its arguments after the key (for `tn` the count is `$1`), or null when one is spread. */
  substitutions: number | null;
  where: string;
}

export interface CodeMessages {
  calls: MessageCall[];
  /** String literals that are not a call's key, with where each one is. */
  literals: Map<string, string>;
  manifestKeys: Set<string>;
}

const ROOT = new URL('../../../', import.meta.url).pathname;
const SOURCE_FOLDERS = ['components', 'entrypoints', 'utils'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const literalText = (node: ts.Node): string | null => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null);

/** The literal keys a call's first argument names: `'key'`, or `cond ? 'a' : 'b'`; null when chosen otherwise. */
function literalKeys(node: ts.Expression): ts.Expression[] | null {
  if (ts.isParenthesizedExpression(node)) return literalKeys(node.expression);
  if (ts.isConditionalExpression(node)) {
    const whenTrue = literalKeys(node.whenTrue);
    const whenFalse = literalKeys(node.whenFalse);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : null;
  }
  return literalText(node) === null ? null : [node];
}

export function readCodeMessages(): CodeMessages {
  const calls: MessageCall[] = [];
  const literals = new Map<string, string>();
  for (const file of SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const keyNodes = new Set<ts.Node>();
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === 't' || node.expression.text === 'tn')) {
        const [first, ...rest] = node.arguments;
        const keys = first ? literalKeys(first) : null;
        const call = { fn: node.expression.text, substitutions: rest.some(ts.isSpreadElement) ? null : rest.length, where: where(node) } as const;
        for (const key of keys ?? []) keyNodes.add(key);
        if (keys) calls.push(...keys.map((key) => ({ ...call, key: literalText(key) })));
        else calls.push({ ...call, key: null });
      }
      const text = literalText(node);
      if (text !== null && !keyNodes.has(node) && !literals.has(text)) literals.set(text, where(node));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const manifest = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
  const manifestKeys = new Set(Array.from(manifest.matchAll(/__MSG_(\w+)__/g), (m) => m[1]!));
  return { calls, literals, manifestKeys };
}
