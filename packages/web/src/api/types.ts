/** The API's shapes, from the server package (types only: nothing of the server is bundled). */
export type {
  Approval,
  ApprovalDecision,
  ApprovalStatus,
  GraphEdge,
  GraphEdgeKind,
  GraphNode,
  InputSchemaResponseDTO,
  NodeInstanceDTO,
  Notification,
  NotificationStatus,
  PaginationInfoDTO,
  PortalSession,
  ProcessInstanceDTO,
  ProcessInstanceListResultDTO,
  ProcessInstanceStatusDTO,
  RunHistoryEntry,
  RunHistoryPage,
  SerializedTaskEvent,
  WorkflowGraph,
  WorkflowOverviewDTO,
  WorkflowOverviewListResultDTO,
} from '@sluice/server';

/** A Backstage catalog entity, as `/api/catalog/entities` answers. */
export interface Entity {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; title?: string; description?: string; tags?: string[]; annotations?: Record<string, string>; links?: { url: string; title?: string }[]; uid?: string };
  spec?: Record<string, unknown>;
  relations?: { type: string; targetRef: string }[];
}

/** A scaffolder task, as `/api/scaffolder/v2/tasks/:id` answers. */
export interface ScaffolderTask {
  id: string;
  spec: { templateInfo?: { entityRef?: string; entity?: { metadata?: { title?: string; name?: string } } }; steps: { id: string; name?: string; action: string }[]; output?: Record<string, unknown>; parameters?: Record<string, unknown> };
  status: 'open' | 'processing' | 'completed' | 'failed' | 'cancelled';
  createdAt: string;
  lastHeartbeatAt?: string;
  createdBy: string;
  output?: { links?: { title?: string; url?: string; entityRef?: string }[]; text?: { title?: string; content?: string }[] } & Record<string, unknown>;
  error?: { name: string; message: string };
}

/** `/api/auth/me` */
export type Me =
  | { type: 'user'; userEntityRef: string; ownershipEntityRefs: string[]; groups: string[]; isAdmin: boolean; displayName?: string }
  | { type: 'service'; subject: string };
