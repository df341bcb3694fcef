/* Home programme: the builder (/programme/) and the patient's view (/programme/view/).
 *
 * The programme lives only in the link's fragment: "#v1." + base64url(JSON), the
 * JSON being [[id, reps, sets, hold, perDay, days, side, note], ...]. Browsers never
 * send the fragment to a server. Everything read from a link is validated and
 * written into the page with textContent only: a crafted link can never add
 * markup. Exercises themselves come from <template> elements the build wrote.
 * "Done today" ticks stay in this browser's localStorage and nowhere else.
 */
(function () {
  "use strict";
  var root = document.querySelector(".pn-programme");
  var dataNode = document.getElementById("pn-programme-data");
  if (!root || !dataNode) return;
  var DATA = JSON.parse(dataNode.textContent);
  var T = DATA.texts, LIMITS = DATA.limits, SIDES = DATA.sides;
  var FIELDS = ["reps", "sets", "hold", "per_day", "days", "side"];
  var NUMBER_FIELDS = ["reps", "sets", "hold", "per_day", "days"];
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var TICKS_KEY = "pn-programme-ticks";

  // ------------------------------------------------------------ the link format
  function toBase64Url(text) {
    var bytes = new TextEncoder().encode(text), binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(code) {
    if (!/^[A-Za-z0-9_-]*$/.test(code)) throw new Error("not base64url");
    var binary = atob(code.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }

  function cleanNote(note) {
    // Plain text only: control characters out, length capped.
    return String(note).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").slice(0, LIMITS.note);
  }

  function encode(items) {
    var rows = items.map(function (item) {
      return [item.id, item.reps, item.sets, item.hold, item.per_day, item.days, item.side, cleanNote(item.note || "")];
    });
    return DATA.version + "." + toBase64Url(JSON.stringify(rows));
  }

  /* {status: "empty" | "ok" | "broken", items: [...]}. Unknown ids are kept (shown as such). */
  function decode(hash) {
    var code = (hash || "").replace(/^#/, "");
    if (!code) return { status: "empty", items: [] };
    var prefix = DATA.version + ".";
    if (code.indexOf(prefix) !== 0 || code.length > 8000) return { status: "broken", items: [] };
    var rows;
    try {
      rows = JSON.parse(fromBase64Url(code.slice(prefix.length)));
    } catch (error) {
      return { status: "broken", items: [] };
    }
    if (!Array.isArray(rows) || rows.length > LIMITS.exercises) return { status: "broken", items: [] };
    var items = [];
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      if (!Array.isArray(row) || row.length !== 8) return { status: "broken", items: [] };
      var item = { id: row[0], side: row[6], note: row[7] };
      if (typeof item.id !== "string" || item.id.length > 60 || !ID.test(item.id)) return { status: "broken", items: [] };
      for (var f = 0; f < NUMBER_FIELDS.length; f++) {
        var value = row[f + 1], name = NUMBER_FIELDS[f];
        if (!Number.isInteger(value) || value < 0 || value > LIMITS[name]) return { status: "broken", items: [] };
        item[name] = value;
      }
      if (SIDES.indexOf(item.side) < 0 || typeof item.note !== "string" || item.note.length > LIMITS.note) {
        return { status: "broken", items: [] };
      }
      item.note = cleanNote(item.note);
      item.known = Object.prototype.hasOwnProperty.call(DATA.exercises, item.id);
      items.push(item);
    }
    return { status: items.length ? "ok" : "empty", items: items };
  }

  function viewLink(items) {
    var url = new URL(DATA.view, location.href);
    url.hash = items.length ? encode(items) : "";
    return url.href;
  }

  // ------------------------------------------------------------ showing a programme
  function doseLines(item) {
    var lines = [];
    if (item.reps) lines.push([T.dose.reps, item.reps + " " + T.dose.times]);
    if (item.sets) lines.push([T.dose.sets, String(item.sets)]);
    if (item.hold) lines.push([T.dose.hold_short, item.hold + " " + T.dose.seconds]);
    if (item.per_day) lines.push([T.dose.per_day, String(item.per_day)]);
    if (item.days) lines.push([T.dose.days, String(item.days)]);
    if (item.side) lines.push([T.dose.side, T.dose.sides[item.side]]);
    return lines;
  }

  function exerciseCard(item, index) {
    var template = document.getElementById(item.known ? "pn-ex-" + item.id : "pn-ex-unknown");
    var card = template.content.firstElementChild.cloneNode(true);
    // Ids inside a template would repeat if one exercise is listed twice.
    var title = card.querySelector("[id]");
    if (title) {
      title.id = title.id + "-" + index;
      card.setAttribute("aria-labelledby", title.id);
    }
    if (!item.known) {
      card.querySelector(".pn-prog-unknown-id").textContent = item.id;
      return card;
    }
    // On paper each exercise is a sheet of its own, headed by a copy of the cover sheet's compact
    // warning signs (the full box prints on a sheet of its own at the end).
    var box = root.querySelector('.pn-sheet-first[data-safety="red-flags-short"]');
    if (box) {
      var copy = box.cloneNode(true);
      copy.classList.replace("pn-sheet-first", "pn-sheet-copy");
      card.prepend(copy);
    }
    var list = card.querySelector(".pn-prog-dose");
    doseLines(item).forEach(function (line) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = line[0];
      dd.textContent = line[1];
      list.appendChild(dt);
      list.appendChild(dd);
    });
    if (item.note) {
      card.querySelector(".pn-prog-note").textContent = item.note;
      card.querySelector(".pn-prog-ex__note").hidden = false;
    }
    return card;
  }

  function showList(items, decorate) {
    var list = root.querySelector(".pn-prog-list");
    list.replaceChildren();
    items.forEach(function (item, index) {
      var card = exerciseCard(item, index);
      if (decorate) decorate(card, item, index);
      list.appendChild(card);
    });
  }

  function drawQr(link) {
    var figure = root.querySelector(".pn-prog-qr");
    var holder = figure.querySelector(".pn-prog-qr__code");
    holder.replaceChildren();
    if (!link || typeof window.qrcode !== "function") {
      figure.hidden = true;
      return;
    }
    var qr = window.qrcode(0, "M");
    qr.addData(link, "Byte");
    qr.make();
    var count = qr.getModuleCount(), quiet = 4, size = count + 2 * quiet, path = "";
    for (var r = 0; r < count; r++) {
      for (var c = 0; c < count; c++) {
        if (qr.isDark(r, c)) path += "M" + (c + quiet) + " " + (r + quiet) + "h1v1h-1z";
      }
    }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", figure.querySelector("figcaption").textContent);
    svg.setAttribute("shape-rendering", "crispEdges");
    var back = document.createElementNS(ns, "rect");
    back.setAttribute("width", size);
    back.setAttribute("height", size);
    back.setAttribute("fill", "#fff");
    var dark = document.createElementNS(ns, "path");
    dark.setAttribute("d", path);
    dark.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(dark);
    holder.appendChild(svg);
    figure.hidden = false;
  }

  function status(text) {
    var node = root.querySelector(".pn-prog-status");
    if (node) node.textContent = text;
  }

  // ------------------------------------------------------------ ticks (this device only)
  function programmeKey(hash) {
    // A short fingerprint of the link, so two programmes keep their own ticks.
    var h = 2166136261;
    for (var i = 0; i < hash.length; i++) h = Math.imul(h ^ hash.charCodeAt(i), 16777619);
    return (h >>> 0).toString(36);
  }

  function readTicks() {
    try {
      var all = JSON.parse(localStorage.getItem(TICKS_KEY) || "{}");
      return all && typeof all === "object" ? all : {};
    } catch (error) {
      return {};
    }
  }

  function writeTicks(all) {
    try {
      localStorage.setItem(TICKS_KEY, JSON.stringify(all));
    } catch (error) { /* storage full or blocked: ticks are a convenience */ }
  }

  function dayKey(date) {
    var d = date || new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function lastDays(count) {
    var days = [], today = new Date();
    for (var i = count - 1; i >= 0; i--) days.push(new Date(today.getFullYear(), today.getMonth(), today.getDate() - i));
    return days;
  }

  // The same page in another language or country edition opens the same programme: the
  // switch's links (written at build time) get this page's fragment.
  function keepProgrammeInSwitchLinks(hash) {
    var links = document.querySelectorAll(".pn-languages a[href], .pn-editions a[href]");
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].getAttribute("href"), location.href);
      url.hash = hash;
      links[i].href = url.href;
    }
  }

  function startView() {
    var hash = location.hash, key = programmeKey(hash);
    keepProgrammeInSwitchLinks(hash);
    var result = decode(hash);
    var week = root.querySelector(".pn-prog-week");
    if (result.status !== "ok") {
      status(result.status === "broken" ? T.view.broken : T.view.empty);
      showList([]);
      week.hidden = true;
      drawQr("");
      return;
    }
    status("");
    var items = result.items;

    function ticksFor(all) {
      var mine = all[key];
      return mine && typeof mine === "object" ? mine : {};
    }

    function drawWeek() {
      var mine = ticksFor(readTicks()), days = lastDays(7), lang = document.documentElement.lang || undefined;
      var table = document.createElement("table");
      table.className = "pn-week";
      var head = table.createTHead().insertRow();
      var corner = document.createElement("th");
      corner.scope = "col";
      corner.textContent = T.view.exercise_column;
      head.appendChild(corner);
      days.forEach(function (day) {
        var th = document.createElement("th");
        th.scope = "col";
        th.textContent = day.toLocaleDateString(lang, { weekday: "short", day: "numeric" });
        head.appendChild(th);
      });
      var body = table.createTBody();
      items.forEach(function (item, index) {
        if (!item.known) return;
        var row = body.insertRow(), th = document.createElement("th");
        th.scope = "row";
        th.textContent = DATA.exercises[item.id].title;
        row.appendChild(th);
        days.forEach(function (day) {
          var done = (mine[dayKey(day)] || []).indexOf(index) >= 0;
          var cell = row.insertCell(), mark = document.createElement("span"), words = document.createElement("span");
          mark.setAttribute("aria-hidden", "true");
          mark.textContent = done ? "\u2713" : "\u00b7";
          words.className = "pn-visually-hidden";
          words.textContent = done ? T.view.done_label : T.view.not_done_label;
          cell.className = done ? "pn-week-done" : "";
          cell.appendChild(mark);
          cell.appendChild(words);
        });
      });
      var holder = week.querySelector(".pn-prog-week__table");
      holder.replaceChildren(table);
      week.hidden = false;
    }

    showList(items, function (card, item, index) {
      if (!item.known) return;
      var label = document.createElement("label"), box = document.createElement("input");
      label.className = "pn-prog-done pn-screen-only";
      box.type = "checkbox";
      box.checked = (ticksFor(readTicks())[dayKey()] || []).indexOf(index) >= 0;
      box.addEventListener("change", function () {
        var all = readTicks(), mine = ticksFor(all), today = dayKey(), list = (mine[today] || []).filter(function (i) { return i !== index; });
        if (box.checked) list.push(index);
        mine[today] = list;
        // Only the last two weeks are worth keeping.
        var oldest = dayKey(lastDays(14)[0]);
        Object.keys(mine).forEach(function (day) { if (day < oldest) delete mine[day]; });
        all[key] = mine;
        writeTicks(all);
        drawWeek();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + T.view.done_today));
      card.appendChild(label);
    });
    drawWeek();
    root.querySelector(".pn-prog-clear").onclick = function () {
      if (!window.confirm(T.view.clear_confirm)) return;
      var all = readTicks();
      delete all[key];
      writeTicks(all);
      root.querySelectorAll(".pn-prog-done input").forEach(function (box) { box.checked = false; });
      drawWeek();
      status(T.view.cleared);
    };
    drawQr(location.href);
  }

  // ------------------------------------------------------------ the builder
  function startBuilder() {
    var chosen = [];
    var start = decode(location.hash);
    if (start.status === "ok") chosen = start.items.filter(function (item) { return item.known; });
    var itemsList = root.querySelector(".pn-builder__items");
    var linkBox = document.getElementById("pn-link");

    function update(focusItem) {
      root.querySelector(".pn-builder__empty").hidden = chosen.length > 0;
      var link = chosen.length ? viewLink(chosen) : "";
      linkBox.value = link;
      var open = root.querySelector(".pn-prog-open");
      open.href = link || DATA.view;
      history.replaceState(null, "", chosen.length ? "#" + encode(chosen) : location.pathname);
      drawQr(link);
      showList(chosen);
      root.querySelectorAll(".pn-prog-add").forEach(function (button) {
        var count = chosen.filter(function (item) { return item.id === button.dataset.exercise; }).length;
        button.textContent = count ? T.builder.added : T.builder.add;
      });
      if (focusItem !== undefined) drawItems(focusItem);
    }

    function drawItems(focus) {
      itemsList.replaceChildren();
      var template = document.getElementById("pn-builder-item");
      chosen.forEach(function (item, index) {
        var li = template.content.firstElementChild.cloneNode(true);
        var title = DATA.exercises[item.id].title;
        li.querySelector(".pn-builder__item-title").textContent = (index + 1) + ". " + title;
        li.querySelectorAll(".pn-dose-label").forEach(function (span) { span.textContent = T.dose[span.dataset.field]; });
        li.querySelectorAll("[data-field]").forEach(function (input) {
          if (input.tagName === "SPAN") return;
          var name = input.dataset.field;
          input.value = item[name];
          input.addEventListener("input", function () {
            if (name === "note") {
              item.note = cleanNote(input.value);
            } else if (name === "side") {
              item.side = SIDES.indexOf(input.value) >= 0 ? input.value : "";
            } else {
              var value = parseInt(input.value, 10);
              item[name] = Number.isInteger(value) ? Math.max(0, Math.min(LIMITS[name], value)) : 0;
            }
            update();
          });
        });
        var up = li.querySelector(".pn-item-up"), down = li.querySelector(".pn-item-down"), remove = li.querySelector(".pn-item-remove");
        up.disabled = index === 0;
        down.disabled = index === chosen.length - 1;
        [up, down, remove].forEach(function (button) {
          button.setAttribute("aria-label", button.textContent + ": " + title);
        });
        up.addEventListener("click", function () { move(index, -1, ".pn-item-up"); });
        down.addEventListener("click", function () { move(index, 1, ".pn-item-down"); });
        remove.addEventListener("click", function () {
          chosen.splice(index, 1);
          update(null);
          var next = itemsList.children[Math.min(index, chosen.length - 1)];
          (next ? next.querySelector("input") : document.getElementById("pn-search")).focus();
        });
        itemsList.appendChild(li);
      });
      if (focus && focus.index !== undefined && itemsList.children[focus.index]) {
        itemsList.children[focus.index].querySelector(focus.selector).focus();
      }
    }

    function move(index, step, selector) {
      var target = index + step;
      if (target < 0 || target >= chosen.length) return;
      var item = chosen.splice(index, 1)[0];
      chosen.splice(target, 0, item);
      var button = target === 0 || target === chosen.length - 1 ? ".pn-item-remove" : selector;
      update({ index: target, selector: button });
    }

    root.querySelectorAll(".pn-prog-add").forEach(function (button) {
      button.addEventListener("click", function () {
        if (chosen.length >= LIMITS.exercises) return;
        var id = button.dataset.exercise, dose = DATA.exercises[id].dose;
        var item = { id: id, note: "", known: true };
        FIELDS.forEach(function (name) { item[name] = dose[name]; });
        chosen.push(item);
        update({ index: chosen.length - 1, selector: "input" });
      });
    });

    var search = document.getElementById("pn-search");
    search.addEventListener("input", function () {
      var words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      root.querySelectorAll(".pn-builder__choices > li").forEach(function (li) {
        var match = words.every(function (word) { return li.dataset.name.indexOf(word) >= 0; });
        li.hidden = !match;
        if (match) shown++;
      });
      root.querySelectorAll(".pn-builder__choices").forEach(function (list) {
        var visible = list.querySelector("li:not([hidden])");
        list.hidden = !visible;
        list.previousElementSibling.hidden = !visible;
      });
      root.querySelector(".pn-builder__nomatch").textContent = shown ? "" : T.builder.no_match;
    });

    root.querySelector(".pn-prog-copy").addEventListener("click", function () {
      var done = function () { root.querySelector(".pn-prog-copied").textContent = T.builder.copied; };
      if (!linkBox.value) return;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(linkBox.value).then(done, function () { linkBox.select(); });
      } else {
        linkBox.select();
        if (document.execCommand && document.execCommand("copy")) done();
      }
    });
    root.querySelector(".pn-prog-print").addEventListener("click", function () { window.print(); });
    update(null);
  }

  if (root.dataset.programmeMode === "builder") {
    startBuilder();
  } else {
    startView();
    window.addEventListener("hashchange", startView);
  }

  // Offline use: the service worker keeps these pages and their pictures (see sw.js).
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register(DATA.sw).catch(function () { /* offline use is a bonus */ });
  }
})();
