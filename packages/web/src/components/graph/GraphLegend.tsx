/** The key to the graph: what each node status and each edge style means. */
import { Box, Typography } from '@mui/material';
import { NODE_STATUS_ORDER } from './graph-status';
import { EDGE_COLOR, NODE_LOOK } from './node-look';

function Line({ color, dash, width = 2 }: { color: string; dash?: string; width?: number }) {
  return (
    <svg width="28" height="10" aria-hidden focusable="false">
      <line x1="0" y1="5" x2="28" y2="5" stroke={color} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

const item = { display: 'inline-flex', alignItems: 'center', gap: 0.5, mr: 2 } as const;

export function GraphLegend({ withStatus }: { withStatus: boolean }) {
  return (
    <Box component="ul" aria-label="Graph legend" sx={{ listStyle: 'none', m: 0, p: 0, mt: 1, display: 'flex', flexWrap: 'wrap', rowGap: 0.5 }}>
      {withStatus &&
        NODE_STATUS_ORDER.map((s) => {
          const look = NODE_LOOK[s];
          const Icon = look.icon;
          return (
            <Box component="li" key={s} sx={item}>
              <Box
                aria-hidden
                sx={{ width: 14, height: 14, borderRadius: 0.5, border: `2px ${look.dashed ? 'dashed' : 'solid'} ${look.faded ? '#a3a3a3' : look.color}`, bgcolor: look.background }}
              />
              <Icon sx={{ fontSize: 14, color: look.color }} aria-hidden />
              <Typography variant="caption">{look.word}</Typography>
            </Box>
          );
        })}
      {withStatus && (
        <Box component="li" sx={item}>
          <Line color={EDGE_COLOR.taken} width={3} />
          <Typography variant="caption">Path taken</Typography>
        </Box>
      )}
      <Box component="li" sx={item}>
        <Line color={EDGE_COLOR.error} dash="7 5" />
        <Typography variant="caption">Error handler</Typography>
      </Box>
      <Box component="li" sx={item}>
        <Line color={EDGE_COLOR.compensation} dash="2 4" />
        <Typography variant="caption">Compensation</Typography>
      </Box>
    </Box>
  );
}
