/** Entry point: Chinese locale everywhere, one query cache, and the app-wide reactions to 401 and 403. */
import 'dayjs/locale/zh-cn.js';
import { LoadingOutlined } from '@ant-design/icons';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/locale/zh_CN.js';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError, onUnauthenticated } from './api/client.ts';
import { ME_KEY } from './auth/useMe.ts';
import { router } from './routes.tsx';
import { APP_THEME } from './theme.ts';
import './a11y.css';

dayjs.locale('zh-cn');

type Locale = NonNullable<ConfigProviderProps['locale']>;
// antd ships its locales as CommonJS: depending on the interop the default import is the locale itself
// or a module object holding it in `default`.
const zhCN: Locale =
  (zhCNModule as unknown as { default?: Locale }).default ?? (zhCNModule as unknown as Locale);

/** A 403 while loading a page means the page is not for this account; a 403 on a button stays a message. */
function onQueryError(error: Error, meta: Record<string, unknown> | undefined): void {
  if (error instanceof ApiError && error.status === 403 && !meta?.quietForbidden) {
    void router.navigate('/403', { replace: true });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onQueryError(error, query.meta) }),
  mutationCache: new MutationCache(),
  defaultOptions: {
    queries: {
      // Retrying a 4xx only delays the message; retry once for network blips and 5xx.
      retry: (count, error) =>
        count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * A busy button's spinner. antd animates its own spinner out of the button, and when an answer came within
 * the frame of the click the animation never ran and never ended: the spinner stayed, unseen, and the
 * button was read out as "loading 保存" from then on. A spinner given here is simply shown while busy, and
 * named in Chinese.
 */
const BUTTON = { loadingIcon: <LoadingOutlined aria-label="正在处理" /> };

// The session ended (expired, logged out elsewhere): forget the account; RequireAuth then shows the login.
onUnauthenticated(() => {
  queryClient.setQueryData(ME_KEY, null);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={APP_THEME} button={BUTTON}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
