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

// Coloured tags draw their text in step 7 of a palette on step 1; where step 7 is too light (green-7 on
// green-1 is 3.4:1), step 8 instead. antd names each step twice (`green7`, `green-7`) and writes both to
// the same CSS variable, so both are set.
const TAG_TEXT = Object.fromEntries(
  Object.entries({
    green: '#237804',
    orange: '#ad4e00',
    gold: '#874d00',
    cyan: '#006d75',
    lime: '#3f6600',
    volcano: '#ad2102',
  }).flatMap(([color, text]) => [
    [`${color}7`, text],
    [`${color}-7`, text],
  ]),
);

export const APP_THEME: ThemeConfig = {
  token: {
    colorPrimary: BLUE,
    // Between blue-6 and blue-7, so hovering still lightens the button and white on it stays 5.5:1.
    colorPrimaryHover: '#1c63d6',
    colorInfo: BLUE,
    colorLink: BLUE,
    // A link under the pointer or pressed stays dark enough to read (antd lightens hover to 2.8:1).
    colorLinkHover: '#1c63d6',
    colorLinkActive: '#003eb3',
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
    ...TAG_TEXT,
  },
  components: {
    // Status tags (success, warning) write their text in the status colour itself, on its tint: there the
    // text steps of the palettes, while icons, badges and progress bars elsewhere keep antd's brighter ones.
    Tag: { colorSuccess: '#237804', colorWarning: '#ad4e00' },
    // A table's 「暂无数据」-style line is drawn in the disabled grey (1.8:1); it is text to read.
    Table: { colorTextDisabled: DESCRIPTION_TEXT },
    // An unchecked switch writes its white label (关/否) on the track: antd's light grey track is 1.8:1.
    Switch: { colorTextQuaternary: '#595959', colorTextTertiary: '#434343' },
  },
};
