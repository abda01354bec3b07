// A kind's row panel (what a row shows expanded in place) as a lazy component, made once per kind.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { InboxKind, RowPanelProps } from '../../../lib/kinds/kind.ts';
import { loadWhenOnline } from '../../../lib/online.ts';

const panels = new WeakMap<InboxKind, LazyExoticComponent<ComponentType<RowPanelProps>>>();

/** Undefined when the kind has no panel: the list says so instead. */
export function rowPanelOf(kind: InboxKind | undefined): LazyExoticComponent<ComponentType<RowPanelProps>> | undefined {
  if (!kind?.loadRowPanel) return undefined;
  let panel = panels.get(kind);
  if (!panel) {
    const load = kind.loadRowPanel;
    panel = lazy(async () => ({ default: await loadWhenOnline(load) }));
    panels.set(kind, panel);
  }
  return panel;
}
