// The guide's search: Pagefind's index (built by hooks/guide/search_index.py) behind
// Material's search box (docs/overrides/partials/search.html). Loaded by the page's
// loader (docs/overrides/main.html) only once something in the search box gets focus.
//
// A query is searched in this order:
// 1. best bets (content_src/search/best_bets.yml): pages listed first when the query
//    contains one of their phrases as whole words;
// 2. Pagefind, with the stop words left out ("should" would otherwise find "shoulder")
//    and misspelt or everyday words respelt as the pages write them;
// 3. when no page has every word, the words no page has are left out and the rest
//    searched again (and said so); when the remaining words still share no page,
//    pages matching any of them, those matching most first.

const box = document.querySelector(".md-search[data-pn-search]");
const input = box.querySelector(".md-search__input");
const form = box.querySelector(".md-search__form");
const result = box.querySelector(".md-search-result");
const meta = box.querySelector(".md-search-result__meta");
const list = box.querySelector(".md-search-result__list");
const siteRoot = new URL("../../", import.meta.url);  // this file is assets/javascripts/search.js
const MAX_RESULTS = 8;

// Keep in step with search_index._normalise.
export function normalise(text) {
  const words = text.toLowerCase().replace(/['\u2019]/g, "").replace(/[^\p{L}\p{N}&]+/gu, " ");
  return words.trim().split(/\s+/).filter(Boolean);
}

function containsPhrase(words, phrase) {
  const wanted = phrase.split(" ");
  outer: for (let i = 0; i + wanted.length <= words.length; i++) {
    for (let j = 0; j < wanted.length; j++) if (words[i + j] !== wanted[j]) continue outer;
    return true;
  }
  return false;
}

const engine = (async () => {
  const [pagefind, settings] = await Promise.all([
    import(new URL("pagefind/pagefind.js", siteRoot).href),
    fetch(new URL("pagefind/guide-search.json", siteRoot)).then((r) => {
      if (!r.ok) throw new Error(`search settings: HTTP ${r.status}`);
      return r.json();
    }),
  ]);
  // No worker: on a phone its second copy of the engine (12 KB) and its start-up cost more than a search blocks.
  await pagefind.options({ baseUrl: siteRoot.pathname, ranking: settings.ranking, excerptLength: 0, noWorker: true });
  await pagefind.init();
  return { pagefind, settings, stop: new Set(settings.stopWords) };
})();

async function pages(pagefind, terms) {
  const found = await pagefind.search(terms.join(" "));
  return found ? found.results : [];
}

async function hitsFor(query) {
  const { pagefind, settings, stop } = await engine;
  const words = normalise(query);
  const bets = settings.bestBets.filter((bet) =>
    bet.queries.some((q) => (bet.whole ? words.join(" ") === q : containsPhrase(words, q))));
  let terms = words.filter((w) => !stop.has(w)).flatMap((w) => (settings.respell[w] || w).split(" "));
  if (!terms.length && !bets.length) terms = words;
  let ranked = [], dropped = [];
  if (terms.length === 1) {
    ranked = await pages(pagefind, terms);
  } else if (terms.length > 1) {
    // Each word alone first: Pagefind may skip a word it does not know, or find nothing
    // because of it, and the patient should be told which word was left out either way.
    const alone = await Promise.all(terms.map((t) => pages(pagefind, [t])));
    const known = terms.filter((_, i) => alone[i].length);
    dropped = terms.filter((_, i) => !alone[i].length);
    if (known.length) ranked = await pages(pagefind, known);
    if (!ranked.length && known.length) ranked = anyOf(alone.filter((r) => r.length));
  }
  const seen = new Set(bets.map((b) => b.url));
  const rest = [];
  for (const hit of await reranked(ranked.slice(0, RERANK), terms, stop)) {
    if (seen.has(hit.url)) continue;
    seen.add(hit.url);
    rest.push(hit);
  }
  const bestFirst = bets.map((b) => ({ url: new URL(b.url.replace(/^\//, ""), siteRoot).pathname, title: b.title, summary: b.summary }));
  return { hits: bestFirst.concat(rest).slice(0, MAX_RESULTS), dropped: bets.length ? [] : dropped, settings };
}

// Pagefind scores words wherever they are; a page whose title is mostly the query
// ("What is sciatica?" for "sciatica") should beat one that names it in passing many
// times ("Can walking or cycling help sciatica or a pinched nerve in the low back?").
// The top results are scored again on how much of the query their title and summary
// hold, and how much of their title the query covers.
const RERANK = 8;
const TITLE_QUERY = 2, TITLE_COVER = 2, SUMMARY_QUERY = 1;

function sameWord(a, b) {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short);
}

function share(words, among) {
  return words.length ? words.filter((w) => among.some((x) => sameWord(w, x))).length / words.length : 0;
}

async function reranked(results, terms, stop) {
  const pages = await Promise.all(results.map(async (result) => {
    const data = await result.data();
    const title = normalise(data.meta.title || "").filter((w) => !stop.has(w));
    const summary = normalise(data.meta.summary || "");
    const boost = 1 + TITLE_QUERY * share(terms, title) + TITLE_COVER * share(title, terms) + SUMMARY_QUERY * share(terms, summary);
    return { url: new URL(data.url, siteRoot).pathname, title: data.meta.title, summary: data.meta.summary || "",
             score: result.score * boost };
  }));
  return pages.sort((a, b) => b.score - a.score).slice(0, MAX_RESULTS);
}

// Pages matching any of the words: more words matched first, then the best score.
function anyOf(resultLists) {
  const byId = new Map();
  for (const results of resultLists) {
    const top = results[0].score || 1;
    for (const r of results) {
      const entry = byId.get(r.id) || { result: r, words: 0, score: 0 };
      entry.words += 1;
      entry.score += r.score / top;
      byId.set(r.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((e) => e.result);
}

function say(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
}

function render(query, { hits, dropped, settings }) {
  const m = settings.messages;
  list.replaceChildren(...hits.map((hit) => {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = hit.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset pn-search-hit";
    const title = document.createElement("h2");
    title.className = "pn-search-hit__title";
    title.textContent = hit.title;
    article.append(title);
    if (hit.summary) {
      const summary = document.createElement("p");
      summary.textContent = /[.!?]$/.test(hit.summary) ? hit.summary : hit.summary + ".";
      article.append(summary);
    }
    link.append(article);
    item.append(link);
    return item;
  }));
  const count = hits.length === 0 ? m.none : hits.length === 1 ? m.one : say(m.other, { count: hits.length });
  meta.textContent = dropped.length && hits.length ? `${count}. ${say(m.without, { words: dropped.join(", ") })}` : count;
  result.dataset.query = query;
}

let latest = 0;
async function update() {
  const query = input.value;
  const mine = ++latest;
  if (!query.trim()) {
    list.replaceChildren();
    meta.textContent = meta.dataset.placeholder;
    result.dataset.query = query;
    return;
  }
  try {
    if (!engine.settled) meta.textContent = meta.dataset.loading;
    const found = await hitsFor(query);
    if (mine === latest) render(query, found);
  } catch (error) {
    if (mine !== latest) return;
    const settings = await settingsOrNull();
    meta.textContent = settings ? settings.messages.failed : String(error);
    result.dataset.query = query;
  }
}

async function settingsOrNull() {
  try {
    return (await engine).settings;
  } catch {
    return null;
  }
}
engine.then(() => { engine.settled = true; }, () => { engine.settled = true; });

function links() {
  return [...list.querySelectorAll(".md-search-result__link")];
}

meta.dataset.placeholder = meta.textContent.trim();
input.addEventListener("input", update);
form.addEventListener("reset", () => setTimeout(update));
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const first = links()[0];
  if (first) first.click();
});
box.addEventListener("keydown", (event) => {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const all = links();
  if (!all.length) return;
  const at = event.target === input ? -1 : all.indexOf(event.target);
  if (at === -1 && event.target !== input) return;
  event.preventDefault();
  const next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1;
  (next < 0 ? input : all[next]).focus();
});
if (input.value) update();
