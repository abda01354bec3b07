import { lazy } from 'react';

// The dialog (react-hook-form, MUI's Dialog and Autocomplete, the identity search) is only needed once someone
// forwards: its own chunk, fetched early when the pointer or focus reaches a Forward button.
export const loadForwardDialog = () => import('../ForwardDialog.tsx');
export const LazyForwardDialog = lazy(loadForwardDialog);
