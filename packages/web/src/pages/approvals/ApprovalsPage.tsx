/**
 * Approvals (`/approvals`): the inbox of requests waiting for the caller's decision (theirs or one
 * of their groups'), and the history of decided ones. Polls every 5 s and reloads at once when a
 * live notification arrives (a new request notifies its approvers). `?id=` points one request out
 * (the link of an approval notification); `?tab=history` opens the history.
 */
import { Alert, Box, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Approval, ApprovalDecision } from '../../api/types';
import { useApi, type Loaded } from '../../app/use-api';
import { useLiveReload } from '../../app/use-live-reload';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/PageStates';
import { PageTabs, TabPanel, type PageTab } from '../../components/PageTabs';
import { SuccessNotice } from '../../components/SuccessNotice';
import { listHistory, listPending } from './approval-api';
import { DecisionDialog } from './DecisionDialog';
import { HistoryList } from './HistoryList';
import { PendingList } from './PendingList';

const POLL_MS = 5000;
type TabName = 'pending' | 'history';
const TABS: readonly PageTab<TabName>[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'history', label: 'History' },
];

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
  // The decided request leaves the inbox with the button that opened the dialog, so the dialog cannot
  // give the focus back to it: the Pending tab takes it (Tab goes on to the next request).
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) document.getElementById('approvals-tab-pending')?.focus();
  }, [refocus]);

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
    setRefocus(true);
    setNotice(`${a.decision === 'approved' ? 'Approved' : 'Denied'} “${a.title}”. It is now in the history.`);
    pending.reload();
    history.reload();
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <PageHeader title="Approvals" description="Requests that wait for a decision of yours or of one of your groups." />
      <SuccessNotice message={notice} onClose={() => setNotice(undefined)} />
      <PageTabs idPrefix="approvals" label="Approvals" tabs={TABS} value={tab} onChange={selectTab} sx={{ borderBottom: 1, borderColor: 'divider' }} />
      <TabPanel idPrefix="approvals" value="pending" hidden={tab !== 'pending'}>
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
      </TabPanel>
      <TabPanel idPrefix="approvals" value="history" hidden={tab !== 'history'}>
        {tab === 'history' && <Panel loaded={history} what="the decided requests">{() => <HistoryList approvals={historyItems!} highlightId={highlightId} />}</Panel>}
      </TabPanel>
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
