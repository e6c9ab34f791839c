/**
 * The portal's MUI theme: Backstage's light palette and density, so Backstage users feel at home,
 * and a visible ring around whatever has the keyboard's focus.
 */
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
    MuiButtonBase: {
      defaultProps: { disableRipple: false },
      // MUI shows keyboard focus with a faint ripple or tint only, hard to see: a ring as well.
      styleOverrides: { root: { '&.Mui-focusVisible': { outline: '2px solid #1F5493', outlineOffset: 2 } } },
    },
    // Tabs clip what lies outside them: the ring goes inside.
    MuiTab: { styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: -2 } } } },
    // On the blue bar the ring is white.
    MuiAppBar: { styleOverrides: { root: { '& .MuiButtonBase-root.Mui-focusVisible': { outlineColor: '#fff' } } } },
    MuiPaper: { defaultProps: { variant: 'outlined' } },
  },
});
