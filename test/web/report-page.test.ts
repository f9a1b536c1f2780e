import { describe, expect, it } from 'vitest';
import { renderReportPage } from '../../src/web/views/report-page.js';
import { HOSTILE_NAME, HOSTILE_TEXT, hostileReport } from './report-fixture.js';

describe('HTML report page', () => {
  it('is one self-contained page: ECharts, data and styles inline, nothing fetched', async () => {
    const html = renderReportPage(await hostileReport(), 'zh-CN');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('name="viewport"');
    expect(html).toMatch(/echarts/);
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html.length - markup.length).toBeGreaterThan(1_000_000);
    expect(html).toContain('每日消息');
  });

  it('escapes every chat text: names, questions, the room name', async () => {
    const html = renderReportPage(await hostileReport(), 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Messages per day');
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toContain(HOSTILE_TEXT);
    expect(html).not.toContain('<b>注入</b>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;');
    expect(html).toContain('OSSChat &lt;开发者群&gt;');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });
});
