/**
 * A region that scrolls sideways on a narrow screen (a wide table on a phone), reachable by keyboard:
 * focusable and named, so the arrow keys scroll it and a screen reader says what it holds (WCAG 2.1.1).
 */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard.
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </section>
  );
}
