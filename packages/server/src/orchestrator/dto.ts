/**
 * The Orchestrator v2 DTOs (components of orchestrator-openapi.yaml) as this server produces and
 * reads them. Type-only.
 */
import type { Json, JsonObject } from '@sluice/engine';

export type ProcessInstanceStatusDTO = 'ACTIVE' | 'ERROR' | 'COMPLETED' | 'ABORTED' | 'SUSPENDED' | 'PENDING';
export type WorkflowFormatDTO = 'yaml' | 'json';

export interface PaginationInfoDTO {
  pageSize?: number;
  offset?: number;
  orderDirection?: 'ASC' | 'DESC';
  orderBy?: string;
}

export interface WorkflowOverviewDTO {
  workflowId: string;
  format: WorkflowFormatDTO;
  name?: string;
  lastRunId?: string;
  lastTriggeredMs?: number;
  lastRunStatus?: ProcessInstanceStatusDTO;
  description?: string;
  isAvailable?: boolean;
  /** Sluice extension (the spec allows extra fields): why the workflow is unavailable, one line per problem, paths relative to the workflows folder. */
  unavailableReasons?: string[];
}

export interface WorkflowOverviewListResultDTO {
  overviews: WorkflowOverviewDTO[];
  paginationInfo?: PaginationInfoDTO;
}

/** A state the run went through. `errorMessage` is passed on as the upstream backend does. */
export interface NodeInstanceDTO {
  __typename: 'NodeInstance';
  id: string;
  name: string;
  type: string;
  enter: string;
  exit?: string;
  definitionId: string;
  nodeId: string;
  errorMessage?: string;
}

export interface ProcessInstanceErrorDTO {
  __typename: 'ProcessInstanceError';
  nodeDefinitionId: string;
  nodeInstanceId?: string;
  message?: string;
}

export interface ProcessInstanceDTO {
  id: string;
  processId: string;
  processName?: string;
  state?: ProcessInstanceStatusDTO;
  endpoint?: string;
  serviceUrl?: string;
  start?: string;
  end?: string;
  duration?: string;
  description?: string;
  workflowdata?: JsonObject;
  initiatorEntity?: string;
  targetEntity?: string;
  executionSummary?: string[];
  nodes: NodeInstanceDTO[];
  error?: ProcessInstanceErrorDTO;
}

export interface ProcessInstanceListResultDTO {
  items: ProcessInstanceDTO[];
  paginationInfo?: PaginationInfoDTO;
}

export interface InputSchemaResponseDTO {
  inputSchema?: JsonObject;
  data?: JsonObject;
}

export interface AuthToken {
  provider: string;
  token: string;
}

export interface ExecuteWorkflowRequestDTO {
  inputData?: Record<string, Json>;
  authTokens?: AuthToken[];
  targetEntity?: string;
}
