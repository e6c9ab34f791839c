/** The Orchestrator and portal API calls the workflow pages make. */
import { api } from '../../api/client';
import type { InputSchemaResponseDTO, PaginationInfoDTO, ProcessInstanceListResultDTO, WorkflowGraph, WorkflowOverviewDTO, WorkflowOverviewListResultDTO } from '../../api/types';

const V2 = '/api/orchestrator/v2';
const enc = encodeURIComponent;

export const listWorkflows = (signal: AbortSignal) => api<WorkflowOverviewListResultDTO>(`${V2}/workflows/overview`, { body: {}, signal });

export const workflowOverview = (id: string, signal: AbortSignal) => api<WorkflowOverviewDTO>(`${V2}/workflows/${enc(id)}/overview`, { signal });

export const workflowSource = (id: string, signal: AbortSignal) => api<string>(`${V2}/workflows/${enc(id)}/source`, { signal, text: true });

export const workflowGraph = (id: string, signal: AbortSignal) => api<WorkflowGraph>(`/api/sluice/workflows/${enc(id)}/graph`, { signal });

export const inputSchema = (id: string, instanceId: string | null, signal: AbortSignal) =>
  api<InputSchemaResponseDTO>(`${V2}/workflows/${enc(id)}/inputSchema${instanceId ? `?instanceId=${enc(instanceId)}` : ''}`, { signal });

export const workflowRuns = (id: string, paginationInfo: PaginationInfoDTO, signal: AbortSignal) =>
  api<ProcessInstanceListResultDTO>(`${V2}/workflows/${enc(id)}/instances`, { body: { paginationInfo }, signal });

export const executeWorkflow = (id: string, inputData: Record<string, unknown>, targetEntity?: string) =>
  api<{ id: string }>(`${V2}/workflows/${enc(id)}/execute`, { body: { inputData, ...(targetEntity ? { targetEntity } : {}) } });
