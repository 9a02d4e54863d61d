import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { nonceScriptInsertedStyles } from './csp-nonce';
import { ConsoleRoutes } from './routes';
import './console.css';

dayjs.locale('zh-cn');

/**
 * System Chinese fonts; colours dark enough for WCAG 2.1 AA text contrast (4.5:1) on white and on the light tints
 * Ant Design derives from them (its default blue #1677ff reaches only about 4:1).
 */
const THEME = {
  fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Hiragino Sans GB', sans-serif",
  colorPrimary: '#0958d9',
  colorInfo: '#0958d9',
  colorLink: '#0958d9',
  colorSuccess: '#237804',
  // The tint Ant Design would derive from the dark green is grey (#adb8a5): 2.7:1 under the green text of a success tag.
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarning: '#ad4e00',
  colorError: '#cf1322',
  colorTextPlaceholder: '#707070',
  colorTextDescription: '#595959',
  colorTextTertiary: '#595959',
  colorTextQuaternary: '#707070',
};

// The service puts a fresh nonce into each page it serves; Ant Design's runtime <style> elements carry it (CSP).
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
if (nonce) nonceScriptInsertedStyles(nonce);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      csp={nonce ? { nonce } : undefined}
      // 「提交」, not 「提 交」: screen readers and the accessible name read the word as written.
      button={{ autoInsertSpace: false }}
      theme={{ token: THEME }}
    >
      <AntApp>
        <BrowserRouter>
          <ConsoleRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
