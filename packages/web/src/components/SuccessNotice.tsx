/**
 * A success message ("Approved …", "Marked 3 notifications read.") with a close button, in a polite
 * live region that is always there, so screen readers announce each new message.
 */
import { Alert, Box } from '@mui/material';

export function SuccessNotice({ message, onClose }: { message: string | undefined; onClose: () => void }) {
  return (
    <Box role="status" aria-live="polite">
      {message && (
        <Alert severity="success" onClose={onClose}>
          {message}
        </Alert>
      )}
    </Box>
  );
}
