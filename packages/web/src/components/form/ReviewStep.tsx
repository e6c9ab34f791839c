/** The wizard's last step: every value entered, per step, in a table labelled from the schema titles. */
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { isObject, type JsonSchema } from './json-schema';
import { reviewRows, type ReviewRow } from './review';
import type { FormStep } from './steps';
import type { UiSchemaNode } from './ui-schema';

interface Section {
  readonly title?: string;
  /** The wizard step that fills the section in. */
  readonly step: number;
  readonly rows: ReviewRow[];
}

export interface ReviewStepProps {
  readonly steps: FormStep[];
  readonly data: Record<string, unknown>;
  readonly schema: JsonSchema;
  readonly uiSchema: UiSchemaNode;
  /** Goes back to a step to change its values. */
  readonly onEdit?: (step: number) => void;
}

export function ReviewStep({ steps, data, schema, uiSchema, onEdit }: ReviewStepProps) {
  const [showHidden, setShowHidden] = useState(false);
  const sections = useMemo<Section[]>(() => {
    if (steps.length === 1 && steps[0]!.key === undefined) return [{ step: 0, rows: reviewRows(schema, data, uiSchema, schema) }];
    return steps.map((s, i) => {
      const sub = (s.schema.properties as Record<string, JsonSchema>)[s.key!]!;
      const ui = isObject(uiSchema[s.key!]) ? (uiSchema[s.key!] as UiSchemaNode) : {};
      return { title: s.title, step: i, rows: reviewRows(sub, data[s.key!], ui, schema) };
    });
  }, [steps, data, schema, uiSchema]);
  const hiddenCount = sections.reduce((n, s) => n + s.rows.filter((r) => r.hidden).length, 0);
  const shown = (rows: ReviewRow[]) => rows.filter((r) => showHidden || !r.hidden);

  return (
    <Box>
      {sections.map((section, i) => (
        <Box key={section.title ?? i} sx={{ mb: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
            {section.title && (
              <Typography variant="h6" component="h3">
                {section.title}
              </Typography>
            )}
            {onEdit && section.title && (
              <Button size="small" onClick={() => onEdit(section.step)} aria-label={section.title ? `Edit ${section.title}` : 'Edit the values'}>
                Edit
              </Button>
            )}
          </Box>
          {shown(section.rows).length === 0 ? (
            <Typography color="text.secondary">Nothing entered.</Typography>
          ) : (
            <Table size="small" aria-label={section.title ? `Values for ${section.title}` : 'Values entered'}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: '35%' }}>Field</TableCell>
                  <TableCell>Value</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown(section.rows).map((r) => (
                  <TableRow key={r.path.join('\u0000')}>
                    <TableCell component="th" scope="row">
                      {r.path.join(' › ') || 'Value'}
                      {r.hidden ? ' (hidden)' : ''}
                    </TableCell>
                    <TableCell sx={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>{r.value}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      ))}
      {hiddenCount > 0 && (
        <Button size="small" onClick={() => setShowHidden((v) => !v)} aria-expanded={showHidden}>
          {showHidden ? 'Hide hidden values' : `Show hidden values (${hiddenCount})`}
        </Button>
      )}
    </Box>
  );
}
