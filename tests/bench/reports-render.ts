// The Reports screen in a real browser against the benchmark's pharmacy: from the moment the
// report data has arrived (the fetch's responseEnd) to the moment every chart is drawn (all 11
// chart surfaces in the page, then the next frame painted). Needs the built renderer and Chromium;
// says why and measures nothing when either is missing.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startBridgeServer } from '../../main/bridge/server';
import type { Session } from '../../main/security/session';
import { CHROMIUM_ARGS } from '../../playwright.config';

const STATIC_DIR = resolve(import.meta.dirname, '../../dist/renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function reportsRenderTimes(
  session: Session,
  login: { username: string; password: string },
  runs: number,
): Promise<number[] | string> {
  if (!existsSync(resolve(STATIC_DIR, 'index.html'))) return 'renderer not built (npm run build:renderer)';
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  const server = await startBridgeServer({ session, staticDir: STATIC_DIR, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}#token=${server.token}`);
    const username = page.getByLabel('Username');
    const today = page.getByRole('heading', { name: 'Today' });
    await username.or(today).first().waitFor();
    if (await username.isVisible()) {
      await username.fill(login.username);
      await page.getByLabel('Password').fill(login.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await today.waitFor();
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await page.keyboard.press('Alt+d');
      await today.waitFor();
      // Watch the page itself, so the figure carries no test-driver polling delay.
      const painted = page.evaluate(
        () =>
          new Promise<number>((done) => {
            performance.clearResourceTimings();
            // No named functions in here: tsx would wrap them in a helper the page does not have.
            const observer = new MutationObserver(() => {
              const cards = [...document.querySelectorAll('.report-chart')];
              if (!cards.length || cards.some((c) => !c.querySelector('svg.recharts-surface .recharts-bar'))) return;
              observer.disconnect();
              requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())));
            });
            observer.observe(document.body, { childList: true, subtree: true });
          }),
      );
      await page.keyboard.press('Alt+o');
      const end = await painted;
      const arrived = await page.evaluate(() => {
        const entries = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('reports:summary')) as PerformanceResourceTiming[];
        return entries.at(-1)!.responseEnd;
      });
      // The first run warms the bundle's chart code.
      if (i > 0) times.push(end - arrived);
    }
    return times;
  } finally {
    await browser.close();
    await server.close();
  }
}
