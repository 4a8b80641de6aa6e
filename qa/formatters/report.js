/* release-qa HTML report: filters, finding cards, jumping from the list to the text. */
(function () {
  "use strict";
  var card = document.getElementById("card");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-f]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.m"));
  // bilingual mode: marks of the Chinese original, `s` + the id of their finding's `f` marks
  var srcMarks = Array.prototype.slice.call(document.querySelectorAll("mark.src"));
  function findingOf(m) { return m.classList.contains("src") ? "f" + m.dataset.f.slice(1) : m.dataset.f; }
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".filters input"));
  var shown = document.querySelector(".filters .shown");
  var nav = document.querySelector(".filters");

  function measure() {
    document.documentElement.style.setProperty("--fh", (nav ? nav.offsetHeight : 0) + "px");
  }

  function checked(attr) {
    var on = {};
    boxes.forEach(function (b) { if (b.hasAttribute(attr)) { on[b.getAttribute(attr)] = b.checked; } });
    return on;
  }

  function apply() {
    var sev = checked("data-sev"), cat = checked("data-cat"), sup = checked("data-sup")["1"] === true;
    var visible = {}, count = 0, total = 0;
    rows.forEach(function (r) {
      var d = r.dataset, isSup = d.sup === "1";
      var on = sev[d.sev] !== false && cat[d.cat] !== false && (!isSup || sup);
      visible[d.f] = on;
      r.classList.toggle("off", !on);
      if (!isSup) { total += 1; if (on) { count += 1; } }
    });
    marks.forEach(function (m) { m.classList.toggle("off", !visible[m.dataset.f]); });
    srcMarks.forEach(function (m) { m.classList.toggle("off", !visible[findingOf(m)]); });
    if (shown) { shown.textContent = "showing " + count + " of " + total; }
    hideCard();
  }

  function hideCard() { card.hidden = true; card.textContent = ""; current(null); }

  function paired(ids) {          // both sides of the findings shown: outlined, in view in their pane
    marks.concat(srcMarks).forEach(function (m) {
      var on = !!ids && ids.indexOf(findingOf(m)) >= 0;
      m.classList.toggle("pairon", on && srcMarks.length > 0);
    });
    if (!ids) { return; }
    var seen = {};
    srcMarks.concat(marks).forEach(function (m) {
      var pane = m.closest(".pair > .text");
      if (!pane || seen[pane.className] || ids.indexOf(findingOf(m)) < 0) { return; }
      seen[pane.className] = true;
      var r = m.getBoundingClientRect(), p = pane.getBoundingClientRect();
      if (r.top < p.top + 20 || r.bottom > p.bottom - 20) { pane.scrollTop += r.top - p.top - pane.clientHeight / 3; }
    });
  }

  function current(ids) {
    paired(ids);
    var first = null;
    rows.forEach(function (r) {
      var on = !!ids && ids.indexOf(r.dataset.f) >= 0;
      r.classList.toggle("current", on);
      if (on && !first) { first = r; }
    });
    var side = first && first.closest(".side");
    if (side && side.scrollHeight > side.clientHeight) {      // bring the row into the list's view
      var top = first.offsetTop, view = side.scrollTop;
      if (top < view + 30 || top > view + side.clientHeight - 40) { side.scrollTop = top - side.clientHeight / 3; }
    }
  }

  function showCard(ids, anchor) {
    card.textContent = "";
    ids.forEach(function (id) {
      var t = document.getElementById("card-" + id);
      if (!t) { return; }
      var box = document.createElement("div");
      box.appendChild(t.content.cloneNode(true));
      card.appendChild(box);
    });
    if (!card.firstChild) { return; }
    card.hidden = false;
    var r = anchor.getBoundingClientRect();
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8);
    card.style.left = Math.max(window.scrollX + 8, left) + "px";
    card.style.top = (window.scrollY + r.bottom + 6) + "px";
    current(ids);
  }

  function idsAt(target) {
    var ids = [], m = target.closest ? target.closest("mark.m, mark.src") : null;
    while (m) {
      if (!m.classList.contains("off") && ids.indexOf(findingOf(m)) < 0) { ids.push(findingOf(m)); }
      m = m.parentElement ? m.parentElement.closest("mark.m, mark.src") : null;
    }
    return ids;
  }

  function openFromText(e) {
    var ids = idsAt(e.target);
    if (!ids.length) { return false; }
    showCard(ids, e.target.closest("mark.m, mark.src"));
    return true;
  }

  function openFromRow(row) {
    var id = row.dataset.f, first = document.querySelector('mark.m[data-f="' + id + '"]');
    if (!first) { return; }
    first.scrollIntoView({ block: "center" });
    first.classList.add("flash");
    setTimeout(function () { first.classList.remove("flash"); }, 1200);
    showCard([id], first);
  }

  document.addEventListener("click", function (e) {
    if (card.contains(e.target)) { return; }
    var row = e.target.closest ? e.target.closest("tr[data-f]") : null;
    if (row) { openFromRow(row); return; }
    if (!openFromText(e)) { hideCard(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hideCard(); return; }
    if (e.key !== "Enter") { return; }
    var el = document.activeElement;
    if (el && el.matches("tr[data-f]")) { openFromRow(el); }
    else if (el && el.matches("mark.m, mark.src")) { openFromText({ target: el }); }
  });
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  window.addEventListener("resize", measure);
  measure();
  apply();
})();
