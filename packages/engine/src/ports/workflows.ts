/** How the runtime finds workflow definitions (for starts, subflows, events) and where produced events go. */
import type { WorkflowDef } from '../model/definition.js';
import type { CloudEvent } from '../interpret/cloud-event.js';
import type { ConfigSource } from './config.js';

/** A deployed workflow: its definition and the configuration of its folder. */
export interface WorkflowRegistration {
  readonly def: WorkflowDef;
  readonly config: ConfigSource;
}

/** Lookup of deployed workflows by id (and optionally version). */
export interface WorkflowCatalog {
  get(id: string, version?: string): WorkflowRegistration | undefined;
  list(): Iterable<WorkflowRegistration>;
}

/** Receives the CloudEvents workflows produce. */
export interface EventSink {
  publish(event: CloudEvent): Promise<void>;
}
