/**
 * A template's form (`/templates/:namespace/:name`): its parameter pages as a stepper (one form
 * per page, validated before "Next"), a review of the values, and "Create", which starts a task
 * and opens it. The server's 400 `{errors}` go next to their fields and into a list.
 */
import { Alert, Box, Button, Link, Paper, Step, StepLabel, Stepper, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../app/use-api';
import { Markdown } from '../../components/Markdown';
import { ErrorState, Loading } from '../../components/PageStates';
import { ReviewValues } from './ReviewValues';
import { errorSchemaOf, isValueErrorList, placeErrors, type PlacedError } from './value-errors';
import { ValueErrorList } from './ValueErrorList';

const ParameterStepForm = lazy(() => import('./ParameterStepForm'));

/** `GET /v2/templates/:namespace/template/:name/parameter-schema` */
interface ParameterSchema {
  readonly title: string;
  readonly description?: string;
  readonly steps: readonly { title: string; description?: string; schema: Record<string, unknown> }[];
}

type Values = Record<string, unknown>;

export default function TemplateRunPage() {
  const { namespace = 'default', name = '' } = useParams();
  const navigate = useNavigate();
  const templateRef = `template:${namespace}/${name}`;
  const loaded = useApi(`template-schema:${templateRef}`, (signal) =>
    api<ParameterSchema>(`/api/scaffolder/v2/templates/${encodeURIComponent(namespace)}/template/${encodeURIComponent(name)}/parameter-schema`, { signal }),
  );
  const [active, setActive] = useState(0);
  const [values, setValues] = useState<Values>({});
  const [placed, setPlaced] = useState<PlacedError[]>([]);
  const [problem, setProblem] = useState<string>();
  const [creating, setCreating] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Keyboard and screen reader users land on the new step's heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [active]);

  if (!loaded.data) {
    if (loaded.error) {
      const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
      return <ErrorState error={loaded.error} title={missing ? `There is no template ${templateRef}` : 'Cannot load the template'} {...(missing ? {} : { onRetry: loaded.reload })} />;
    }
    return <Loading label="Loading the template…" />;
  }

  const schema = loaded.data;
  const pages = schema.steps;
  const reviewing = active >= pages.length;
  const page = pages[Math.min(active, pages.length - 1)];

  const changePage = (i: number, next: Values) => {
    if (JSON.stringify(next) === JSON.stringify(values)) return;
    setValues(next);
    if (placed.some((p) => p.page === i)) setPlaced((list) => list.filter((p) => p.page !== i));
  };

  const create = async () => {
    setCreating(true);
    setProblem(undefined);
    setPlaced([]);
    try {
      const { id } = await api<{ id: string }>('/api/scaffolder/v2/tasks', { body: { templateRef, values } });
      void navigate(`/tasks/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && isValueErrorList(e.details)) setPlaced(placeErrors(e.details, pages));
      else setProblem(`The task could not be created: ${(e as Error).message}`);
      setCreating(false);
    }
  };

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 960 }}>
      <Link component={RouterLink} to="/templates" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, width: 'fit-content' }}>
        <ArrowBackIcon fontSize="small" aria-hidden />
        All templates
      </Link>
      <div>
        <Typography variant="h4" component="h1">
          {schema.title}
        </Typography>
        {schema.description && (
          <Box sx={{ color: 'text.secondary' }}>
            <Markdown source={schema.description} />
          </Box>
        )}
      </div>
      <Stepper activeStep={active} aria-label="Steps of the form" sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {pages.map((p, i) => (
          <Step key={i} completed={i < active}>
            <StepLabel error={placed.some((e) => e.page === i)}>{p.title}</StepLabel>
          </Step>
        ))}
        <Step key="review">
          <StepLabel>Review</StepLabel>
        </Step>
      </Stepper>
      <Paper sx={{ p: 3 }}>
        {!reviewing && page ? (
          <>
            <Typography variant="h5" component="h2" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
              {page.title}
            </Typography>
            {page.description && (
              <Box sx={{ color: 'text.secondary', mb: 1 }}>
                <Markdown source={page.description} />
              </Box>
            )}
            <Suspense fallback={<Loading label="Loading the form…" />}>
              <ParameterStepForm
                key={active}
                idPrefix={`page${active}`}
                page={page.schema}
                values={values}
                {...(errorSchemaOf(placed, active) ? { serverErrors: errorSchemaOf(placed, active)! } : {})}
                onChange={(v) => changePage(active, v)}
                {...(active > 0 ? { onBack: () => setActive(active - 1) } : {})}
                onNext={(v) => {
                  setValues(v);
                  setActive(active + 1);
                }}
              />
            </Suspense>
          </>
        ) : (
          <>
            <Typography variant="h5" component="h2" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
              Review
            </Typography>
            <Typography color="text.secondary">Check the values, then create. You can follow the task as it runs.</Typography>
            <ReviewValues pages={pages} values={values} />
            {placed.length > 0 && <ValueErrorList errors={placed} pageTitles={pages.map((p) => p.title)} onGoTo={setActive} />}
            {problem && (
              <Alert severity="error" role="alert" sx={{ my: 2 }}>
                {problem}
              </Alert>
            )}
            <Box sx={{ display: 'flex', gap: 1, mt: 3 }}>
              <Button onClick={() => setActive(Math.max(0, pages.length - 1))} disabled={pages.length === 0 || creating}>
                Back
              </Button>
              <Button variant="contained" onClick={() => void create()} disabled={creating} loading={creating} loadingPosition="start">
                Create
              </Button>
            </Box>
          </>
        )}
      </Paper>
    </Box>
  );
}
