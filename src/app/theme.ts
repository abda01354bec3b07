import { createTheme } from '@mui/material/styles';
import { ON_PHONE } from '../components/use-phone.ts';

// Touch targets on a phone: at least 44 × 44 CSS pixels (WCAG 2.5.5, Apple's HIG). The buttons inside text fields
// (an Autocomplete's open/clear) are part of a field that is already that tall.
const touchTarget = { [ON_PHONE]: { minHeight: 44 } };
const touchIcon = { [`${ON_PHONE}`]: { minWidth: 44, minHeight: 44 } };

/**
 * Light and dark palettes, switched with a class on <html>: the mode follows the system until the user picks one
 * with the app bar's toggle (MUI keeps that choice in localStorage).
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        // darker than MUI's defaults so that text in these colours (chips, outlined buttons) meets WCAG AA
        primary: { main: '#0b5cad' },
        info: { main: '#0b5cad' },
        success: { main: '#1b6e20' },
        warning: { main: '#8a4b00' },
        error: { main: '#b3261e' },
        background: { default: '#f5f7fa' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#7ab8ff' },
        // a filled Reject (the bulk and "several items" confirmations): dark text on MUI's red meets AA, white did not
        error: { main: '#f44336', contrastText: 'rgba(0, 0, 0, 0.87)' },
        background: { default: '#0f1419', paper: '#161c23' },
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    // page headings: a long work-item name takes two lines on a phone, not four
    h4: { [ON_PHONE]: { fontSize: '1.625rem' } },
  },
  components: {
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { textTransform: 'none', ...touchTarget } },
    },
    MuiIconButton: {
      styleOverrides: {
        root: { '&:not(.MuiAutocomplete-popupIndicator):not(.MuiAutocomplete-clearIndicator)': touchIcon },
      },
    },
  },
});
