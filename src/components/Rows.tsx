import { lazy, Suspense, type ReactNode, type Ref } from 'react';

/** Above this many rows a table renders only the rows on screen (plus overscan). */
export const VIRTUALIZE_FROM = 60;

export type RenderRow = (index: number, measure?: Ref<HTMLTableRowElement>) => ReactNode;

export interface RowsProps {
  count: number;
  columns: number;
  estimate?: number;
  /** Every row is exactly `estimate` pixels high: nothing is measured while scrolling. */
  fixed?: boolean;
  /** A row of another known height (a fixed list's row expanded in place); default `estimate`. */
  sizeOf?: (index: number) => number;
  renderRow: RenderRow;
}

// @tanstack/react-virtual is only downloaded once a long list is shown.
const VirtualRows = lazy(() => import('./VirtualRows.tsx'));

/** All rows for short lists; virtual rows for long ones (the first rows show while the virtualiser loads). */
export function Rows(props: RowsProps) {
  if (props.count <= VIRTUALIZE_FROM) {
    return <>{Array.from({ length: props.count }, (_, i) => props.renderRow(i))}</>;
  }
  return (
    <Suspense fallback={<>{Array.from({ length: Math.min(30, props.count) }, (_, i) => props.renderRow(i))}</>}>
      <VirtualRows {...props} />
    </Suspense>
  );
}
