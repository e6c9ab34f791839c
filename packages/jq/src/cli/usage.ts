/**
 * The help and usage texts of `sluice-jq`, and the two lines jq prints after a bad option.
 * @module
 */

/** What jq 1.6 prints after an option error (its `die()`), byte for byte. @internal */
export const DIE_TEXT =
  'Use jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n';

/** What `--version` prints: the jq version this CLI is compatible with. @internal */
export const VERSION_TEXT = 'jq-1.6\n';

const HEAD = `sluice-jq - commandline JSON processor, compatible with jq 1.6

Usage:\tsluice-jq [options] <jq filter> [file...]
\tsluice-jq [options] --args <jq filter> [strings...]
\tsluice-jq [options] --jsonargs <jq filter> [JSON_TEXTS...]

sluice-jq applies the filter to each JSON text in the files (or standard
input) and prints the results as JSON on standard output.

Example:

\t$ echo '{"foo": 0}' | sluice-jq .
\t{
\t  "foo": 0
\t}

`;

const OPTIONS = `Options:
  -c               compact instead of pretty-printed output;
  -n               use \`null\` as the single input value;
  -e               set the exit status code based on the output;
  -s               read (slurp) all inputs into an array; apply filter to it;
  -r               output raw strings, not JSON texts;
  -j               like -r, without a newline after each output;
  -a               output only ASCII, escaping other characters;
  -R               read raw strings, not JSON texts;
  -C, -M           accepted for compatibility; output is never colored;
  -S               sort keys of objects on output;
  -f file          read the filter from the file;
  --tab            use tabs for indentation;
  --indent n       use n spaces for indentation (0 to 7, -1 for tabs);
  --seq            read and write application/json-seq;
  --arg a v        set variable $a to value <v>;
  --argjson a v    set variable $a to JSON value <v>;
  --slurpfile a f  set variable $a to an array of JSON texts read from <f>;
  --rawfile a f    set variable $a to a string consisting of the contents of <f>;
  --args           remaining arguments are string arguments, not files;
  --jsonargs       remaining arguments are JSON arguments, not files;
  --               terminates argument processing;

Named arguments are also available as $ARGS.named[], while
positional arguments are available as $ARGS.positional[].
`;

/** `--help`: the full text, printed on standard output. @internal */
export const HELP_TEXT = HEAD + OPTIONS;

/** Printed on standard error when no program is given (exit 2). @internal */
export const SHORT_USAGE_TEXT = HEAD + 'For a listing of options, use sluice-jq --help.\n';
