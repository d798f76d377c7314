// The query side of the engine bench/search_alt.py measures: how typed text becomes terms, and
// how a query becomes MiniSearch's query tree with the synonym families of data/search.yml.
// Pure functions with no imports, so `node --test bench/search-alt/query.test.mjs` runs without
// the packages (tests/test_search_alt.py). The stemmer is passed in.

// Words that carry no topic here, dropped from the index and the query alike. Close to the
// list in mkdocs.yml's search separator, with the words of a question's frame ("tell me about",
// "describe") and "amazon", which every page is about.
export const STOP_WORDS = new Set(
  (
    "a about all also am amazon an and any are as at be been being but by can could describe did do does " +
    "for from get give got had has have how i if in into is it its just like may me might must my " +
    "of on or our out should so than that the their them then there these they this to up us vs was we were " +
    "what when where which who why will with would you your s"
  ).split(" "),
);

/** Lower-case words: letters and digits, split at everything else ("PR/FAQ", "on-site", "Earth's"). */
export function tokenize(text) {
  return String(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The term processor: UK spellings to US (data/search.yml's spellings, inverted), stop words
 * dropped, the rest stemmed. Returns null for a dropped word.
 */
export function makeProcessTerm({ stem = (w) => w, spellings = {}, stopWords = STOP_WORDS } = {}) {
  const toUs = new Map(Object.entries(spellings).map(([us, uk]) => [uk.toLowerCase(), us.toLowerCase()]));
  return (term) => {
    const word = toUs.get(term) ?? term;
    if (stopWords.has(word)) return null;
    return stem(word);
  };
}

/**
 * The families as lists of members, each member with the processed terms it is matched by.
 * A member whose words are all stop words cannot be matched and is left out.
 */
export function prepareFamilies(families, processTerm) {
  return families
    .map((family) =>
      family
        .map((text) => ({ text: String(text), keys: tokenize(text).map(processTerm).filter(Boolean) }))
        .filter((m) => m.keys.length),
    )
    .filter((f) => f.length > 1);
}

/**
 * The query tree for ``text``: every content word (or family phrase) must match, AND; a run of
 * words that spells a member of a family matches any member of that family (a member of several
 * words must match all of them). With ``synonyms`` false, each word stands alone.
 *
 * Returns { combineWith: "AND", queries: [...] }, or null when no content word is left.
 */
export function queryTree(text, families, processTerm, { synonyms = true } = {}) {
  const words = tokenize(text)
    .map((raw) => ({ raw, key: processTerm(raw) }))
    .filter((w) => w.key);
  const units = [];
  let i = 0;
  while (i < words.length) {
    let best = null; // the longest member starting at word i, with every family it belongs to
    if (synonyms) {
      for (const family of families) {
        for (const member of family) {
          const n = member.keys.length;
          if (n > words.length - i || (best && n < best.length)) continue;
          if (!member.keys.every((k, j) => words[i + j].key === k)) continue;
          if (!best || n > best.length) best = { length: n, families: [family] };
          else if (!best.families.includes(family)) best.families.push(family);
        }
      }
    }
    if (!best) {
      units.push(words[i].raw);
      i += 1;
      continue;
    }
    const members = [];
    for (const family of best.families) for (const m of family) if (!members.includes(m.text)) members.push(m.text);
    units.push({ combineWith: "OR", queries: members.map((m) => ({ combineWith: "AND", queries: [m] })) });
    i += best.length;
  }
  return units.length ? { combineWith: "AND", queries: units } : null;
}

/** For each unit of ``tree`` (a word, or a family), the processed terms that count as matching it. */
export function unitKeys(tree, processTerm) {
  if (!tree) return [];
  const keysOf = (q) =>
    typeof q === "string" ? tokenize(q).map(processTerm).filter(Boolean) : q.queries.flatMap((sub) => keysOf(sub));
  return tree.queries.map((unit) => new Set(keysOf(unit)));
}

/**
 * The part of ``tree`` a page's title and keywords (``pageKeys``, processed terms) do not already
 * answer, OR-ed: the words that should pick a section within the page ("python" in "can I use
 * python in the coding round", on the page about the coding round). Null when the page answers all.
 */
export function residualTree(tree, units, pageKeys) {
  if (!tree) return null;
  const rest = tree.queries.filter((_, i) => ![...units[i]].some((k) => pageKeys.has(k)));
  return rest.length ? { combineWith: "OR", queries: rest } : null;
}

/** ``tree`` with its top level OR-ed: the fallback when no document has every unit. */
export function orTree(tree) {
  return { ...tree, combineWith: "OR" };
}

/**
 * Search with ``engine`` (anything with MiniSearch's ``search(query, options)``): the tree as it
 * is (AND), then, when nothing matches all of it, OR-ed. ``andFirst`` false searches OR only.
 */
export function searchTree(engine, tree, options = {}, { andFirst = true } = {}) {
  if (!tree) return [];
  if (andFirst) {
    const all = engine.search(tree, options);
    if (all.length) return all;
  }
  return engine.search(orTree(tree), options);
}
