// Runs the queries of bench/search_alt.py through MiniSearch, configured as each variant says,
// on the documents of the built site's search/search_index.json (the pages and sections Material
// indexes, with the keywords hooks/search_keywords.py files). Measured offline; nothing here is
// shipped. Usage: node evaluate.mjs JOB.json > RESULT.json (bench/search_alt.py writes the job).
//
// The job: { index, families, spellings, queries, targets, variants: [{ name, params }], rounds, top }.
// The result, per variant: { name, ranked: [[location, ...] per query], absent: [[word, ...] per
// query: its words the target never uses], median_ms, worst_ms, build_ms, docs_raw, docs_gzip,
// index_raw, index_gzip }.
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
import { makeProcessTerm, prepareFamilies, queryTree, residualTree, searchTree, tokenize, unitKeys } from "./query.mjs";

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

const RESIDUAL_PAGES = 10; // pages whose sections are re-ordered by the words their opening does not answer
const gz = (text) => gzipSync(Buffer.from(text), { level: 6 }).length;
const pageOf = (location) => location.split("#")[0];

function sections(index) {
  return index.docs.map((d) => ({
    id: d.location,
    title: plain(d.title),
    headings: "",
    keywords: d.keywords ?? "",
    text: plain(d.text),
  }));
}

/** One document per page: its title, its sections' headings, every keyword, all its text. */
function pages(docs) {
  const byPage = new Map();
  for (const d of docs) {
    const id = pageOf(d.id);
    const p = byPage.get(id) ?? { id, title: "", headings: [], keywords: [], text: [] };
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
  // Each page's opening: the terms of its title and keywords (what the page as a whole is about).
  const openingKeys = new Map(
    docs.filter((d) => d.id === pageOf(d.id)).map((d) => [d.id, new Set(tokenize(`${d.title} ${d.keywords}`).map(processTerm).filter(Boolean))]),
  );
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
    // MiniSearch multiplies a result's score by the number of query terms it matched: with OR, a
    // document with more of the words comes first, a soft AND.
    const ranked = (index, query, boost, andFirst, filter) =>
      searchTree(index, query, { ...options(boost, last), filter }, { andFirst });
    if (!pageIndex) return ranked(sectionIndex, tree, params.boost, params.and_first).map((r) => r.id);
    // Within a page: every section that matches any word, by score (the page already matched).
    const byPage = new Map();
    for (const r of ranked(sectionIndex, tree, params.boost, false)) {
      const p = pageOf(r.id);
      if (!byPage.has(p)) byPage.set(p, []);
      byPage.get(p).push(r.id);
    }
    const out = [];
    for (const [n, r] of ranked(pageIndex, tree, params.page_boost, params.and_first).entries()) {
      let own = byPage.get(r.id) ?? [r.id];
      // With `residual`, the words the page's title and keywords do not answer pick its section first.
      const rest = params.residual && n < RESIDUAL_PAGES ? residualTree(tree, units, openingKeys.get(r.id) ?? new Set()) : null;
      if (rest) {
        const first = ranked(sectionIndex, rest, params.boost, false, (x) => pageOf(x.id) === r.id && x.id !== r.id).map((x) => x.id);
        own = [...first, ...own.filter((id) => !first.includes(id))];
      }
      out.push(...own);
    }
    return out;
  };
  // The query's content words that its target's page never uses, in any field and in any form the
  // stemmer joins: no ranking of these documents brings those words to the target.
  const stemmed = makeProcessTerm({ stem: stemmer, spellings });
  const absent = (q, target) => {
    const where = docs.filter((d) => pageOf(d.id) === pageOf(target));
    const has = new Set(where.flatMap((d) => tokenize(`${d.title} ${d.keywords} ${d.text}`).map(stemmed)));
    return tokenize(q).filter((w) => stemmed(w) && !has.has(stemmed(w)));
  };
  return { sectionIndex, pageIndex, run, buildMs, absent };
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
  const { sectionIndex, pageIndex, run, buildMs, absent } = engine(docs, params, job.spellings, job.families);
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
    absent: job.queries.map((q, i) => absent(q, job.targets[i])),
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
