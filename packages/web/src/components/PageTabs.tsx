/**
 * A page's tabs and their panels, tied together for screen readers: tab `<idPrefix>-tab-<value>`
 * controls panel `<idPrefix>-panel-<value>`, or the one panel `<idPrefix>-panel` when the tabs only
 * change what a single list shows (`sharedPanel`).
 */
import { Box, Tab, Tabs, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';

export interface PageTab<T extends string> {
  readonly value: T;
  readonly label: string;
}

const tabId = (idPrefix: string, value: string): string => `${idPrefix}-tab-${value}`;
const panelId = (idPrefix: string, value: string | undefined): string => (value === undefined ? `${idPrefix}-panel` : `${idPrefix}-panel-${value}`);

export interface PageTabsProps<T extends string> {
  readonly idPrefix: string;
  /** The tab list's accessible name. */
  readonly label: string;
  readonly tabs: readonly PageTab<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly sharedPanel?: boolean;
  readonly sx?: SxProps<Theme>;
}

export function PageTabs<T extends string>({ idPrefix, label, tabs, value, onChange, sharedPanel = false, sx }: PageTabsProps<T>) {
  return (
    <Tabs value={value} onChange={(_, v: T) => onChange(v)} aria-label={label} sx={sx}>
      {tabs.map((t) => (
        <Tab key={t.value} value={t.value} label={t.label} id={tabId(idPrefix, t.value)} aria-controls={panelId(idPrefix, sharedPanel ? undefined : t.value)} />
      ))}
    </Tabs>
  );
}

export interface TabPanelProps {
  readonly idPrefix: string;
  /** The tab that labels the panel. */
  readonly value: string;
  readonly sharedPanel?: boolean;
  readonly hidden?: boolean;
  readonly sx?: SxProps<Theme>;
  readonly children: ReactNode;
}

export function TabPanel({ idPrefix, value, sharedPanel = false, hidden, sx, children }: TabPanelProps) {
  return (
    <Box role="tabpanel" id={panelId(idPrefix, sharedPanel ? undefined : value)} aria-labelledby={tabId(idPrefix, value)} hidden={hidden} sx={sx}>
      {children}
    </Box>
  );
}
