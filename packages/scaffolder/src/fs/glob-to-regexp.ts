/**
 * A small glob matcher for workspace-relative POSIX paths (`copyWithoutTemplating`, `fs:delete`):
 * `**` (any number of segments), `*` and `?` (within a segment), `{a,b}`, `[abc]`. Dotfiles match
 * like any other name (globby's `dot: true`, as Backstage uses).
 */

/**
 * Compiles `pattern` (a leading `./` is ignored) to an anchored RegExp.
 *
 * @example globToRegExp('src/**\/*.ts').test('src/a/b.ts') // true
 */
export function globToRegExp(pattern: string): RegExp {
  const p = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  let re = '';
  let braces = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') {
      if (p[i + 1] === '*') {
        const atStart = i === 0 || p[i - 1] === '/';
        const slashAfter = p[i + 2] === '/';
        if (atStart && slashAfter) {
          re += '(?:[^/]*/)*';
          i += 2;
        } else if (atStart && i + 2 === p.length) {
          re += '.*';
          i += 1;
        } else {
          re += '[^/]*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if (c === '[') {
      const end = p.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        const body = p.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += /[.+^$()|\\\]]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}

/** True when `path` or one of its parent directories matches one of `patterns`. */
export function matchesAnyGlob(path: string, patterns: readonly RegExp[]): boolean {
  const parts = path.split('/');
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('/');
    if (patterns.some((re) => re.test(prefix))) return true;
  }
  return false;
}
