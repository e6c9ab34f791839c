import { Button } from '@mui/material';
import { Link as RouterLink, useLocation } from 'react-router';
import { EmptyState } from '../components/PageStates';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <EmptyState title={`There is no page at ${pathname}`}>
      <Button component={RouterLink} to="/workflows" variant="outlined">
        Go to the workflows
      </Button>
    </EmptyState>
  );
}
