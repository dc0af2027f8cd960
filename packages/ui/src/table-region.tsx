import type { ReactNode } from "react";

/**
 * A labelled region around a wide table. On phones the table scrolls sideways inside it,
 * so the region must be reachable by keyboard to be scrolled (axe: scrollable-region-focusable,
 * WCAG 2.1.1). The one place in the kit that puts a non-interactive element in the tab order.
 */
export function TableRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled by keyboard.
    <section className="kk-table-wrap" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
