/**
 * Sluice's jq: a jq 1.6-compatible engine that compiles programs to closures and evaluates them
 * synchronously on plain JS values. No I/O: env, clock and inputs come from the host.
 *
 * @example
 * import { compile } from '@sluice/jq';
 * compile('.items | map(.qty) | add').first({ items: [{ qty: 2 }, { qty: 3 }] }); // 5
 * @module
 */
export { compile } from './compile.js';
export type { CompileOptions, HostFunction, JqLimits, JqProgram, RunOptions } from './api.js';
export { JqHalt } from './api.js';
export { JqCompileError, JqError, JqLimitError, JQ_ERROR_CODES } from './errors.js';
export type { Json, Node, Program } from './ast.js';
export { parse } from './parser.js';
export { printNode, printProgram } from './printer.js';
export { dumpJson, formatNumber } from './json-dump.js';
export type { DumpOptions } from './json-dump.js';
export { parseJson } from './json-parse.js';
export { compareJson, equalJson } from './value.js';
