/* factcheck HTML report: severity filter, mark <-> note linking, margin notes aligned with their text. */
(function () {
  "use strict";
  var RANK = { info: 0, warning: 1, error: 2 };
  var root = document.documentElement;
  function hidden(sev) { return root.classList.contains("hide-" + sev); }

  function restyleMarks(section) {
    var sev = {};
    section.querySelectorAll(".fc-note").forEach(function (n) { sev[n.dataset.finding] = n.dataset.severity; });
    section.querySelectorAll("mark.fc-mark").forEach(function (m) {
      var best = null;
      m.dataset.findings.split(" ").forEach(function (id) {
        var s = sev[id];
        if (s && !hidden(s) && (best === null || RANK[s] > RANK[best])) { best = s; }
      });
      m.classList.remove("sev-error", "sev-warning", "sev-info", "fc-off");
      m.classList.add(best === null ? "fc-off" : "sev-" + best);
    });
  }

  function layout(section) {
    var notes = section.querySelector(".fc-notes");
    var text = section.querySelector(".fc-text");
    if (!notes || !text) { return; }
    var wide = window.matchMedia("(min-width: 1001px)").matches && !window.matchMedia("print").matches;
    notes.classList.toggle("aligned", wide);
    if (!wide) { notes.style.height = ""; return; }
    var base = notes.getBoundingClientRect().top;
    var bottom = 0;
    notes.querySelectorAll(".fc-note").forEach(function (n) {
      if (getComputedStyle(n).display === "none") { return; }
      var first = section.querySelector('[data-findings~="' + n.dataset.finding + '"]');
      var want = first ? first.getBoundingClientRect().top - base : bottom;
      var top = Math.max(want, bottom);
      n.style.top = top + "px";
      bottom = top + n.offsetHeight + 8;
    });
    notes.style.height = bottom + "px";
  }

  function activate(section, id, scroll) {
    section.querySelectorAll(".active").forEach(function (e) { e.classList.remove("active"); });
    var note = section.querySelector('.fc-note[data-finding="' + id + '"]');
    var marks = section.querySelectorAll('[data-findings~="' + id + '"]');
    marks.forEach(function (m) { m.classList.add("active"); });
    if (note) { note.classList.add("active"); if (scroll) { note.scrollIntoView({ block: "nearest" }); } }
  }

  function all(fn) { document.querySelectorAll("section.fc-doc").forEach(fn); }

  document.querySelectorAll("input.fc-filter").forEach(function (box) {
    box.addEventListener("change", function () {
      root.classList.toggle("hide-" + box.value, !box.checked);
      all(function (s) { restyleMarks(s); layout(s); });
    });
  });
  all(function (section) {
    section.addEventListener("click", function (ev) {
      var mark = ev.target.closest("mark.fc-mark, .fc-point");
      if (mark && !mark.classList.contains("fc-off")) {
        var ids = mark.dataset.findings.split(" ");
        var cur = ids.indexOf(mark.dataset.cycle || "");
        var next = ids[(cur + 1) % ids.length];
        mark.dataset.cycle = next;
        activate(section, next, true);
        return;
      }
      var note = ev.target.closest(".fc-note");
      if (note && !ev.target.closest("a")) {
        activate(section, note.dataset.finding, false);
        var m = section.querySelector('[data-findings~="' + note.dataset.finding + '"]');
        if (m) { m.scrollIntoView({ block: "center" }); }
      }
    });
    restyleMarks(section);
  });
  function relayout() { all(layout); }
  window.addEventListener("resize", relayout);
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".fc-notes").forEach(function (n) { n.classList.remove("aligned"); n.style.height = ""; });
  });
  window.addEventListener("afterprint", relayout);
  relayout();
  root.dataset.ready = "1";
})();
