// Takes the README's screenshot: the page with the sample article summarized, in headless Chromium.
//   node tests/browser/screenshot.mjs [docs/screenshot.png]
// Needs what the browser tests need: the built Wasm in www/pkg and Debian's chromium.

import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { openPage, repoRoot, startEnvironment } from "./harness.mjs";

const output = resolve(repoRoot, process.argv[2] ?? "docs/screenshot.png");
const environment = await startEnvironment();
try {
  const session = await openPage(environment, { viewport: { width: 1280, height: 1400 } });
  const { page } = session;
  // Show one sentence's reasons, as a reader exploring the summary would.
  await page.locator("#summary > li").first().locator("details.why > summary").click();
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  await session.close();
  console.log(`screenshot: ${output}`);
} finally {
  await environment.close();
}
