/**
 * One parameter page of a template as a form (RJSF with the MUI theme and the ajv8 validator):
 * errors inline next to their fields, the server's errors for this page too (until the user edits),
 * "Back" and "Next" under it. Lives in the template form's lazily loaded chunk only.
 */
import { Box, Button } from '@mui/material';
import Form from '@rjsf/mui';
import type { ErrorSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useMemo } from 'react';
import { DescriptionFieldTemplate } from '../../components/form/templates';
import { TitleFieldTemplate, transformErrors } from './form-templates';
import { splitPage } from './ui-schema';

type Values = Record<string, unknown>;

const TEMPLATES = { DescriptionFieldTemplate, TitleFieldTemplate };

export interface ParameterStepFormProps {
  /** The page's JSON schema as the template has it (with `ui:*` options inside). */
  readonly page: Record<string, unknown>;
  readonly values: Values;
  readonly serverErrors?: ErrorSchema;
  readonly onChange: (values: Values) => void;
  readonly onBack?: () => void;
  readonly onNext: (values: Values) => void;
  /** Prefix of the fields' ids, unique per page. */
  readonly idPrefix: string;
}

export default function ParameterStepForm({ page, values, serverErrors, onChange, onBack, onNext, idPrefix }: ParameterStepFormProps) {
  const { schema, uiSchema } = useMemo(() => splitPage(page), [page]);
  return (
    <Form
      schema={schema}
      uiSchema={uiSchema}
      formData={values}
      validator={validator}
      templates={TEMPLATES}
      transformErrors={transformErrors}
      idPrefix={idPrefix}
      {...(serverErrors ? { extraErrors: serverErrors } : {})}
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
      onChange={(e) => onChange((e.formData ?? {}) as Values)}
      onSubmit={(e) => onNext((e.formData ?? {}) as Values)}
      // Errors show next to their fields; without a handler RJSF also logs them to the console.
      onError={() => undefined}
    >
      <Box sx={{ display: 'flex', gap: 1, mt: 3 }}>
        <Button onClick={onBack} disabled={!onBack}>
          Back
        </Button>
        <Button type="submit" variant="contained">
          Next
        </Button>
      </Box>
    </Form>
  );
}
