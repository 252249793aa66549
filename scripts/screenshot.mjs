// Screenshots of the page for looking at it (and for the README):
//   node scripts/screenshot.mjs OUT.png [width] [dpr] [zh|en] [light|dark] [query]
import { launch, openLab } from '../tests/browser.mjs';

const [out = 'shot.png', width = '1280', dpr = '1', lang = 'zh', scheme = 'light', query = ''] = process.argv.slice(2);
const env = await launch();
try {
  const { page, errors } = await openLab(env, {
    width: Number(width), height: 900, dpr: Number(dpr),
    locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme: scheme, query,
  });
  if (process.env.TRAIN) {
    await page.evaluate((n) => { window.sigmoidLab.lab.train_epochs(n); window.sigmoidLab.request(); }, Number(process.env.TRAIN));
    await page.waitForTimeout(100);
  }
  // The axes' images under the data (a frame of their own after the first paint).
  await page.evaluate(() => window.sigmoidLab?.axesSettled?.());
  await page.screenshot({ path: out, fullPage: !process.env.VIEWPORT_ONLY, type: out.endsWith('.jpg') ? 'jpeg' : 'png', quality: out.endsWith('.jpg') ? 80 : undefined });
  if (errors.length) console.error('console errors:', errors);
} finally {
  await env.close();
}
