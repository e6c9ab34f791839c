/**
 * Backstage's and the Orchestrator plugin's paths, which workflows put in their links
 * (`<rhdh_url>/orchestrator/instances/<id>`, `<rhdh_url>/catalog/default/component/<name>`), sent to
 * the portal's own pages so such links keep working when Sluice is the backend they name.
 */
import { Navigate, useLocation, useParams, type RouteObject } from 'react-router';

function To({ path }: { path: (p: Readonly<Record<string, string | undefined>>) => string }) {
  const params = useParams();
  const { search } = useLocation();
  const to = path(params);
  return <Navigate to={search ? `${to}${to.includes('?') ? '&' : '?'}${search.slice(1)}` : to} replace />;
}

export const legacyRoutes: RouteObject[] = [
  { path: 'orchestrator', element: <To path={() => '/workflows'} /> },
  { path: 'orchestrator/instances', element: <To path={() => '/runs'} /> },
  { path: 'orchestrator/instances/:instanceId', element: <To path={(p) => `/runs/${p.instanceId}`} /> },
  { path: 'orchestrator/workflows/:workflowId', element: <To path={(p) => `/workflows/${p.workflowId}`} /> },
  { path: 'orchestrator/workflows/:workflowId/execute', element: <To path={(p) => `/workflows/${p.workflowId}/run`} /> },
  {
    path: 'catalog/:namespace/:kind/:name',
    element: <To path={(p) => `/components?entity=${encodeURIComponent(`${p.kind!.toLowerCase()}:${p.namespace}/${p.name}`)}`} />,
  },
  { path: 'create', element: <To path={() => '/templates'} /> },
];
