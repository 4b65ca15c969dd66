// The documentation pages in a real headless browser (a .ci/run step, through .ci/with-server.sh):
//   bash .ci/with-server.sh node .ci/docs-browser.mjs
// Debian's Chromium (CHROMIUM, default /usr/bin/chromium) driven by playwright-core. It proves that
// `/docs` renders the REST route list from `/openapi.json` with the server's own assets (every request
// off the server is blocked and fails the check), with no console error, and that `/docs/trpc` lists the
// procedures. Fails (exit 1) otherwise; the browser and its profile are removed whatever happens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.MATHAKINE_URL;
if (!base) throw new Error('MATHAKINE_URL is not set (run through .ci/with-server.sh)');
const origin = new URL(base).origin;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const profile = mkdtempSync(path.join(tmpdir(), 'docs-chromium-'));
const TIMEOUT_MS = 120_000;

const problems = [];
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const document = await (await fetch(`${base}/openapi.json`)).json();
  const operations = Object.entries(document.paths).flatMap(([route, item]) =>
    Object.keys(item).map((method) => ({ method, route, summary: item[method].summary })),
  );

  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT_MS);
  // Only the server itself may be reached: anything else is a CDN, a font or telemetry.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    problems.push(`request off the server: ${url}`);
    return route.abort();
  });
  let validationReport = false;
  page.on('console', async (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (message.type() !== 'warning') return;
    // Scalar reports the parts of the document it cannot read as two warnings (a title, then the
    // list of `{ path, message }`), and renders those parts as nothing.
    if (/validation error/i.test(message.text())) {
      validationReport = true;
      problems.push('the reference could not read all of /openapi.json');
    } else if (validationReport) {
      const [errors] = await Promise.all(
        message.args().map((a) => a.jsonValue().catch(() => null)),
      );
      for (const e of Array.isArray(errors) ? errors : [])
        problems.push(`  ${e.path}: ${e.message}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin)) problems.push(`failed: ${request.url()}`);
  });

  // The REST reference: Scalar lists every operation (all tags open) once the document is loaded.
  const response = await page.goto(`${base}/docs`, { waitUntil: 'load' });
  if (response?.status() !== 200) problems.push(`/docs answered ${response?.status()}`);
  const last = operations.at(-1);
  if (!last) throw new Error('/openapi.json has no operation');
  await page.getByText(last.summary, { exact: true }).first().waitFor({ state: 'attached' });
  const text = await page.locator('body').innerText();
  const missing = operations.filter((o) => !text.includes(o.summary));
  console.log(
    `/docs: ${operations.length - missing.length}/${operations.length} operations listed`,
  );
  for (const o of missing)
    problems.push(`/docs does not list ${o.method.toUpperCase()} ${o.route}`);

  // The typed API page.
  const trpc = await page.goto(`${base}/docs/trpc`, { waitUntil: 'load' });
  if (trpc?.status() !== 200) problems.push(`/docs/trpc answered ${trpc?.status()}`);
  const procedures = await page.locator('tbody tr').count();
  console.log(`/docs/trpc: ${procedures} procedures listed`);
  if (procedures < 10) problems.push(`/docs/trpc lists ${procedures} procedures`);
  if (!(await page.getByText('createMathakineClient').first().isVisible())) {
    problems.push('/docs/trpc does not show how to create the client');
  }
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`docs in Chromium: FAILED\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('docs in Chromium: OK (no console error, nothing loaded from outside the server)');
