/**
 * Approvals (`/approvals`): the inbox of requests waiting for the caller's decision (theirs or one
 * of their groups'), and the history of decided ones. Polls every 5 s and reloads at once when a
 * live notification arrives (a new request notifies its approvers). `?id=` points one request out
 * (the link of an approval notification); `?tab=history` opens the history.
 */
import { Alert, Box, Tab, Tabs, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Approval, ApprovalDecision } from '../../api/types';
import { useApi, type Loaded } from '../../app/use-api';
import { ErrorState, Loading } from '../../components/PageStates';
import { listHistory, listPending } from './approval-api';
import { DecisionDialog } from './DecisionDialog';
import { HistoryList } from './HistoryList';
import { PendingList } from './PendingList';
import { useLiveReload } from './use-live-reload';

const POLL_MS = 5000;
type TabName = 'pending' | 'history';

/** A tab's content once its list is loaded; its loading and error states before. */
function Panel<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: () => ReactNode }) {
  if (loaded.data === undefined) {
    if (loaded.error) return <ErrorState error={loaded.error} title={`Cannot load ${what}`} onRetry={loaded.reload} />;
    return <Loading label={`Loading ${what}…`} />;
  }
  return (
    <>
      {loaded.error && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Showing {what} from before: refreshing failed ({loaded.error.message}).
        </Alert>
      )}
      {children()}
    </>
  );
}

export default function ApprovalsPage() {
  const [params, setParams] = useSearchParams();
  const pending = useApi('approvals:pending', listPending, { pollMs: POLL_MS });
  const history = useApi('approvals:history', listHistory, { pollMs: POLL_MS });
  useLiveReload(pending.reload, history.reload);
  const [deciding, setDeciding] = useState<{ approval: Approval; decision: ApprovalDecision }>();
  // Decided here: out of the inbox and into the history at once, before the next load confirms it.
  const [decided, setDecided] = useState<Approval[]>([]);
  const [notice, setNotice] = useState<string>();

  const highlightId = params.get('id');
  const decidedIds = new Set(decided.map((a) => a.id));
  const pendingItems = pending.data?.filter((a) => !decidedIds.has(a.id));
  const historyItems = history.data && [...decided.filter((d) => !history.data!.some((h) => h.id === d.id)), ...history.data];
  const explicitTab = params.get('tab');
  const tab: TabName =
    explicitTab === 'history' || explicitTab === 'pending'
      ? explicitTab
      : highlightId && !pendingItems?.some((a) => a.id === highlightId) && historyItems?.some((a) => a.id === highlightId)
        ? 'history'
        : 'pending';

  const selectTab = (next: TabName) => {
    const p = new URLSearchParams(params);
    p.set('tab', next);
    setParams(p, { replace: true });
  };

  const onDecided = (a: Approval) => {
    setDecided((list) => [a, ...list.filter((x) => x.id !== a.id)]);
    setDeciding(undefined);
    setNotice(`${a.decision === 'approved' ? 'Approved' : 'Denied'} “${a.title}”. It is now in the history.`);
    pending.reload();
    history.reload();
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <div>
        <Typography variant="h4" component="h1">
          Approvals
        </Typography>
        <Typography color="text.secondary">Requests that wait for a decision of yours or of one of your groups.</Typography>
      </div>
      <Box role="status" aria-live="polite">
        {notice && (
          <Alert severity="success" onClose={() => setNotice(undefined)}>
            {notice}
          </Alert>
        )}
      </Box>
      <Tabs value={tab} onChange={(_, v: TabName) => selectTab(v)} aria-label="Approvals" sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="pending" label="Pending" id="approvals-tab-pending" aria-controls="approvals-panel-pending" />
        <Tab value="history" label="History" id="approvals-tab-history" aria-controls="approvals-panel-history" />
      </Tabs>
      <Box role="tabpanel" id="approvals-panel-pending" aria-labelledby="approvals-tab-pending" hidden={tab !== 'pending'}>
        {tab === 'pending' && (
          <Panel loaded={pending} what="the pending requests">
            {() => (
              <>
                <Typography color="text.secondary" sx={{ mb: 1 }}>
                  {pendingItems!.length === 1 ? '1 request waits for your decision.' : `${pendingItems!.length} requests wait for your decision.`}
                </Typography>
                <PendingList approvals={pendingItems!} highlightId={highlightId} onDecide={(approval, decision) => setDeciding({ approval, decision })} />
              </>
            )}
          </Panel>
        )}
      </Box>
      <Box role="tabpanel" id="approvals-panel-history" aria-labelledby="approvals-tab-history" hidden={tab !== 'history'}>
        {tab === 'history' && <Panel loaded={history} what="the decided requests">{() => <HistoryList approvals={historyItems!} highlightId={highlightId} />}</Panel>}
      </Box>
      {deciding && (
        <DecisionDialog
          key={`${deciding.approval.id}:${deciding.decision}`}
          approval={deciding.approval}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onDecided={onDecided}
          onStale={() => {
            pending.reload();
            history.reload();
          }}
        />
      )}
    </Box>
  );
}
