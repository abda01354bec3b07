import { useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';

import type { RowsProps } from './Rows.tsx';

const SPACER = { padding: 0, border: 0 } as const;

/**
 * Window-scrolled virtual rows inside a real <tbody>: the page keeps its normal scroll, spacer rows stand in for
 * what is off screen. Its own chunk: @tanstack/react-virtual is only downloaded once a long list is shown.
 */
export default function VirtualRowsImpl({
  count,
  columns,
  estimate = 53,
  fixed = false,
  sizeOf,
  renderRow,
}: RowsProps) {
  const topRef = useRef<HTMLTableRowElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const top = (topRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setScrollMargin((m) => (Math.abs(m - top) > 1 ? top : m));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  // fixed rows cost nothing to measure: fewer rows kept beyond the screen
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: sizeOf ?? (() => estimate),
    overscan: fixed ? 6 : 12,
    scrollMargin,
    // the window as it is now: without it the first render (the user's first scroll or key) has no rows at all
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    initialOffset: () => window.scrollY,
  });
  // a row expanded or collapsed: the known sizes changed
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, sizeOf]);
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first ? Math.max(0, first.start - scrollMargin) : 0;
  const paddingBottom = last ? Math.max(0, virtualizer.getTotalSize() - (last.end - scrollMargin)) : 0;
  return (
    <>
      {/* Spacer heights change every scroll frame: inline styles, not sx (each new height would be a new emotion
          class, a rule inserted into the document's style sheet and a style recalculation of the whole page). */}
      <tr ref={topRef} aria-hidden>
        <td colSpan={columns} style={{ ...SPACER, height: paddingTop }} />
      </tr>
      {items.map((item) => renderRow(item.index, fixed ? undefined : virtualizer.measureElement))}
      {paddingBottom > 0 && (
        <tr aria-hidden>
          <td colSpan={columns} style={{ ...SPACER, height: paddingBottom }} />
        </tr>
      )}
    </>
  );
}
