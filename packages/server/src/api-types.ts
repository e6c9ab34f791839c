/**
 * The shapes the HTTP API answers with, for clients written against it (the portal imports these as
 * types only).
 */
export type * from './orchestrator/dto.js';
export type { WorkflowGraph, GraphNode, GraphEdge, GraphEdgeKind } from './portal/workflow-graph.js';
export type { RunHistoryEntry, RunHistoryPage } from './portal/run-history.js';
export type { Notification, NotificationPayload, NotificationSeverity, NotificationStatus } from './notifications/notification.js';
export type { Approval, ApprovalDecision, ApprovalStatus } from './approvals/approval.js';
export type { SerializedTaskEvent, TaskStatus } from './scaffolder/task-store.js';
export type { PortalSession } from './auth/portal-session.js';
