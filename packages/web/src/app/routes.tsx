/** The portal's routes. Every page is loaded on demand, so a first visit loads only the frame. */
import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AppShell } from './AppShell';
import { legacyRoutes } from './legacy-routes';
import { NotFoundPage } from './NotFoundPage';

const WorkflowsPage = lazy(() => import('../pages/workflows/WorkflowsPage'));
const WorkflowPage = lazy(() => import('../pages/workflows/WorkflowPage'));
const RunFormPage = lazy(() => import('../pages/workflows/RunFormPage'));
const RunsPage = lazy(() => import('../pages/runs/RunsPage'));
const RunPage = lazy(() => import('../pages/runs/RunPage'));
const ApprovalsPage = lazy(() => import('../pages/approvals/ApprovalsPage'));
const NotificationsPage = lazy(() => import('../pages/notifications/NotificationsPage'));
const TemplatesPage = lazy(() => import('../pages/templates/TemplatesPage'));
const TemplateRunPage = lazy(() => import('../pages/templates/TemplateRunPage'));
const TaskPage = lazy(() => import('../pages/templates/TaskPage'));
const ComponentsPage = lazy(() => import('../pages/templates/ComponentsPage'));

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/workflows" replace /> },
      { path: 'workflows', element: <WorkflowsPage /> },
      { path: 'workflows/:workflowId', element: <WorkflowPage /> },
      { path: 'workflows/:workflowId/run', element: <RunFormPage /> },
      { path: 'runs', element: <RunsPage /> },
      { path: 'runs/:instanceId', element: <RunPage /> },
      { path: 'approvals', element: <ApprovalsPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'templates', element: <TemplatesPage /> },
      { path: 'templates/:namespace/:name', element: <TemplateRunPage /> },
      { path: 'tasks/:taskId', element: <TaskPage /> },
      { path: 'components', element: <ComponentsPage /> },
      ...legacyRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
