/** The portal's MUI theme: Backstage's light palette and density, so Backstage users feel at home. */
import { createTheme } from '@mui/material/styles';

export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#1F5493' },
    secondary: { main: '#6d28d9' },
    background: { default: '#F8F8F8' },
    navigation: undefined,
  } as never,
  typography: { fontFamily: 'Roboto, "Helvetica Neue", Arial, sans-serif', h4: { fontWeight: 700 }, h5: { fontWeight: 700 } },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: false } },
    MuiPaper: { defaultProps: { variant: 'outlined' } },
  },
});
