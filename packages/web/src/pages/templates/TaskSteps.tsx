/**
 * A task's steps with their state and live log, one collapsible section each. Running and failed
 * steps open by themselves; the user can open or close any. A running step's log follows its end.
 */
import { Accordion, AccordionDetails, AccordionSummary, Box, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useEffect, useRef, useState } from 'react';
import { STATE_WORDS, StepStateIcon } from './StepStateIcon';
import type { StepProgress } from './task-steps';

function StepLog({ step }: { step: StepProgress }) {
  const box = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (step.state === 'running' && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [step.log.length, step.state]);
  if (step.log.length === 0) return <Typography color="text.secondary">No output yet.</Typography>;
  return (
    <Box
      component="pre"
      ref={box}
      role="log"
      aria-label={`Log of ${step.name}`}
      tabIndex={0}
      sx={{ m: 0, p: 1.5, maxHeight: 360, overflow: 'auto', bgcolor: 'grey.900', color: 'grey.100', borderRadius: 1, fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
    >
      {step.log.map((l) => (
        <div key={l.id}>
          <Box component="span" sx={{ color: 'grey.500', mr: 1 }}>
            {new Date(l.at).toLocaleTimeString()}
          </Box>
          {l.message}
        </div>
      ))}
    </Box>
  );
}

export function TaskSteps({ steps }: { steps: readonly StepProgress[] }) {
  // What the user opened or closed; the others follow their state.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  return (
    <div>
      {steps.map((s) => {
        const expanded = toggled[s.id] ?? (s.state === 'running' || s.state === 'failed');
        return (
          <Accordion key={s.id} expanded={expanded} onChange={(_, open) => setToggled((t) => ({ ...t, [s.id]: open }))} disableGutters>
            <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`step-${s.id}-log`} id={`step-${s.id}-summary`}>
              <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
                <StepStateIcon state={s.state} />
                <Typography component="span" sx={{ fontWeight: 500 }}>
                  {s.name}
                </Typography>
                <Typography component="span" variant="body2" color={s.state === 'failed' ? 'error' : 'text.secondary'}>
                  {STATE_WORDS[s.state]}
                </Typography>
                <Typography component="span" variant="caption" color="text.secondary">
                  {s.action}
                </Typography>
              </Box>
            </AccordionSummary>
            <AccordionDetails id={`step-${s.id}-log`}>
              <StepLog step={s} />
            </AccordionDetails>
          </Accordion>
        );
      })}
    </div>
  );
}
