/**
 * RJSF templates that keep the page's headings in order: the MUI theme renders field descriptions
 * as `<h6>` and object titles as `<h5>`; here descriptions are text and titles sit one level below
 * the page's step heading (h2). Also the wording of RJSF's errors where it reads badly.
 */
import { Box, Divider, Typography } from '@mui/material';
import { RichDescription } from '@rjsf/core';
import type { DescriptionFieldProps, RJSFValidationError, TitleFieldProps } from '@rjsf/utils';

export function DescriptionFieldTemplate({ id, description, registry, uiSchema }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <Typography id={id} variant="body2" component="div" color="text.secondary" sx={{ mt: 0.625 }}>
      <RichDescription description={description} registry={registry} {...(uiSchema ? { uiSchema } : {})} />
    </Typography>
  );
}

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
