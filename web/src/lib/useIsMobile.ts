import { Grid } from 'antd';

/** Phones and narrow tablets (below antd's `md`, 768 px): drawer navigation and card lists. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; assume desktop, as antd does.
  return screens.md === false;
}
