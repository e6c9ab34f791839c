/**
 * How each node status looks on the graph and in its legend: a word, an icon and colours, so the
 * status reads without colour (icon + word) and skipped states are drawn dashed and faded.
 */
import type { SvgIcon } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import SkipNextIcon from '@mui/icons-material/SkipNext';
import SyncIcon from '@mui/icons-material/Sync';
import type { NodeStatus } from './graph-status';

type SvgIconComponent = typeof SvgIcon;

export interface NodeLook {
  readonly word: string;
  readonly icon: SvgIconComponent;
  /** Border and icon colour. */
  readonly color: string;
  readonly background: string;
  readonly dashed: boolean;
  /** Drawn lighter (border only: the text keeps its contrast). */
  readonly faded: boolean;
}

export const NODE_LOOK: Readonly<Record<NodeStatus, NodeLook>> = {
  pending: { word: 'Pending', icon: RadioButtonUncheckedIcon, color: '#6b7280', background: '#f9fafb', dashed: false, faded: false },
  active: { word: 'Running', icon: SyncIcon, color: '#1565c0', background: '#e3f2fd', dashed: false, faded: false },
  done: { word: 'Done', icon: CheckCircleIcon, color: '#2e7d32', background: '#edf7ed', dashed: false, faded: false },
  failed: { word: 'Failed', icon: ErrorIcon, color: '#c62828', background: '#fdecea', dashed: false, faded: false },
  skipped: { word: 'Skipped', icon: SkipNextIcon, color: '#6b6b6b', background: '#f4f4f4', dashed: true, faded: true },
};

/** The look of a node of a definition shown without a run. */
export const NEUTRAL_LOOK = { color: '#5f6b7a', background: '#ffffff' } as const;

/** Edge colours: error handlers red, compensation purple, taken edges dark blue, others grey. */
export const EDGE_COLOR = { error: '#c62828', compensation: '#6d28d9', taken: '#0d3c75', normal: '#8a94a3' } as const;
