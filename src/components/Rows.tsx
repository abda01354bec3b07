import { lazy, Suspense, useEffect, useState, type ReactNode, type Ref } from 'react';

/** Above this many rows a table renders only the rows on screen (plus overscan). */
export const VIRTUALIZE_FROM = 60;

/** A long list's rows before the virtualiser is loaded: more than a tall screen holds. */
const FIRST_ROWS = 30;

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

// @tanstack/react-virtual is only downloaded once a long list is scrolled or keyed through: the first screen of a
// long list is its first rows and a spacer as tall as the rest, which is all a user sees until they move.
const VirtualRows = lazy(() => import('./VirtualRows.tsx'));

/** Once wanted, wanted for good: every later long list renders virtual rows at once. */
let virtualiserWanted = false;
const MOVES = ['scroll', 'keydown', 'wheel', 'touchmove'] as const;

function useVirtualiserWanted(): boolean {
  const [wanted, setWanted] = useState(virtualiserWanted);
  useEffect(() => {
    if (wanted) return;
    const want = () => {
      virtualiserWanted = true;
      setWanted(true);
    };
    const options = { capture: true, passive: true } as const;
    for (const move of MOVES) window.addEventListener(move, want, options);
    return () => {
      for (const move of MOVES) window.removeEventListener(move, want, options);
    };
  }, [wanted]);
  return wanted;
}

function FirstRows({ count, columns, estimate = 53, sizeOf, renderRow }: RowsProps) {
  const shown = Math.min(FIRST_ROWS, count);
  let rest = 0;
  for (let i = shown; i < count; i++) rest += sizeOf ? sizeOf(i) : estimate;
  return (
    <>
      {Array.from({ length: shown }, (_, i) => renderRow(i))}
      {rest > 0 && (
        <tr aria-hidden>
          <td colSpan={columns} style={{ padding: 0, border: 0, height: rest }} />
        </tr>
      )}
    </>
  );
}

/** All rows for short lists; virtual rows for long ones (their first rows until the user moves). */
export function Rows(props: RowsProps) {
  if (props.count <= VIRTUALIZE_FROM) {
    return <>{Array.from({ length: props.count }, (_, i) => props.renderRow(i))}</>;
  }
  return <LongRows {...props} />;
}

function LongRows(props: RowsProps) {
  if (!useVirtualiserWanted()) return <FirstRows {...props} />;
  return (
    <Suspense fallback={<FirstRows {...props} />}>
      <VirtualRows {...props} />
    </Suspense>
  );
}
