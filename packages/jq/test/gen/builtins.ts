/**
 * The jq 1.6 builtins the program generator calls, each with plausible argument kinds. Left out on
 * purpose: I/O and environment (`input`, `inputs`, `debug`, `stderr`, `input_filename`, `$ENV`,
 * `env`, `now`, `localtime`, `halt`, `halt_error`, `builtins`, `get_search_list`), generators that
 * never stop (`repeat`, `range/3` with step 0), and libm functions whose last bit may differ between
 * glibc and V8 (`exp`, `log`, `sin`, ...).
 * @module
 */

/**
 * What an argument should look like: `f` any filter, `c` a condition, `p` a path expression,
 * `s` a string, `n` a small number, `r` a regex, `x` regex flags, `pa` a path array like
 * `["a",0]`, `pas` an array of path arrays, `fmt` a strftime format.
 */
export type ArgKind = 'f' | 'c' | 'p' | 's' | 'n' | 'r' | 'x' | 'pa' | 'pas' | 'fmt';

/** A builtin and the kinds of its arguments (none for arity 0). */
export interface BuiltinSpec {
  name: string;
  args: readonly ArgKind[];
}

const ZERO_ARITY = [
  'length', 'utf8bytelength', 'not', 'keys', 'keys_unsorted', 'values', 'add', 'any', 'all', 'flatten',
  'floor', 'sqrt', 'ceil', 'round', 'fabs', 'tostring', 'tonumber', 'type', 'infinite', 'nan',
  'isinfinite', 'isnan', 'isnormal', 'sort', 'unique', 'min', 'max', 'reverse', 'tojson', 'fromjson',
  'ascii_downcase', 'ascii_upcase', 'explode', 'implode', 'to_entries', 'from_entries', 'paths',
  'leaf_paths', 'arrays', 'objects', 'iterables', 'booleans', 'numbers', 'strings', 'nulls', 'scalars',
  'empty', 'error', 'recurse', 'transpose', 'first', 'last', 'tostream', 'combinations', 'isfinite', 'normals', 'finites',
  'scalars_or_empty', 'recurse_down', 'trunc', 'rint', 'nearbyint', 'significand', 'logb', 'modf', 'frexp',
  'todate', 'fromdate', 'fromdateiso8601', 'todateiso8601', 'gmtime', 'mktime',
  '@text', '@json', '@html', '@uri', '@csv', '@tsv', '@sh', '@base64', '@base64d', '@base32', '@base32d',
];

const WITH_ARGS: BuiltinSpec[] = [
  { name: 'map', args: ['f'] },
  { name: 'map_values', args: ['f'] },
  { name: 'select', args: ['c'] },
  { name: 'recurse', args: ['p'] },
  { name: 'recurse', args: ['p', 'c'] },
  { name: 'path', args: ['p'] },
  { name: 'paths', args: ['c'] },
  { name: 'del', args: ['p'] },
  { name: 'with_entries', args: ['f'] },
  { name: 'any', args: ['c'] },
  { name: 'all', args: ['c'] },
  { name: 'any', args: ['f', 'c'] },
  { name: 'all', args: ['f', 'c'] },
  { name: 'flatten', args: ['n'] },
  { name: 'range', args: ['n'] },
  { name: 'range', args: ['n', 'n'] },
  { name: 'limit', args: ['n', 'f'] },
  { name: 'first', args: ['f'] },
  { name: 'last', args: ['f'] },
  { name: 'nth', args: ['n'] },
  { name: 'nth', args: ['n', 'f'] },
  { name: 'until', args: ['c', 'f'] },
  { name: 'while', args: ['c', 'f'] },
  { name: 'in', args: ['f'] },
  { name: 'inside', args: ['f'] },
  { name: 'contains', args: ['f'] },
  { name: 'has', args: ['s'] },
  { name: 'has', args: ['n'] },
  { name: 'index', args: ['s'] },
  { name: 'rindex', args: ['s'] },
  { name: 'indices', args: ['s'] },
  { name: 'startswith', args: ['s'] },
  { name: 'endswith', args: ['s'] },
  { name: 'ltrimstr', args: ['s'] },
  { name: 'rtrimstr', args: ['s'] },
  { name: 'split', args: ['s'] },
  { name: 'split', args: ['r', 'x'] },
  { name: 'join', args: ['s'] },
  { name: 'test', args: ['r'] },
  { name: 'test', args: ['r', 'x'] },
  { name: 'match', args: ['r'] },
  { name: 'match', args: ['r', 'x'] },
  { name: 'capture', args: ['r'] },
  { name: 'scan', args: ['r'] },
  { name: 'splits', args: ['r'] },
  { name: 'sub', args: ['r', 's'] },
  { name: 'sub', args: ['r', 's', 'x'] },
  { name: 'gsub', args: ['r', 's'] },
  { name: 'min_by', args: ['f'] },
  { name: 'max_by', args: ['f'] },
  { name: 'group_by', args: ['f'] },
  { name: 'unique_by', args: ['f'] },
  { name: 'sort_by', args: ['f'] },
  { name: 'walk', args: ['f'] },
  { name: 'getpath', args: ['pa'] },
  { name: 'setpath', args: ['pa', 'f'] },
  { name: 'delpaths', args: ['pas'] },
  { name: 'error', args: ['f'] },
  { name: 'isempty', args: ['f'] },
  { name: 'IN', args: ['f'] },
  { name: 'IN', args: ['f', 'f'] },
  { name: 'INDEX', args: ['f'] },
  { name: 'combinations', args: ['n'] },
  { name: 'pow', args: ['n', 'n'] },
  { name: 'fmin', args: ['n', 'f'] },
  { name: 'fmax', args: ['f', 'n'] },
  { name: 'fmod', args: ['f', 'n'] },
  { name: 'ldexp', args: ['f', 'n'] },
  { name: 'copysign', args: ['n', 'f'] },
  { name: 'drem', args: ['f', 'n'] },
  { name: 'range', args: ['n', 'n', 'n'] },
  { name: 'capture', args: ['r', 'x'] },
  { name: 'gsub', args: ['r', 's', 'x'] },
  { name: 'bsearch', args: ['f'] },
  { name: 'INDEX', args: ['f', 'f'] },
  { name: 'JOIN', args: ['f', 'f'] },
  { name: 'format', args: ['s'] },
  { name: 'strftime', args: ['fmt'] },
  { name: 'strptime', args: ['fmt'] },
  { name: 'splits', args: ['r', 'x'] },
  { name: 'ltrimstr', args: ['f'] },
  { name: 'fromstream', args: ['f'] },
  { name: 'truncate_stream', args: ['f'] },
  { name: 'getpath', args: ['f'] },
];

/** Every builtin the generator may call. */
export const BUILTINS: readonly BuiltinSpec[] = [...ZERO_ARITY.map((name) => ({ name, args: [] })), ...WITH_ARGS];

/** Regexes for `test`, `match`, `sub`, ...: plain, anchored, classes, groups, named captures. */
export const REGEXES = ['a', '^a', 'b$', '[a-c]+', '(a)(b)?', '(?<x>[a-z])', '\\d+', '\\s', ',', '', '.', 'A'];

/** Regex flags. */
export const REGEX_FLAGS = ['g', 'i', 'x', 'gi', 'n', 'gx'];

/** strftime / strptime formats. */
export const DATE_FORMATS = ['%Y-%m-%dT%H:%M:%SZ', '%Y-%m-%d', '%H:%M', '%A, %B %d, %Y', '%s'];
