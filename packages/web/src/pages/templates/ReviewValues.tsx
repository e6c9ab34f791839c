/**
 * The review step: every value the task will get, page by page, with the fields' titles and the
 * labels of enum choices. Hidden fields and those a template hides from review are left out;
 * passwords are masked.
 */
import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { splitPage } from './ui-schema';

type Json = Record<string, unknown>;

interface Row {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

function shown(value: unknown, schema: Json, ui: Json): string {
  if (ui['ui:widget'] === 'password' || ui['ui:field'] === 'Secret') return '••••••';
  const names = ui['ui:enumNames'];
  if (Array.isArray(schema.enum) && Array.isArray(names)) {
    const i = schema.enum.indexOf(value);
    if (i >= 0 && typeof names[i] === 'string') return names[i] as string;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value, null, 1);
}

/** The rows of one page: its properties that have a value, in the schema's order. */
export function reviewRows(page: Json, values: Json): Row[] {
  const { schema, uiSchema } = splitPage(page);
  const props = (schema.properties ?? {}) as Record<string, Json>;
  return Object.entries(props).flatMap(([key, prop]) => {
    const ui = ((uiSchema as Json)[key] ?? {}) as Json;
    const review = (ui['ui:backstage'] as { review?: { show?: boolean } } | undefined)?.review;
    const value = values[key];
    if (value === undefined || value === '' || ui['ui:widget'] === 'hidden' || review?.show === false) return [];
    return [{ key, label: typeof prop.title === 'string' ? prop.title : key, value: shown(value, prop, ui) }];
  });
}

export function ReviewValues({ pages, values }: { pages: readonly { title: string; schema: Json }[]; values: Json }) {
  return (
    <>
      {pages.map((p, i) => {
        const rows = reviewRows(p.schema, values);
        return (
          <section key={i} aria-labelledby={`review-page-${i}`}>
            <Typography variant="subtitle1" component="h3" id={`review-page-${i}`} sx={{ mt: 2, fontWeight: 600 }}>
              {p.title}
            </Typography>
            {rows.length === 0 ? (
              <Typography color="text.secondary">Nothing to fill in on this page.</Typography>
            ) : (
              <Table size="small" aria-labelledby={`review-page-${i}`}>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow key={r.key}>
                      <TableCell component="th" scope="row" sx={{ width: '35%', color: 'text.secondary' }}>
                        {r.label}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.value}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
        );
      })}
    </>
  );
}
