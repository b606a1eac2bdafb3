// The sanctionscreen HTML report's own script: reads the rows from the JSON data block,
// filters, sorts, searches and shows them a page at a time, with a column per kept input
// column (data.kept names them; each row's last field holds their values). Text is only
// ever set with textContent, never parsed as HTML, so nothing from the data can become markup.
(function () {
  "use strict";
  var PAGE = 100;
  var RANK = {match: 0, review: 1, error: 2, clear: 3};
  var R = 0, D = 1, S = 2, N = 3, C = 4, X = 5, H = 6, A = 7, K = 8;
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var rows = data.rows;
  var thresholds = data.thresholds;
  var kept = data.kept || [];
  var byId = function (id) { return document.getElementById(id); };
  var shown = [];
  var page = 0;

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (content !== undefined && content !== null && content !== "") {
      node.textContent = String(content);
    }
    return node;
  }

  function add(parent) {
    for (var i = 1; i < arguments.length; i++) { parent.appendChild(arguments[i]); }
    return parent;
  }

  function fixed(value, digits) { return value === null ? "" : value.toFixed(digits); }

  function best(row) { return row[H].length ? row[H][0] : null; }

  function searchText(row) {
    var parts = [String(row[R]), row[N], row[C], row[X]].concat(row[K] || []);
    row[H].forEach(function (h) { parts.push(h.name, h.id, h.matched, h.list); });
    return parts.join("\u0001").toLowerCase();
  }

  function keys(row) {
    var lists = {}, types = {}, countries = {}, first = best(row);
    if (row[C]) { countries[row[C].toUpperCase()] = true; }
    row[H].forEach(function (h) {
      lists[h.list] = true; types[h.type] = true;
      h.countries.forEach(function (c) { countries[c.toUpperCase()] = true; });
    });
    return {lists: lists, types: types, countries: countries, text: searchText(row),
      list: first ? first.list.toLowerCase() : null, entity: first ? first.name.toLowerCase() : null};
  }

  var index = rows.map(keys);

  function fillSelect(id, field) {
    var seen = {};
    index.forEach(function (k) { Object.keys(k[field]).forEach(function (v) { seen[v] = true; }); });
    var select = byId(id);
    Object.keys(seen).sort().forEach(function (v) {
      var option = el("option", null, v); option.value = v; select.appendChild(option);
    });
  }

  function wanted(i, f) {
    var row = rows[i], k = index[i];
    if (f.decision === "flagged" ? !(row[D] === "match" || row[D] === "review")
        : f.decision !== "all" && row[D] !== f.decision) { return false; }
    if (f.list && !k.lists[f.list]) { return false; }
    if (f.type && !k.types[f.type]) { return false; }
    if (f.country && !k.countries[f.country]) { return false; }
    return !f.search || k.text.indexOf(f.search) !== -1;
  }

  function byScore(a, b) { return (rows[b][S] === null ? -1 : rows[b][S]) - (rows[a][S] === null ? -1 : rows[a][S]); }
  function byRow(a, b) { return rows[a][R] - rows[b][R]; }
  function byRank(a, b) { return RANK[rows[a][D]] - RANK[rows[b][D]]; }
  function byText(field) {
    return function (a, b) {
      var x = index[a][field], y = index[b][field];
      if (x === null || y === null) { return (x === null ? 1 : 0) - (y === null ? 1 : 0); }
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }
  function chain(fns) {
    return function (a, b) {
      for (var i = 0; i < fns.length; i++) { var c = fns[i](a, b); if (c) { return c; } }
      return 0;
    };
  }
  var ORDERS = {
    decision: chain([byRank, byScore, byRow]),
    score: chain([byScore, byRank, byRow]),
    list: chain([byText("list"), byRank, byScore, byRow]),
    entity: chain([byText("entity"), byRank, byScore, byRow]),
    row: byRow
  };

  function bar(score, decision, limits) {
    var wrap = el("span", "score");
    if (score === null) { return wrap; }
    var box = el("span", "bar");
    box.title = "score " + fixed(score, 3) + "; review at " + limits[0] + ", match at " + limits[1];
    var fill = el("span", "fill " + decision);
    fill.style.width = (100 * Math.min(1, Math.max(0, score))).toFixed(1) + "%";
    var review = el("span", "mark review-mark"); review.style.left = (100 * limits[0]) + "%";
    var match = el("span", "mark match-mark"); match.style.left = (100 * limits[1]) + "%";
    add(box, fill, review, match);
    return add(wrap, box, el("span", null, fixed(score, 3)));
  }

  function term(dl, label, value) {
    if (value) { add(dl, el("dt", null, label), el("dd", null, value)); }
  }

  function riskText(risk) {
    if (risk.basis === "designated") {
      return risk.designations.map(function (d) {
        return [d[0], d[1] && "programme " + d[1], d[2] && "entry " + d[2], d[3]]
          .filter(Boolean).join(", ");
      }).join("; ");
    }
    return (risk.categories.join(", ") || "risk") + (risk.note ? ": " + risk.note : "");
  }

  function wordTable(pairs) {
    var table = el("table", "words");
    var head = add(el("tr"), el("th", null, "query word"), el("th", null, "listed word"),
      el("th", null, "similarity"), el("th", null, "weight"), el("th", null, "how they met"));
    add(table, add(el("thead"), head));
    var body = el("tbody");
    pairs.forEach(function (p) {
      add(body, add(el("tr"), el("td", null, p[0]), el("td", null, p[1]),
        el("td", "num", p[2].toFixed(2)), el("td", "num", p[3].toFixed(2)), el("td", null, p[4])));
    });
    return add(table, body);
  }

  function listOf(cls, items) {
    var ul = el("ul", cls);
    items.forEach(function (text) { add(ul, el("li", null, text)); });
    return ul;
  }

  function hitBlock(h) {
    var block = el("div", "hit " + h.decision + (h.cleared ? " cleared" : ""));
    var title = el("h3");
    add(title, el("span", "pill " + h.decision, h.decision), document.createTextNode(" " + h.name + " "),
      el("span", "muted", "list " + h.list + ", id " + h.id));
    add(block, title, bar(h.score, h.decision, h.thresholds));
    var dl = el("dl");
    term(dl, "matched name", h.matched + " (" + h.kind + " name)");
    term(dl, "entity", h.type + (h.countries.length ? ", " + h.countries.join(", ") : ""));
    h.also.forEach(function (a) { term(dl, "also listed", a); });
    if (h.cleared) { term(dl, "analyst", "cleared as a false positive by a recorded decision"); }
    if (h.brief) {
      term(dl, "explanation", "not kept in this report (too many flagged rows); see the JSON lines report");
      return add(block, dl);
    }
    term(dl, h.risk.basis === "designated" ? "designated by" : "reported", riskText(h.risk));
    h.sources.forEach(function (s) { term(dl, "source", s); });
    term(dl, "summary", h.summary);
    term(dl, "decided", h.decided_by);
    add(block, dl);
    if (h.pairs.length) { add(block, wordTable(h.pairs)); } else { add(block, el("p", "muted", "No words lined up.")); }
    if (h.unmatched.length) {
      add(block, el("p", null, "Words with no partner:"), listOf("unmatched", h.unmatched.map(function (u) {
        return (u[0] === "query" ? "query" : "listed name") + " word '" + u[1] + "' (" + u[2] +
          ", weight " + u[3].toFixed(2) + ")";
      })));
    }
    if (h.rules.length) {
      add(block, el("p", null, "Rules that acted:"), listOf("rules", h.rules.map(function (r) {
        return r[3] + " (" + r[1].toFixed(3) + " \u2192 " + r[2].toFixed(3) + ")";
      })));
    }
    var details = el("details");
    add(details, el("summary", null, "full explanation"), el("pre", null, h.text));
    return add(block, details);
  }

  function rowElements(row, into) {
    var first = best(row);
    var tr = el("tr", row[D]);
    tr.setAttribute("data-row", row[R]);
    tr.setAttribute("data-decision", row[D]);
    var decision = el("td"); add(decision, el("span", "pill " + row[D], row[D]));
    var score = el("td"); add(score, bar(row[S], row[D] === "clear" ? "clear" : row[D], thresholds));
    var hit = el("td", null, first ? first.name + " (" + first.list + ")" +
      (row[H].length > 1 ? " +" + (row[H].length - 1) : "") : "");
    add(tr, el("td", "num", row[R]));
    kept.forEach(function (_, i) { add(tr, el("td", "kept", (row[K] || [])[i])); });
    add(tr, el("td", "name", row[N]), el("td", null, row[C]), decision,
      score, hit, el("td", "note", [row[X]].concat(row[A]).filter(Boolean).join("; ")));
    into.appendChild(tr);
    if (row[H].length) {
      var detail = el("tr", "detail"), cell = el("td");
      cell.colSpan = 7 + kept.length;
      row[H].forEach(function (h) { add(cell, hitBlock(h)); });
      into.appendChild(add(detail, cell));
    }
  }

  function render() {
    var body = document.querySelector("#rows tbody");
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages - 1);
    var start = page * PAGE, end = Math.min(shown.length, start + PAGE);
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; i++) { rowElements(rows[shown[i]], fragment); }
    body.textContent = "";
    body.appendChild(fragment);
    byId("shown-count").textContent = String(shown.length);
    byId("page-info").textContent = shown.length ?
      "rows " + (start + 1) + "\u2013" + end + " of " + shown.length + ", page " + (page + 1) + " of " + pages : "no row fits";
    byId("prev").disabled = page === 0;
    byId("next").disabled = page >= pages - 1;
  }

  function apply() {
    var f = {
      decision: byId("decision-filter").value, list: byId("list-filter").value,
      type: byId("type-filter").value, country: byId("country-filter").value,
      search: byId("search").value.trim().toLowerCase()
    };
    shown = [];
    for (var i = 0; i < rows.length; i++) { if (wanted(i, f)) { shown.push(i); } }
    shown.sort(ORDERS[byId("sort").value] || ORDERS.decision);
    page = 0;
    render();
  }

  fillSelect("list-filter", "lists");
  fillSelect("type-filter", "types");
  fillSelect("country-filter", "countries");
  ["decision-filter", "list-filter", "type-filter", "country-filter", "sort"].forEach(function (id) {
    byId(id).addEventListener("change", apply);
  });
  byId("search").addEventListener("input", apply);
  byId("prev").addEventListener("click", function () { page -= 1; render(); });
  byId("next").addEventListener("click", function () { page += 1; render(); });
  apply();
  document.documentElement.setAttribute("data-ready", "1");
  if (window.performance && performance.mark) { performance.mark("report-rendered"); }
})();
