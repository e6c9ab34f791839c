/**
 * The run form: a workflow's input schema rendered by RJSF (MUI theme) as a wizard. One step per
 * top-level object property when every property is an object, else one step; then a Review step
 * with every value, and Run. Next validates the step (errors inline, live once Next was pressed);
 * fields the server rejects on Run are listed on the Review step and shown at their inputs.
 */
import { Alert, Box, Button, CircularProgress, Step, StepLabel, Stepper, Typography } from '@mui/material';
import type RjsfForm from '@rjsf/core';
import Form from '@rjsf/mui';
import { getDefaultFormState, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormErrorBoundary } from './FormErrorBoundary';
import { isObject, type JsonSchema } from './json-schema';
import { ReviewStep } from './ReviewStep';
import { describeRunError, type RunErrorDescription } from './run-errors';
import { RunErrorAlert } from './RunErrorAlert';
import { extraErrorsOf, fieldIdOf, stepOfPointer } from './server-field-errors';
import { formRootSchema, splitSteps } from './steps';
import { BaseInputTemplate, DescriptionFieldTemplate, SelectWidget, TitleFieldTemplate } from './templates';
import { extractUiSchema, supportedUiSchema } from './ui-schema';
import { friendlyErrors } from './validation-messages';

export type FormData = Record<string, unknown>;

export interface SchemaFormProps {
  /** The workflow's input schema, `ui:*` keys inline. */
  readonly schema: JsonSchema;
  /** Values to start from (e.g. a previous run's input). */
  readonly initialData?: FormData;
  /** Starts the run; a rejection is shown on the Review step. */
  readonly onRun: (data: FormData) => Promise<void>;
  /** When set, Run is disabled and this says why. */
  readonly runDisabledReason?: string;
}

const TEMPLATES = { TitleFieldTemplate, DescriptionFieldTemplate, BaseInputTemplate };
const WIDGETS = { SelectWidget };

export function SchemaForm({ schema, initialData, onRun, runDisabledReason }: SchemaFormProps) {
  const { uiSchema, replaced } = useMemo(() => supportedUiSchema(extractUiSchema(schema)), [schema]);
  const root = useMemo(() => formRootSchema(schema), [schema]);
  const steps = useMemo(() => splitSteps(schema, uiSchema), [schema, uiSchema]);
  const [data, setData] = useState<FormData>(() => {
    const filled = getDefaultFormState(validator, root as RJSFSchema, initialData ?? {}, root as RJSFSchema);
    return isObject(filled) ? filled : {};
  });
  const [active, setActive] = useState(0);
  const [attempted, setAttempted] = useState<ReadonlySet<number>>(new Set());
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<RunErrorDescription>();
  const [serverFieldErrors, setServerFieldErrors] = useState(false);
  const formRef = useRef<RjsfForm>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterMove = useRef<string | null>(null);
  const moved = useRef(false);

  const reviewIndex = steps.length;
  const onReview = active >= reviewIndex;
  const step = onReview ? undefined : steps[active];

  // After moving between steps: focus the field asked for, else the step's heading.
  useEffect(() => {
    if (!moved.current) return;
    const id = focusAfterMove.current;
    focusAfterMove.current = null;
    const field = id ? document.getElementById(id) : null;
    (field ?? headingRef.current)?.focus();
  }, [active]);

  const goTo = (index: number, focusId?: string) => {
    moved.current = true;
    focusAfterMove.current = focusId ?? null;
    setActive(index);
  };

  const keep = (stepData: unknown, key: string | undefined) => {
    const values = isObject(stepData) ? stepData : {};
    const same = key === undefined ? JSON.stringify(values) === JSON.stringify(data) : JSON.stringify(values[key]) === JSON.stringify(data[key]);
    if (same) return;
    if (serverFieldErrors) setServerFieldErrors(false);
    setData((d) => {
      if (key === undefined) return { ...values };
      const next: FormData = { ...d, [key]: values[key] };
      if (values[key] === undefined) delete next[key];
      return next;
    });
  };

  const run = async () => {
    setRunning(true);
    setRunError(undefined);
    setServerFieldErrors(false);
    try {
      await onRun(data);
    } catch (err) {
      const described = describeRunError(err, schema);
      setRunError(described);
      setServerFieldErrors(described.problems.some((p) => p.pointer !== ''));
    } finally {
      setRunning(false);
    }
  };

  // A step's object is always there (even when the root does not require it), so the fields it requires are required.
  const stepData = step?.key === undefined ? data : { [step.key]: data[step.key] ?? {} };
  const extraErrors = step && serverFieldErrors && runError ? extraErrorsOf(runError.problems, step.key) : undefined;

  return (
    <Box>
      {replaced.length > 0 && (
        <Alert severity="info" role="note" sx={{ mb: 2 }}>
          This form asks for widgets the portal does not have ({replaced.join(', ')}); plain inputs are shown instead.
        </Alert>
      )}
      <Stepper activeStep={active} aria-label="Form steps" sx={{ mb: 3, flexWrap: 'wrap', rowGap: 1 }}>
        {steps.map((s, i) => (
          <Step key={s.key ?? 'input'} completed={i < active}>
            <StepLabel>{s.title}</StepLabel>
          </Step>
        ))}
        <Step key="review">
          <StepLabel>Review</StepLabel>
        </Step>
      </Stepper>

      <Typography variant="h5" component="h2" ref={headingRef} tabIndex={-1} sx={{ outline: 'none', mb: 0.5 }}>
        {step ? step.title : 'Review'}
      </Typography>
      {step?.description && (
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {step.description}
        </Typography>
      )}
      {onReview && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          Check the values, then run the workflow.
        </Typography>
      )}

      {step && (
        <FormErrorBoundary>
          <Form
            key={active}
            ref={formRef}
            schema={step.schema as RJSFSchema}
            uiSchema={step.uiSchema as UiSchema}
            formData={stepData}
            validator={validator}
            templates={TEMPLATES}
            widgets={WIDGETS}
            transformErrors={(errors) => friendlyErrors(errors, stepData)}
            showErrorList={false}
            noHtml5Validate
            focusOnFirstError
            {...(attempted.has(active) ? { liveValidate: 'onChange' as const } : {})}
            {...(extraErrors ? { extraErrors } : {})}
            onChange={(e) => keep(e.formData, step.key)}
            onError={() => setAttempted((s) => new Set(s).add(active))}
            onSubmit={(e) => {
              keep(e.formData, step.key);
              goTo(active + 1);
            }}
          >
            <Box sx={{ display: 'flex', gap: 1, mt: 3 }}>
              {active > 0 && (
                <Button type="button" variant="outlined" onClick={() => goTo(active - 1)}>
                  Back
                </Button>
              )}
              <Button type="submit" variant="contained">
                {active === reviewIndex - 1 ? 'Review' : 'Next'}
              </Button>
            </Box>
          </Form>
        </FormErrorBoundary>
      )}

      {onReview && (
        <>
          <ReviewStep steps={steps} data={data} schema={root} uiSchema={uiSchema} onEdit={(i) => goTo(i)} />
          {runError && (
            <RunErrorAlert
              error={runError}
              onEdit={(pointer) => goTo(stepOfPointer(steps.map((s) => s.key), pointer), fieldIdOf(pointer))}
            />
          )}
          {runDisabledReason && (
            <Alert severity="warning" role="note" sx={{ my: 2 }}>
              {runDisabledReason}
            </Alert>
          )}
          <Box sx={{ display: 'flex', gap: 1, mt: 3 }}>
            {steps.length > 0 && (
              <Button type="button" variant="outlined" onClick={() => goTo(reviewIndex - 1)} disabled={running}>
                Back
              </Button>
            )}
            <Button
              type="button"
              variant="contained"
              onClick={() => void run()}
              disabled={running || runDisabledReason !== undefined}
              aria-busy={running}
              startIcon={running ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
            >
              Run
            </Button>
          </Box>
        </>
      )}
    </Box>
  );
}
