/**
 * A workflow state on the graph: its name, type and what it does (one line per action, branch or
 * wait), with its run status as an icon and a word; coloured by status, pulsing while running,
 * dashed and faded when skipped. Start and end are small pills.
 */
import { Box, Typography } from '@mui/material';
import { keyframes } from '@mui/material/styles';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { StateFlowNode } from './graph-elements';
import { MAX_DETAIL_LINES } from './graph-layout';
import { NEUTRAL_LOOK, NODE_LOOK } from './node-look';

const pulse = keyframes`
  0% { box-shadow: 0 0 0 0 rgba(21, 101, 192, 0.45); }
  70% { box-shadow: 0 0 0 10px rgba(21, 101, 192, 0); }
  100% { box-shadow: 0 0 0 0 rgba(21, 101, 192, 0); }
`;

const hiddenHandle = { opacity: 0, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0, pointerEvents: 'none' } as const;

export function StateNode({ data }: NodeProps<StateFlowNode>) {
  const { node, status, width, height } = data;
  const look = status ? NODE_LOOK[status] : undefined;
  const color = look?.color ?? NEUTRAL_LOOK.color;
  const Icon = look?.icon;
  const pill = node.kind !== 'state';
  const details = node.details.slice(0, MAX_DETAIL_LINES);
  const more = node.details.length - details.length;
  return (
    <Box
      sx={{
        width,
        height,
        boxSizing: 'border-box',
        border: `2px ${look?.dashed ? 'dashed' : 'solid'} ${look?.faded ? '#a3a3a3' : color}`,
        borderRadius: pill ? 999 : 1.5,
        bgcolor: look?.background ?? NEUTRAL_LOOK.background,
        color: look?.faded ? '#555' : 'text.primary',
        px: pill ? 1 : 1.25,
        py: pill ? 0 : 0.75,
        display: 'flex',
        flexDirection: pill ? 'row' : 'column',
        alignItems: pill ? 'center' : 'stretch',
        justifyContent: pill ? 'center' : 'flex-start',
        gap: pill ? 0.5 : 0,
        overflow: 'hidden',
        animation: status === 'active' ? `${pulse} 1.6s ease-out infinite` : undefined,
        '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
      }}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} style={hiddenHandle} />
      {pill ? (
        <>
          {Icon && <Icon sx={{ fontSize: 16, color }} aria-hidden />}
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            {node.label}
          </Typography>
        </>
      ) : (
        <>
          <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, minWidth: 0 }}>
            <Typography variant="body2" sx={{ fontWeight: 700, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: 1 }} title={node.label}>
              {node.label}
            </Typography>
            <Typography variant="caption" sx={{ color: 'text.secondary', flexShrink: 0 }}>
              {node.stateType}
              {node.usedForCompensation ? ' · compensation' : ''}
            </Typography>
          </Box>
          {look && Icon && (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color, fontSize: 12, fontWeight: 700, lineHeight: '18px' }}>
              <Icon sx={{ fontSize: 14 }} aria-hidden />
              {look.word}
            </Box>
          )}
          {details.map((d, i) => (
            <Typography key={i} variant="caption" component="div" title={d} sx={{ color: 'text.secondary', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', lineHeight: '18px' }}>
              {d}
            </Typography>
          ))}
          {more > 0 && (
            <Typography variant="caption" component="div" sx={{ color: 'text.secondary', lineHeight: '18px' }}>
              +{more} more
            </Typography>
          )}
        </>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={hiddenHandle} />
    </Box>
  );
}
