/** Keeps a schema the form cannot render (a widget or keyword RJSF rejects) from blanking the page. */
import { Alert, AlertTitle } from '@mui/material';
import { Component, type ReactNode } from 'react';

interface State {
  readonly error?: Error;
}

export class FormErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert severity="error" sx={{ my: 2 }}>
        <AlertTitle>This workflow's input form cannot be shown</AlertTitle>
        {this.state.error.message}
      </Alert>
    );
  }
}
