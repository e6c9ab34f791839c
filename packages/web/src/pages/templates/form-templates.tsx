/**
 * RJSF templates that keep a template page's headings in order: the MUI theme renders object titles
 * as `<h5>`; here they sit one level below the page's step heading (h2). Descriptions are text, as
 * in the run form (its DescriptionFieldTemplate). Also the wording of RJSF's errors where it reads badly.
 */
import { Box, Divider, Typography } from '@mui/material';
import type { RJSFValidationError, TitleFieldProps } from '@rjsf/utils';

export function TitleFieldTemplate({ id, title, optionalDataControl }: TitleFieldProps) {
  return (
    <Box id={id} sx={{ mb: 1, mt: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h3">
          {title}
        </Typography>
        {optionalDataControl}
      </Box>
      <Divider />
    </Box>
  );
}

/** "must have required property 'Namespace'" under the Namespace field becomes "Required". */
export function transformErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.map((e) => (e.name === 'required' ? { ...e, message: 'Required', stack: `${e.property ?? ''} is required` } : e));
}
