// The web page in a real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): ingest the example into a fresh store, serve it, open the page, click into
// the event, check what a reader sees, save a screenshot.
//
//   node tests/web/browser_test.mjs CHORUS_BIN EXAMPLES_DIR WEB_DIR OUT_DIR
//
// The facts (with the troop-count conflict) and the timeline are asserted only when
// EXPECT_FACTS is true: the brief's facts stage fills them (issue "Facts across outlets").
// Enable with CHORUS_EXPECT_FACTS=1 in the environment: ctest passes it from the CMake
// variable of the same name (tests/CMakeLists.txt), 0 until the facts stage is merged.
// Exit status: 0 passed, 1 failed, 77 skipped (no Chromium or playwright-core: `npm ci`).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXPECT_FACTS = process.env.CHORUS_EXPECT_FACTS === '1';

const [bin, examples, web, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: browser_test.mjs CHORUS_BIN EXAMPLES_DIR WEB_DIR OUT_DIR');
  process.exit(2);
}
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`SKIP: no ${CHROMIUM} (apt install chromium)`);
  process.exit(77);
}
let chromium;
try {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  ({ chromium } = createRequire(join(root, 'package.json'))('playwright-core'));
} catch (e) {
  console.error('SKIP: playwright-core is not installed (run `npm ci` in the source folder)');
  process.exit(77);
}

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const tmp = mkdtempSync(join(tmpdir(), 'chorus-web-'));
const db = join(tmp, 'store.db');
let server, browser;
const deadline = setTimeout(() => { console.error('FAIL: timed out'); cleanup(); process.exit(1); }, 120000);

function cleanup() {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}

// Starts `chorus serve` on a free port; resolves with the page's address.
function serve() {
  return new Promise((ok, fail) => {
    server = spawn(bin, ['serve', '--db', db, '--port', '0', '--web', web], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    server.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) ok(`http://127.0.0.1:${m[1]}/`);
    });
    server.on('exit', (code) => fail(new Error(`chorus serve exited with ${code}: ${err}`)));
  });
}

try {
  execFileSync(bin, ['ingest', examples, '--db', db], { stdio: 'inherit' });
  const base = await serve();
  // A fresh profile (--user-data-dir) in the temporary folder.
  browser = await chromium.launchPersistentContext(join(tmp, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    // Without the background-networking flags Chromium waits on a closed network.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] || await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(base);
  await page.getByTestId('event-link').first().waitFor();
  const listed = await page.getByTestId('event-link').count();
  check(listed === 1, `the list shows the example's one event (${listed})`);
  const meta = await page.locator('ul.events .meta').first().innerText();
  check(/5 sources/.test(meta), `the list shows its sources count: "${meta}"`);

  await page.getByTestId('search').fill('troops');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForFunction(() => location.hash.includes('q=troops'));
  await page.getByTestId('event-link').first().waitFor();
  check(await page.getByTestId('event-link').count() === 1, 'a search for "troops" finds it');

  await page.getByTestId('event-link').first().click();
  await page.getByTestId('event-title').waitFor();
  const title = await page.getByTestId('event-title').innerText();
  check(/Kazakhstan/.test(title), `the event page opens: "${title}"`);

  const sentences = page.locator('[data-testid=summary] p');
  const nSentences = await sentences.count();
  check(nSentences >= 3, `the summary has sentences (${nSentences})`);
  const citations = page.locator('[data-testid=summary] [data-testid=citation]');
  const nCitations = await citations.count();
  check(nCitations >= nSentences, `every summary sentence cites sources (${nCitations} citations)`);
  const href = await citations.first().getAttribute('href');
  check(Boolean(href) && (href.startsWith('#/article/') || href.startsWith('http')), `a citation links to its article (${href})`);

  // Hovering a citation shows the cited outlet's own sentence.
  let shown = '';
  for (let i = 0; i < Math.min(nCitations, 6) && !shown; i++) {
    await citations.nth(i).hover();
    await page.waitForFunction(() => {
      const t = document.getElementById('tip');
      return !t.hidden && !t.innerText.includes('Finding the sentence');
    }, null, { timeout: 5000 });
    shown = (await page.locator('#tip').innerText()).trim();
  }
  check(shown.split(/\s+/).length >= 6, `hovering a citation shows the source's sentence: "${shown.slice(0, 90)}…"`);
  await page.mouse.move(0, 0);

  const outlets = await page.getByTestId('outlet-row').count();
  check(outlets === 5, `the outlets are listed (${outlets})`);
  const independent = await page.locator('[data-testid=outlet-row] .badge.independent').count();
  check(independent === 5, `each outlet is marked independent or a copy (${independent} independent)`);

  if (EXPECT_FACTS) {
    const conflicts = page.locator('[data-testid=fact-row][data-conflict=yes]');
    const troops = conflicts.filter({ hasText: /troop|soldier|servicem|personnel|peacekeep/i });
    check(await troops.count() >= 1, 'the facts table shows the troop-count conflict');
    const rowText = (await troops.count()) ? await troops.first().innerText() : '';
    check(/2,?000/.test(rowText) && /1,?600/.test(rowText), `the conflict names both figures: "${rowText.replace(/\s+/g, ' ').slice(0, 120)}"`);
    const entries = await page.getByTestId('timeline-entry').count();
    check(entries >= 2, `the timeline lists dated entries (${entries})`);
    check(await page.locator('[data-testid=timeline] svg.timeline').count() === 1, 'the timeline is drawn as a chart');
  } else {
    // Until the facts stage fills them: the sections are present and say they are empty.
    check(await page.getByTestId('facts').count() === 1, 'the facts section is present (facts/timeline checks off: CHORUS_EXPECT_FACTS=1 enables them)');
    check(await page.locator('[data-testid=timeline], [data-testid=timeline-empty]').count() === 1, 'the timeline section is present');
  }
  check(errors.length === 0, `no script errors on the page ${errors.join('; ')}`);

  mkdirSync(outDir, { recursive: true });
  const shot = join(outDir, 'event-page.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);

  // The page renders every section of the brief's contract (DESIGN.md), whatever fills it:
  // the same event with facts, entities, quotes, timeline and framing added to its answer.
  await page.route('**/api/events/*', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    const ids = json.brief.articles.map((a) => a.id);
    Object.assign(json.brief, {
      facts: [{ about: 'troops deployed', value: 2000, approx: 'more than', text: 'More than 2,000 troops',
                sources: ids.slice(0, 3), conflicts: [{ value: 1600, text: '1,600 security officers', sources: [ids[3]] }] },
              { about: 'withdrawal time', value: 10, approx: 'at most', text: 'no more than 10 days', sources: ids, conflicts: [] }],
      entities: [{ name: 'Kassym-Jomart Tokayev', type: 'person', aliases: ['Toqaev'], sources: ids, mentions: 12 }],
      quotes: [{ speaker: 'Kassym-Jomart Tokayev', text: 'The main mission has been accomplished.', sources: [ids[1]] }],
      timeline: [{ date: '2022-01-06', text: 'CSTO troops arrive', sources: [ids[0]] },
                 { date: '2022-01-13', text: 'The withdrawal begins', sources: ids }],
      framing: [{ article: ids[0], terms: ['peacekeepers', 'unrest'] }],
    });
    await route.fulfill({ response, json });
  });
  await page.reload();
  await page.getByTestId('event-title').waitFor();
  const conflictRow = page.locator('[data-testid=fact-row][data-conflict=yes]');
  check(await conflictRow.count() === 1 && /1,600/.test(await conflictRow.innerText()),
        'contract: a fact with a conflict is shown as a conflict row, with the other figure');
  check(await page.locator('[data-testid=fact-row][data-conflict=no]').count() === 1, 'contract: an agreed fact is shown');
  check(await page.getByTestId('timeline-entry').count() === 2 &&
        await page.locator('[data-testid=timeline] svg.timeline circle').count() === 2, 'contract: the timeline is listed and drawn');
  check(/Toqaev/.test(await page.getByTestId('entities').innerText()), 'contract: entities with their aliases');
  check(/accomplished/.test(await page.getByTestId('quotes').innerText()), 'contract: quotes with speakers');
  check(/peacekeepers/.test(await page.getByTestId('framing').innerText()), 'contract: framing terms');
  check(errors.length === 0, `contract: no script errors ${errors.join('; ')}`);
  await page.screenshot({ path: join(outDir, 'event-page-contract.png'), fullPage: true });
  await page.unroute('**/api/events/*');
} catch (e) {
  failures.push(String(e && e.stack || e));
  console.error(e);
} finally {
  if (browser) await browser.close();
  cleanup();
  clearTimeout(deadline);
}
if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
