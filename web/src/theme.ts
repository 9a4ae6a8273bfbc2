/**
 * The app's antd theme: antd's own look, with every colour that carries text moved to a darker step of
 * antd's official palettes so it reads at 4.5:1 or better (WCAG 2 AA) on white and on antd's light greys.
 * antd's defaults fall short: grey descriptions 3.4:1, placeholders 1.8:1, links and white on the primary
 * blue 4.1:1, warning text 1.9:1, success text 2.3:1, white on the danger red 3.3:1.
 */
import type { ThemeConfig } from 'antd';

/** Grey for labels and descriptions drawn outside antd's components: 5.7:1 on white (antd's 0.45 is 3.4:1). */
export const DESCRIPTION_TEXT = 'rgba(0, 0, 0, 0.6)';

// antd blue-7, the pressed state of antd's default primary: white on it is 6.2:1, on its tint (#e6f4ff) 5.5:1.
const BLUE = '#0958d9';

export const APP_THEME: ThemeConfig = {
  token: {
    colorPrimary: BLUE,
    // Between blue-6 and blue-7, so hovering still lightens the button and white on it stays 5.5:1.
    colorPrimaryHover: '#1c63d6',
    colorInfo: BLUE,
    colorLink: BLUE,
    // Secondary and description text (Typography type="secondary", form help, table headers' sorters,
    // empty states, statistic titles): 5.6:1 on white and on #f5f5f5; antd's 0.45 black was 3.4:1.
    colorTextTertiary: DESCRIPTION_TEXT,
    colorTextDescription: DESCRIPTION_TEXT,
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Text in the status colours (Typography, form messages, statistic figures): green-8, orange-8, red-7.
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    colorErrorText: '#cf1322',
    // Red-7 for danger buttons and error tags (white on it 5.6:1), with antd's usual light red behind alerts.
    colorError: '#cf1322',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    // Coloured tags draw their text in step 7 on step 1; where step 7 is too light, use step 8.
    green7: '#237804',
    orange7: '#ad4e00',
    gold7: '#874d00',
    cyan7: '#006d75',
    lime7: '#3f6600',
    volcano7: '#ad2102',
  },
};
