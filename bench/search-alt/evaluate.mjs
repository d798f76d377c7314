// Runs the queries of bench/search_alt.py through MiniSearch, configured as each variant says,
// on the documents of the built site's search/search_index.json (the pages and sections Material
// indexes, with the keywords hooks/search_keywords.py files). Measured offline; nothing here is
// shipped. Usage: node evaluate.mjs JOB.json > RESULT.json (bench/search_alt.py writes the job).
//
// The job: { index, families, spellings, queries, variants: [{ name, params }], rounds, top }.
// The result, per variant: { name, ranked: [[location, ...] per query], median_ms, worst_ms,
// build_ms, docs_raw, docs_gzip, index_raw, index_gzip }.
//
// Two ways to rank (params.grouped):
// - flat: one MiniSearch index of Material's documents (each page's opening, each section),
//   one list by score, as Material's index holds them but without its page multiplier;
// - grouped: a second index of whole pages (title, every heading, every keyword, all the text)
//   ranks the pages, and within a page its sections are ordered by their own score, the way a
//   reader sees Material's results grouped by page.

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import MiniSearch from "minisearch";
import { stemmer } from "stemmer";
import { coverage, makeProcessTerm, prepareFamilies, queryTree, searchTree, tokenize, unitKeys } from "./query.mjs";

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function plain(html) {
  return String(html ?? "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) =>
      e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m,
    )
    .replace(/\s+/g, " ")
    .trim();
}

const gz = (text) => gzipSync(Buffer.from(text), { level: 6 }).length;
const pageOf = (location) => location.split("#")[0];

function sections(index) {
  return index.docs.map((d) => ({
    id: d.location,
    title: plain(d.title),
    headings: "",
    keywords: d.keywords ?? "",
    text: plain(d.text),
    tags: (d.tags ?? []).join(" "),
  }));
}

/** One document per page: its title, its sections' headings, every keyword, all its text. */
function pages(docs) {
  const byPage = new Map();
  for (const d of docs) {
    const id = pageOf(d.id);
    const p = byPage.get(id) ?? { id, title: "", headings: [], keywords: [], text: [], tags: d.tags };
    if (d.id === id) p.title = d.title;
    else p.headings.push(d.title);
    if (d.keywords) p.keywords.push(d.keywords);
    p.text.push(d.text);
    byPage.set(id, p);
  }
  return [...byPage.values()].map((p) => ({ ...p, headings: p.headings.join(" "), keywords: p.keywords.join(" "), text: p.text.join(" ") }));
}

function vocabulary(docs, processTerm) {
  const out = new Set();
  for (const d of docs) for (const f of ["title", "headings", "keywords", "text"]) for (const t of tokenize(d[f])) {
    const k = processTerm(t);
    if (k) out.add(k);
  }
  return out;
}

function build(docs, params, processTerm) {
  const ms = new MiniSearch({ idField: "id", fields: Object.keys(params.boost), storeFields: [], tokenize, processTerm });
  ms.addAll(docs);
  return ms;
}

function engine(docs, params, spellings, families) {
  const processTerm = makeProcessTerm({ stem: params.stem ? stemmer : (w) => w, spellings });
  const t0 = performance.now();
  const sectionIndex = build(docs, params, processTerm);
  const pageIndex = params.grouped ? build(pages(docs), { ...params, boost: params.page_boost }, processTerm) : null;
  const known = vocabulary(docs, processTerm);
  const buildMs = performance.now() - t0;
  const fams = prepareFamilies(families, processTerm);

  const options = (boost, last) => ({
    boost,
    // Prefix: the word being typed (the last one), or every word of some length.
    prefix: params.prefix === "last" ? (term) => term === last : params.prefix === "all" ? (term) => term.length >= 3 : false,
    // Fuzzy: only a word the site never uses (a slip), or every word of 5 letters or more.
    fuzzy:
      params.fuzzy === "unknown"
        ? (term) => (known.has(term) || term.length < 4 ? false : term.length >= 7 ? 2 : 1)
        : params.fuzzy === "all"
          ? (term) => (term.length >= 5 ? 0.2 : false)
          : false,
    weights: params.weights,
    bm25: params.bm25,
  });

  const run = (q) => {
    const tree = queryTree(q, fams, processTerm, { synonyms: params.synonyms });
    if (!tree) return [];
    const keys = tokenize(q).map(processTerm).filter(Boolean);
    const last = keys[keys.length - 1];
    const units = unitKeys(tree, processTerm);
    // Soft AND: a result's score times the share of the query's words (or families) it matches,
    // to the power `coverage` (0: plain OR; large: every word first, then the rest).
    const ranked = (index, boost, andFirst, coverageFirst = false) =>
      searchTree(index, tree, options(boost, last), { andFirst })
        .map((r) => {
          const share = coverage(r.queryTerms, units);
          return { id: r.id, share, score: r.score * share ** params.coverage };
        })
        .sort((a, b) => (coverageFirst && b.share !== a.share ? b.share - a.share : b.score - a.score));
    if (!pageIndex) return ranked(sectionIndex, params.boost, params.and_first).map((r) => r.id);
    // Within a page, every section that matches any word, by score: the page already met AND.
    const byPage = new Map();
    for (const r of ranked(sectionIndex, params.boost, false, params.section_coverage_first)) {
      const p = pageOf(r.id);
      if (!byPage.has(p)) byPage.set(p, []);
      byPage.get(p).push(r.id); // already best first
    }
    const out = [];
    for (const r of ranked(pageIndex, params.page_boost, params.and_first)) {
      const own = byPage.get(r.id) ?? [];
      out.push(...(own.length ? own : [r.id]));
    }
    return out;
  };
  return { sectionIndex, pageIndex, run, buildMs };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
}

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const docs = sections(JSON.parse(readFileSync(job.index, "utf8")));
const shipped = JSON.stringify({ docs, families: job.families, spellings: job.spellings });
const out = [];
for (const { name, params } of job.variants) {
  const { sectionIndex, pageIndex, run, buildMs } = engine(docs, params, job.spellings, job.families);
  const ranked = job.queries.map((q) => run(q).slice(0, job.top)); // also the untimed warm-up pass
  const times = [];
  for (let round = 0; round < job.rounds; round++) {
    for (const q of job.queries) {
      const t0 = performance.now();
      run(q);
      times.push(performance.now() - t0);
    }
  }
  const serialized = JSON.stringify(sectionIndex) + (pageIndex ? JSON.stringify(pageIndex) : "");
  out.push({
    name,
    ranked,
    median_ms: median(times),
    worst_ms: Math.max(...times),
    build_ms: buildMs,
    docs_raw: Buffer.byteLength(shipped),
    docs_gzip: gz(shipped),
    index_raw: Buffer.byteLength(serialized),
    index_gzip: gz(serialized),
  });
}
process.stdout.write(JSON.stringify(out));
