#!/usr/bin/env node
// Mozilla Readability on every page of an AEB-style data folder, one page after another.
//
//   node readability_js.mjs DATA_DIR OUT.jsonl [--dom jsdom|linkedom] [--text blocks|textcontent]
//
// For each DATA_DIR/html/*.html.gz (sorted by name): gunzip and decode the bytes to a string
// (outside the timed region), then time, with a monotonic clock, parsing the HTML into a DOM,
// Readability's parse() and turning the article into plain text. Writes one JSON line a page,
// {"id": sha256, "text": ..., "seconds": ...}, and prints the totals to stderr.
//
// --dom jsdom (default) is the reference setup (the AEB's own runner uses jsdom);
// --dom linkedom is a much lighter DOM that Readability also runs on.
// --text blocks (default): text of the article element with a line break around every
// block-level element; --text textcontent: the article's textContent as Readability
// returns it (what the AEB's runner prints; adjacent blocks can glue words together).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';

function usage(msg) {
  if (msg) process.stderr.write(`readability_js: ${msg}\n`);
  process.stderr.write('usage: node readability_js.mjs DATA_DIR OUT.jsonl [--dom jsdom|linkedom] [--text blocks|textcontent]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
const positional = [];
let domName = 'jsdom';
let textMode = 'blocks';
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--dom') domName = args[++i];
  else if (a.startsWith('--dom=')) domName = a.slice(6);
  else if (a === '--text') textMode = args[++i];
  else if (a.startsWith('--text=')) textMode = a.slice(7);
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else positional.push(a);
}
if (positional.length !== 2) usage();
if (!['jsdom', 'linkedom'].includes(domName)) usage(`--dom must be jsdom or linkedom, not ${domName}`);
if (!['blocks', 'textcontent'].includes(textMode)) usage(`--text must be blocks or textcontent, not ${textMode}`);
const [dataDir, outPath] = positional;

// The DOM under test: html string -> { document, close() }.
let makeDom;
if (domName === 'jsdom') {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const virtualConsole = new VirtualConsole(); // silent: no CSS parse errors on stderr
  makeDom = (html) => {
    const dom = new JSDOM(html, { url: 'https://example.com/', virtualConsole });
    return { document: dom.window.document, close: () => dom.window.close() };
  };
} else {
  const { parseHTML } = await import('linkedom');
  makeDom = (html) => ({ document: parseHTML(html).document, close: () => {} });
}

// Bytes -> string as a browser would for these files: a BOM, else a charset declared in a
// <meta> within the first 1024 bytes (the HTML prescan), else UTF-8 (the AEB reads every
// page as UTF-8; all 181 pages decode as UTF-8).
function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = bytes.subarray(0, 1024).toString('latin1');
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  let label = m ? m[1].toLowerCase() : 'utf-8';
  if (label === 'utf-16' || label === 'utf-16le' || label === 'utf-16be' || label === 'x-user-defined') label = 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

// Block-aware text: a line break around block-level elements and at <br>, whitespace
// collapsed inside lines, empty lines dropped.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function blockText(root) {
  const parts = [];
  const walk = (node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        parts.push(c.data);
      } else if (c.nodeType === 1) {
        const tag = c.tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        const block = BLOCK.has(tag);
        if (block) parts.push('\n');
        walk(c);
        if (block) parts.push('\n');
      }
    }
  };
  walk(root);
  return parts.join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l)
    .join('\n');
}

const htmlDir = join(dataDir, 'html');
let files;
try {
  files = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort();
} catch (e) {
  usage(`cannot read ${htmlDir}: ${e.message}`);
}
if (files.length === 0) usage(`no *.html.gz in ${htmlDir}`);

const lines = [];
let total = 0;
let nulls = 0;
for (const f of files) {
  const id = basename(f).split('.')[0];
  const html = decode(gunzipSync(readFileSync(join(htmlDir, f))));

  const t0 = performance.now();
  const dom = makeDom(html);
  const reader = new Readability(dom.document, { serializer: (el) => el });
  const article = reader.parse();
  let text = '';
  if (article) text = textMode === 'blocks' ? blockText(article.content) : article.textContent;
  const seconds = (performance.now() - t0) / 1000;

  dom.close();
  if (!article) nulls++;
  total += seconds;
  lines.push(JSON.stringify({ id, text: text ?? '', seconds }));
}
writeFileSync(outPath, lines.join('\n') + '\n');
process.stderr.write(
  `readability_js (${domName}, text=${textMode}): ${files.length} pages, ` +
  `${total.toFixed(3)} s extracting, ${(files.length / total).toFixed(1)} pages/s` +
  (nulls ? `, ${nulls} pages with no article` : '') + '\n');
