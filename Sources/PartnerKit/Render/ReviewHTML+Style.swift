import Foundation

/// The page's stylesheet and its one small script, kept apart from the markup.
extension ReviewHTML {
    public static var css: String {
        let p = ReviewPalette.self
        return """
            :root { --ink: \(p.ink); --muted: \(p.muted); --line: \(p.line); --panel: \(p.panel); --accent: \(p.accent);
                    --green: \(p.color(.green)); --amber: \(p.color(.amber)); --red: \(p.color(.red)); }
            * { box-sizing: border-box; }
            body { font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
                   max-width: 1400px; margin: 0 auto; padding: 16px 24px; background: \(p.paper); }
            h1 { margin: 0; font-size: 24px; color: var(--accent); }
            h1 .lib { font-weight: 400; color: var(--ink); font-size: 18px; margin-left: 8px; }
            .sub { margin: 2px 0 10px; color: var(--muted); }
            h2 { font-size: 18px; margin: 0 0 8px; color: var(--accent); border-bottom: 2px solid var(--line); padding-bottom: 3px; }
            h3 { font-size: 15px; margin: 0; }
            section { margin: 14px 0; }
            .first { display: grid; grid-template-columns: minmax(320px, 36fr) 64fr; gap: 24px; align-items: start; }
            .first > section, .todo > section:first-child { margin-top: 0; }
            ol.actions { margin: 0; padding-left: 22px; }
            ol.actions > li, ul.actions > li { margin: 0 0 10px; }
            ul.actions { margin: 6px 0 8px; padding-left: 20px; }
            .why { color: var(--muted); font-size: 14px; }
            .tag { display: inline-block; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
                   color: var(--accent); border: 1px solid var(--accent); border-radius: 3px; padding: 0 4px; }
            .tag.repair, .tag.dealbreaker { color: var(--red); border-color: var(--red); }
            details.group { border-bottom: 1px solid var(--line); padding: 4px 0; }
            details > summary { cursor: pointer; }
            details > summary h3, details > summary h2 { display: inline; }
            details.ties > summary h2 { border: none; font-size: 16px; }
            .count { display: inline-block; min-width: 22px; text-align: center; font-size: 13px; background: var(--panel);
                     border: 1px solid var(--line); border-radius: 10px; padding: 0 6px; color: var(--ink); }
            .two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
            th { font-size: 13px; color: var(--muted); }
            tr { break-inside: avoid; }
            .muted { color: var(--muted); }
            .red-text { color: var(--red); }
            .bar { height: 12px; background: var(--accent); border-radius: 3px; display: inline-block; vertical-align: middle; }
            .cov td { border: none; padding: 3px 6px; }
            .badge { display: inline-flex; align-items: center; gap: 4px; font-weight: 600; }
            .badge.green { color: var(--green); } .badge.amber { color: var(--amber); } .badge.red { color: var(--red); }
            figure { margin: 0; }
            #map-svg { display: block; width: 100%; height: auto; max-height: 88vh; background: \(p.paper);
                       border: 1px solid var(--line); border-radius: 6px; touch-action: none; }
            #map-svg text { font-family: inherit; fill: var(--ink); paint-order: stroke; stroke: \(p.paper); stroke-width: 3px;
                            stroke-linejoin: round; }
            #map-svg text .cap { fill: var(--muted); }
            #map-svg .lib { font-weight: 600; }
            #map-svg .hover-label { visibility: hidden; font-weight: 600; }
            #map-svg .node:hover .hover-label, #map-svg .node:focus .hover-label { visibility: visible; }
            #map-svg .node:focus { outline: none; }
            #map-svg .node:focus .mk { stroke: var(--ink); stroke-width: 3px; }
            #map-svg .dim { opacity: .14; }
            .map-controls { display: flex; gap: 6px; align-items: center; margin: 0 0 6px; flex-wrap: wrap; }
            .map-controls button { font: inherit; min-width: 34px; padding: 2px 8px; border: 1px solid var(--accent);
                                   background: var(--accent); color: \(p.paper); border-radius: 4px; cursor: pointer; }
            .map-controls select { font: inherit; }
            [hidden] { display: none !important; }
            ul.legend { list-style: none; padding: 0; margin: 6px 0 2px; display: flex; flex-wrap: wrap; gap: 2px 14px;
                        font-size: 13px; }
            ul.legend li { display: flex; align-items: center; gap: 4px; }
            figcaption { font-size: 13px; color: var(--muted); }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
            .card { border: 1px solid var(--line); border-left: 6px solid var(--neutral, \(p.neutral)); border-radius: 6px;
                    padding: 8px 12px; background: var(--panel); break-inside: avoid; }
            .card.green { border-left-color: var(--green); } .card.amber { border-left-color: var(--amber); }
            .card.red { border-left-color: var(--red); border-left-style: double; border-left-width: 8px; }
            .card.proposed { border-left-style: dashed; }
            .card .partners { margin: 0 0 4px; color: var(--muted); font-size: 14px; }
            .card dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 4px; font-size: 14px; }
            .card dt { color: var(--muted); }
            .card dd { margin: 0; }
            .card details { font-size: 14px; }
            .card details ul { padding-left: 18px; margin: 4px 0; }
            h2.sub2 { margin-top: 16px; }
            footer { margin-top: 20px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 6px; }
            @media (max-width: 900px) {
              body { padding: 10px 12px; }
              .first, .two { display: block; }
              #map { margin-top: 18px; }
              #map-svg { max-height: none; }
            }
            /* On a phone the map keeps a readable size and scrolls sideways (or zoom and pan). */
            @media screen and (max-width: 600px) {
              .map-frame { overflow-x: auto; }
              #map-svg { min-width: 640px; }
            }
            @page { size: letter; margin: 0.45in; }
            .print-hint { font-size: 13px; color: var(--muted); margin: 0 0 8px; }
            .print-hint a { color: var(--accent); }
            /* "#summary-only": the summary, the actions and the map, without the cards, the
               bookkeeping and the survey's detail after them (to
               print the four pages a meeting needs). CSS only, so it works without script. */
            html:has(#summary-only:target) #cards, html:has(#summary-only:target) section.survey,
            html:has(#summary-only:target) #records { display: none; }
            @media print {
              /* The five actions and every other one, grouped and open (short: the reasons are
                 on the cards); the map, whole, on one page; the portfolio's shape; then the
                 cards from a new page. The ties table is the map's text alternative on
                 screen: on paper the map itself is there. Three or four Letter pages. */
              body { font-size: 10pt; line-height: 1.35; padding: 0; max-width: none; }
              h1 { font-size: 18pt; } h2 { font-size: 13pt; } h3 { font-size: 10.5pt; }
              .print-hint, .map-controls, details.ties, #map-check { display: none !important; }
              .first { display: block; }
              ol.actions > li, ul.actions > li { margin-bottom: 5px; }
              .why { font-size: 9pt; }
              #more { margin-top: 8px; font-size: 9.5pt; columns: 2; column-gap: 18px; }
              #more > h2 { column-span: all; }
              #more .why { display: none; }
              #more ul.actions > li { margin-bottom: 2px; }
              details.group { padding: 1px 0; border: none; }
              #map { break-inside: avoid; margin-top: 10px; }
              #map-svg { max-height: 5.5in; border: none; }
              ul.legend { font-size: 9pt; }
              figcaption { font-size: 9pt; }
              .two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; break-inside: avoid; }
              .two svg { max-height: 2.6in; }
              section, details, figure, .card, li, tr, dl { break-inside: avoid; }
              #more, details.group { break-inside: auto; }
              h2, h3, summary { break-after: avoid; }
              details.group::details-content { content-visibility: visible; }
              details.group > summary { list-style: none; }
              details.group > summary h3 { display: block; margin-top: 4px; }
              #cards { break-before: page; }
              .cards { grid-template-columns: 1fr 1fr; gap: 8px; }
              .card { background: none; }
              footer { break-inside: avoid; }
            }
            """
    }

    /// The page's one script element, exactly as written: no `src`, no URL, the same bytes
    /// for every workspace (no user string is ever put into it). The safety tests allow this
    /// element and no other.
    public static var scriptElement: String { "<script>\(script)</script>" }

    /// Zoom (buttons, ctrl/⌘ + wheel, + and − keys), pan (drag, arrow keys), the filter by
    /// health or priority, and a check of the drawn labels' boxes written into the page for
    /// the browser test. Plain JavaScript, no library; the page is complete without it.
    public static let script = #"""
        (function () {
          "use strict";
          var root = document.documentElement;
          window.addEventListener("error", function (e) { root.setAttribute("data-script-error", String(e.message)); });
          var svg = document.getElementById("map-svg");
          var out = document.getElementById("map-check");
          if (!svg) { return; }
          document.getElementById("map-controls").hidden = false;
          var home = svg.getAttribute("viewBox").split(" ").map(Number);
          var vb = home.slice();
          function apply() { svg.setAttribute("viewBox", vb.map(function (v) { return v.toFixed(1); }).join(" ")); }
          function zoom(f, cx, cy) {
            var w = Math.max(home[2] / 6, Math.min(home[2] * 1.5, vb[2] * f));
            var k = w / vb[2];
            if (cx === undefined) { cx = vb[0] + vb[2] / 2; cy = vb[1] + vb[3] / 2; }
            vb = [cx - (cx - vb[0]) * k, cy - (cy - vb[1]) * k, vb[2] * k, vb[3] * k];
            apply();
          }
          function pan(dx, dy) { vb[0] += dx; vb[1] += dy; apply(); }
          function scale() { return vb[2] / (svg.getBoundingClientRect().width || vb[2]); }
          document.getElementById("map-controls").addEventListener("click", function (e) {
            var z = e.target.getAttribute && e.target.getAttribute("data-zoom");
            if (z === "in") { zoom(0.8); } else if (z === "out") { zoom(1.25); } else if (z === "reset") { vb = home.slice(); apply(); }
          });
          svg.addEventListener("wheel", function (e) {
            if (!e.ctrlKey && !e.metaKey) { return; }
            e.preventDefault();
            var r = svg.getBoundingClientRect(), s = scale();
            zoom(e.deltaY < 0 ? 0.85 : 1.18, vb[0] + (e.clientX - r.left) * s, vb[1] + (e.clientY - r.top) * s);
          }, { passive: false });
          var drag = null;
          svg.addEventListener("pointerdown", function (e) { drag = { x: e.clientX, y: e.clientY }; });
          window.addEventListener("pointerup", function () { drag = null; });
          svg.addEventListener("pointermove", function (e) {
            if (!drag) { return; }
            var s = scale();
            pan(-(e.clientX - drag.x) * s, -(e.clientY - drag.y) * s);
            drag = { x: e.clientX, y: e.clientY };
          });
          svg.addEventListener("keydown", function (e) {
            var step = vb[2] / 10, k = e.key;
            if (k === "+" || k === "=") { zoom(0.8); } else if (k === "-") { zoom(1.25); }
            else if (k === "0") { vb = home.slice(); apply(); }
            else if (k === "ArrowLeft") { pan(-step, 0); } else if (k === "ArrowRight") { pan(step, 0); }
            else if (k === "ArrowUp") { pan(0, -step); } else if (k === "ArrowDown") { pan(0, step); }
            else { return; }
            e.preventDefault();
          });
          var nodes = Array.prototype.slice.call(svg.querySelectorAll(".node[data-id]"));
          var lines = Array.prototype.slice.call(svg.querySelectorAll(".ties line"));
          document.getElementById("map-filter").addEventListener("change", function (e) {
            var v = e.target.value, kind = v.split(":")[0], what = v.slice(kind.length + 1), shown = {};
            nodes.forEach(function (n) {
              var ok = v === "all" || (kind === "health" && n.getAttribute("data-health") === what) ||
                (kind === "priority" && n.getAttribute("data-priorities").split(" ").indexOf(what) >= 0);
              n.classList.toggle("dim", !ok);
              if (ok) { shown[n.getAttribute("data-id")] = true; }
            });
            lines.forEach(function (l) {
              var a = l.getAttribute("data-a"), b = l.getAttribute("data-b");
              l.classList.toggle("dim", v !== "all" && !((shown[a] || a === svg.getAttribute("data-library")) &&
                (shown[b] || b === svg.getAttribute("data-library"))));
            });
          });
          // The label check: the drawn boxes of the permanent labels against each other and
          // against every marker but their own.
          var labels = Array.prototype.slice.call(svg.querySelectorAll("text.map-label"));
          var marks = Array.prototype.slice.call(svg.querySelectorAll(".mk"));
          function box(el) { var b = el.getBBox(); return { x: b.x, y: b.y, w: b.width, h: b.height, g: el.parentNode }; }
          function hit(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }
          var lb = labels.map(box), mb = marks.map(box), bad = [];
          for (var i = 0; i < lb.length; i++) {
            for (var j = i + 1; j < lb.length; j++) { if (hit(lb[i], lb[j])) { bad.push(labels[i].textContent + " / " + labels[j].textContent); } }
            for (var m = 0; m < mb.length; m++) { if (mb[m].g !== lb[i].g && hit(lb[i], mb[m])) { bad.push(labels[i].textContent + " / marker"); } }
          }
          out.setAttribute("data-labels", String(labels.length));
          out.setAttribute("data-overlaps", String(bad.length));
          out.textContent = bad.join("; ");
          root.setAttribute("data-script", "ok");
        })();
        """#
}
