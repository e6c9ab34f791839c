/** The parsed form of one definition or resource file, with positions, as the loader hands it on. */
import type { DefinitionIssue } from '../errors/definition-error.js';
import type { Json } from '../model/json.js';

/** 1-based position in a source text. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed JSON or YAML file. `locate` maps a JSON pointer to where that value starts in the text. */
export interface SourceDocument {
  /** The path as the host named it (used in messages). */
  readonly file: string;
  readonly value: Json;
  locate(pointer: string): Position | undefined;
}

/**
 * Resources named by a definition (relative URIs as written, e.g. `specs/gitlab-openapi.yaml`,
 * `schemas/x.json`, a function file), already read and parsed. Missing ones were reported as issues.
 */
export interface ResourceSet {
  get(uri: string): SourceDocument | undefined;
}

/** What the normalizer needs: the definition document, its resources and the clock for jq `now`. */
export interface NormalizeInput {
  readonly doc: SourceDocument;
  readonly resources: ResourceSet;
  /** Seconds since the epoch, for jq's `now` (the runtime points it at its Clock). */
  readonly now: () => number;
}

/** Result of loading or normalizing: a definition when there are no error-severity issues. */
export interface LoadResult<T> {
  readonly value?: T;
  readonly issues: readonly DefinitionIssue[];
}
