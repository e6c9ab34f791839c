/**
 * RJSF (MUI theme) overrides for the run form, for screen readers: section titles are h3 (the page
 * has its h1 and the step its h2), descriptions are text (the theme makes them h6 headings), and text inputs and selects point at their errors, description
 * and help with `aria-describedby` on the focusable element itself (the MUI theme puts it on the
 * wrapper, where assistive technology does not read it).
 */
import { Box, Divider, Typography } from '@mui/material';
import { RichDescription } from '@rjsf/core';
import { Templates, Widgets } from '@rjsf/mui';
import { ariaDescribedByIds, type BaseInputTemplateProps, type DescriptionFieldProps, type TitleFieldProps, type WidgetProps } from '@rjsf/utils';

export function TitleFieldTemplate({ id, title, required, optionalDataControl }: TitleFieldProps) {
  return (
    <Box id={id} sx={{ mt: 1, mb: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
          {title}
          {required ? <span aria-hidden> *</span> : null}
        </Typography>
        {optionalDataControl}
      </Box>
      <Divider />
    </Box>
  );
}

export function DescriptionFieldTemplate({ id, description, registry, uiSchema }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <Typography id={id} variant="body2" component="div" color="text.secondary" sx={{ mt: 0.625 }}>
      <RichDescription description={description} registry={registry} uiSchema={uiSchema} />
    </Typography>
  );
}

const MuiBaseInput = Templates.BaseInputTemplate!;

export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const slotProps = (props.slotProps ?? {}) as { htmlInput?: Record<string, unknown> };
  const describedBy = ariaDescribedByIds(props.id, !!props.schema.examples);
  return <MuiBaseInput {...props} slotProps={{ ...slotProps, htmlInput: { ...slotProps.htmlInput, 'aria-describedby': describedBy } }} />;
}

const MuiSelect = Widgets.SelectWidget;

type Slots = { rjsfSlotProps?: { select?: { SelectDisplayProps?: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown> };

export function SelectWidget(props: WidgetProps) {
  const mui = (props.options.mui ?? {}) as Slots;
  const slots = mui.rjsfSlotProps ?? {};
  const select = slots.select ?? {};
  const options = {
    ...props.options,
    mui: { ...mui, rjsfSlotProps: { ...slots, select: { ...select, SelectDisplayProps: { ...select.SelectDisplayProps, 'aria-describedby': ariaDescribedByIds(props.id) } } } },
  };
  return <MuiSelect {...props} options={options} />;
}
