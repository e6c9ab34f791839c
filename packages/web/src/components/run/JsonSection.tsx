/**
 * A JSON value in a collapsible section (run input, output, error details): pretty-printed, scrolls
 * when long, with a button to copy it.
 */
import { Accordion, AccordionDetails, AccordionSummary, Box, Button, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useId, useState } from 'react';

export function JsonSection({ title, value, defaultExpanded = false, headingLevel = 2 }: { title: string; value: unknown; defaultExpanded?: boolean; headingLevel?: 2 | 3 | 4 }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const text = value === undefined ? '' : JSON.stringify(value, null, 2);
  const copy = (): void => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <Accordion defaultExpanded={defaultExpanded} disableGutters slotProps={{ heading: { component: `h${headingLevel}` } }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`${id}-content`} id={`${id}-header`}>
        <Typography sx={{ fontWeight: 700 }}>{title}</Typography>
      </AccordionSummary>
      <AccordionDetails id={`${id}-content`}>
        {value === undefined ? (
          <Typography sx={{ color: 'text.secondary' }}>Nothing recorded.</Typography>
        ) : (
          <>
            <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
              <Button size="small" onClick={copy} aria-label={`Copy ${title}`}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            </Box>
            <Box
              component="pre"
              tabIndex={0}
              aria-label={title}
              sx={{ m: 0, p: 1.5, bgcolor: 'grey.100', borderRadius: 1, overflow: 'auto', maxHeight: 420, fontSize: 13, lineHeight: 1.45, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            >
              {text}
            </Box>
          </>
        )}
      </AccordionDetails>
    </Accordion>
  );
}
