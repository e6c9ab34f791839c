/**
 * Builtins defined in jq itself, with jq 1.6's semantics. They are compiled lazily, only when a
 * program calls them, and user definitions and host functions shadow them.
 * @module
 */

/** The prelude source: definitions only, ending in `.`. */
export const PRELUDE = `
def scalars_or_empty: select(. == null or . == true or . == false or type == "number" or type == "string" or ((type == "array" or type == "object") and length == 0));
def finites: select(isfinite);
def normals: select(isnormal);
def recurse_down: recurse;
def map_values(f): .[] |= f;
def with_entries(f): to_entries | map(f) | from_entries;
def paths(node_filter): . as $dot | paths | select(. as $p | $dot | getpath($p) | node_filter);
def leaf_paths: paths(scalars);
def in(xs): . as $x | xs | has($x);
def inside(xs): . as $x | xs | contains($x);
def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $w | [$x] + $w end;
def combinations(n): . as $dot | [range(n)] | map($dot) | combinations;
def first: .[0];
def last: .[-1];
def nth($n): .[$n];
def error: error(.);
def todate: todateiso8601;
def fromdate: fromdateiso8601;
def date: todate;
def dateadd(u; n): . + n;
def datesub(u; n): . - n;
def splits($re; flags): split($re; flags) | .[];
def splits($re): splits($re; null);
def truncate_stream(stream): . as $n | null | stream | . as $input | if (.[0] | length) > $n then setpath([0]; .[0][$n:]) else empty end;
def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] |= $row);
def INDEX(idx_expr): INDEX(.[]; idx_expr);
def JOIN($idx; idx_expr): [.[] | [., $idx[idx_expr]]];
def JOIN($idx; stream; idx_expr): stream | [., $idx[idx_expr]];
def JOIN($idx; stream; idx_expr; join_expr): stream | [., $idx[idx_expr]] | join_expr;
def transpose: if . == [] then [] else . as $in | (map(length) | max) as $max | [range(0; $max) as $j | [range(0; $in | length) as $i | $in[$i][$j]]] end;
def IN(s): any(s == .; .);
def IN(src; s): any(src | IN(s); .);
.
`;
