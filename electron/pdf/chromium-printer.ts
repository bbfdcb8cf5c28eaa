import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, findBrowser, howToGetABrowser } from '../chromium-shell/find-browser';
import type { PrintToPdf } from '../handlers/host';

/**
 * Chromium's print engine through Playwright (`page.pdf()`), standing in for
 * Electron's `webContents.printToPDF` in the harness and the command line.
 * One headless browser is started on first use and reused.
 */
export function createChromiumPrinter(projectRoot: string): PrintToPdf & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  const start = () => {
    const found = findBrowser({ platform: process.platform, env: process.env, projectRoot });
    if (!found || found.kind !== 'chromium') throw new Error(`Printing needs Chromium or Chrome. ${howToGetABrowser}`);
    return chromium.launch({ executablePath: found.path, headless: true, args: chromiumArgs });
  };
  const print = (async (html: string, options: Parameters<PrintToPdf>[1]) => {
    browser ??= start();
    const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: options.paper === 'Letter' ? 'Letter' : 'A4',
        printBackground: true,
        // Tagged (a structure tree screen readers follow) with an outline (bookmarks from the parts' headings).
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margin: { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' },
      });
    } finally {
      await context.close();
    }
  }) as unknown as PrintToPdf & { close(): Promise<void> };
  print.close = async () => {
    if (browser) await (await browser).close();
    browser = null;
  };
  return print;
}
