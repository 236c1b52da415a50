#!/usr/bin/env bash
# The review page (`partnerkit review --html`) tested in a real browser, headless Chromium:
#
#   - writes the sample workspace's review (Data/sample, as of 2026-11-29) and checks the
#     command's one-line output;
#   - loads it at 1280 px and at 420 px, lets the page's own script run, and reads back what
#     it wrote into the DOM: the script ran, no error, and the map's labels, measured as the
#     browser drew them (getBBox), overlap nothing;
#   - no console messages at all (a CSP violation, a script error or a failed load each
#     print one), and no request but the file itself (Chromium's net log);
#   - screenshots at both widths, and prints to PDF (US Letter): the summary, the actions
#     and the map ("#summary-only", which leaves the cards out) on at most 4 pages, the
#     cards after them;
#   - the map's controls work (zoom, pan, reset, the filter by health and by priority) and,
#     without JavaScript, the page is the same static map with every label;
#   - and that these checks can fail: broken copies of the page (a script error, a label
#     blown up over the others, an image from the network, with and without the CSP) must
#     fail them.
#
#   Scripts/browser_test.sh [--image FILE]
#
# Outputs go to $OUT (default .build/browser-test): review.html, first-1280.png,
# first-420.png, review.pdf, summary.pdf, the net log and Chromium's logs. `--image FILE`
# also copies the 1280 px first screen to FILE (the README's screenshot,
# Documentation/images/review-first-screen.png). Uses $PARTNERKIT as the binary when set,
# else builds .build/debug/partnerkit. Installs Chromium from the distribution's packages
# (`apt-get install -y chromium`) when it is missing. Python 3 (standard library) reads the
# PDFs and the net log.
set -euo pipefail
cd "$(dirname "$0")/.."

image=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --image) image="${2:?--image needs a file}"; shift 2 ;;
        -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
        *) echo "usage: Scripts/browser_test.sh [--image FILE]" >&2; exit 2 ;;
    esac
done

out="${OUT:-.build/browser-test}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# Chromium, from the distribution when missing.
browser=""
for b in chromium chromium-browser; do command -v "$b" >/dev/null 2>&1 && { browser="$b"; break; }; done
if [[ -z "$browser" ]]; then
    echo "Chromium is missing: installing it (apt-get install -y chromium)"
    sudo=""
    [[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo="sudo -n"
    if command -v apt-get >/dev/null 2>&1; then
        # Non-interactive: a fresh machine's first install may ask about time zones otherwise.
        apt="$sudo env DEBIAN_FRONTEND=noninteractive apt-get"
        $apt install -y chromium >/dev/null 2>&1 \
            || { $apt update >/dev/null && $apt install -y chromium >/dev/null; }
    fi
    command -v chromium >/dev/null 2>&1 && browser=chromium
    [[ -n "$browser" ]] || { echo "could not install Chromium" >&2; exit 1; }
fi

# The binary, and the sample review.
bin="${PARTNERKIT:-}"
if [[ -z "$bin" ]]; then
    bin=.build/debug/partnerkit
    [[ -x "$bin" ]] || swift build --product partnerkit >/dev/null
fi
html="$out/review.html"
rm -f "$html"
line="$("$bin" review --workspace Data/sample --as-of 2026-11-29 --html "$html" 2>"$out/review.stderr" || true)"
if [[ "$line" == "wrote $html: 5 actions, 13 partnerships" ]]; then pass "one line: $line"; else fail "review --html printed: $line"; fi
url="file://$html"

# The file itself: one script (ours, inline), a content security policy, no URL.
python3 - "$html" <<'PY' || failures=$((failures + 1))
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
problems = []
if len(re.findall(r"<script", page, re.I)) != 1 or "<script>" not in page:
    problems.append("not exactly one inline <script>")
if "Content-Security-Policy" not in page or "default-src 'none'" not in page:
    problems.append("no content security policy")
for bad in ["http:", "https:", "src=", "url(", "@import", "<link", "<img", "<iframe"]:
    if bad in page:
        problems.append(f"{bad} in the page")
if problems:
    print("FAIL: " + "; ".join(problems), file=sys.stderr); sys.exit(1)
print("ok: one inline script, a CSP, no URL in the file")
PY

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check
       --disable-dev-shm-usage --disable-extensions --disable-background-networking --disable-sync
       --disable-component-update --disable-default-apps --mute-audio --user-data-dir="$out/profile")
run() { "$browser" "${flags[@]}" "$@"; }

# Load a page at a width, let its script run, read back what it wrote into the DOM (the script
# ran, no error, the map's labels as drawn overlap nothing); no console message; no request.
page_checks() {
    local page="$1" width="$2" name="$3" log netlog dom check labels overlaps
    log="$out/chromium-$name-$width.log"
    netlog="$out/netlog-$name-$width.json"
    run --window-size="$width,900" --virtual-time-budget=5000 --enable-logging=stderr --v=0 \
        --log-net-log="$netlog" --dump-dom "$page" >"$out/dom-$name-$width.html" 2>"$log" || true
    dom="$out/dom-$name-$width.html"
    if grep -q 'data-script="ok"' "$dom"; then pass "$width px: the page's script ran"; else fail "$width px: the script did not run (see $log)"; fi
    if grep -q '<html[^>]*data-script-error=' "$dom"; then fail "$width px: script error: $(grep -o '<html[^>]*>' "$dom")"; fi
    check="$(grep -o '<output id="map-check"[^>]*>[^<]*' "$dom" || true)"
    labels="$(sed -n 's/.*data-labels="\([0-9]*\)".*/\1/p' <<<"$check")"
    overlaps="$(sed -n 's/.*data-overlaps="\([0-9]*\)".*/\1/p' <<<"$check")"
    if [[ "$overlaps" == "0" && "${labels:-0}" -ge 20 ]]; then
        pass "$width px: $labels map labels as drawn, none overlapping"
    else
        fail "$width px: map labels ${labels:-?}, overlaps ${overlaps:-?}: $(cut -c1-300 <<<"${check#*>}")"
    fi
    if grep -q "CONSOLE" "$log"; then fail "$width px: console messages:"; grep "CONSOLE" "$log" | head -5 >&2; else pass "$width px: no console message"; fi
    # No request from the page: in the net log, every request the page started (one with
    # an initiator; a file:// page's is "null") counts, and there must be none. (The file
    # itself is read outside the network stack; Chromium's own background requests, such as
    # its component updater, have no initiator: they are not the page's and are ignored.)
    python3 - "$netlog" <<'PY' || failures=$((failures + 1))
import json, sys
text = open(sys.argv[1]).read().rstrip().rstrip(",")
try:
    log = json.loads(text)
except ValueError:  # a log cut short at exit lacks its closing brackets
    log = json.loads(text + "]}")
start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
page, browser = [], 0
for e in log.get("events", []):
    if e.get("type") != start:
        continue
    p = e.get("params") or {}
    if p.get("initiator", "not an origin") == "not an origin":
        browser += 1
    else:
        page.append(p.get("url", "?"))
if page:
    print("FAIL: the page made requests: " + ", ".join(page[:5]), file=sys.stderr); sys.exit(1)
print(f"ok: the page made no request (net log; {browser} of Chromium's own ignored)")
PY
}

for width in 1280 420; do
    page_checks "$url" "$width" review
    run --window-size="$width,900" --virtual-time-budget=3000 --screenshot="$out/first-$width.png" "$url" 2>/dev/null \
        && [[ -s "$out/first-$width.png" ]] && pass "$width px: screenshot $out/first-$width.png" \
        || fail "$width px: no screenshot"
done

# The map's controls, driven as a user would (a test script added to a copy of the page):
# zoom in, pan right with the arrow key, reset, filter by health and by priority, show all.
python3 - "$html" "$out/interact.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
test = """<script>(function () {
  var r = [], svg = document.getElementById("map-svg"), sel = document.getElementById("map-filter");
  function vb() { return svg.getAttribute("viewBox").split(" ").map(Number); }
  function say(name, ok) { r.push(name + ":" + (ok ? "ok" : "FAIL")); }
  var home = vb();
  document.querySelector("[data-zoom=in]").click();
  var z = vb(); say("zoom", z[2] < home[2] && z[3] < home[3]);
  svg.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
  say("pan", vb()[0] > z[0]);
  document.querySelector("[data-zoom=reset]").click();
  say("reset", vb().every(function (v, k) { return Math.abs(v - home[k]) < 0.05; }));
  var nodes = svg.querySelectorAll(".node[data-id]").length;
  function pick(v) { sel.value = v; sel.dispatchEvent(new Event("change")); return svg.querySelectorAll(".node.dim").length; }
  var red = svg.querySelectorAll(".node[data-health=red]").length;
  say("filter-health", red > 0 && pick("health:red") === nodes - red);
  var p = Array.prototype.filter.call(sel.options, function (o) { return o.value.indexOf("priority:") === 0; })[0];
  var dimmed = p ? pick(p.value) : -1; say("filter-priority", dimmed > 0 && dimmed < nodes);
  say("show-all", pick("all") === 0 && svg.querySelectorAll(".ties .dim").length === 0);
  document.documentElement.setAttribute("data-interaction", r.join(" "));
})();</script></body>"""
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", test))
PY
run --window-size=1280,900 --virtual-time-budget=5000 --dump-dom "file://$out/interact.html" >"$out/dom-interact.html" 2>/dev/null || true
interaction="$(sed -n 's/.*data-interaction="\([^"]*\)".*/\1/p' "$out/dom-interact.html" | head -1)"
if [[ -n "$interaction" && "$interaction" != *FAIL* ]]; then pass "map controls: $interaction"; else fail "map controls: ${interaction:-the test script did not run}"; fi

# Without JavaScript (a copy of the page without its script: Chromium's switch to turn
# scripts off also turns off its own DOM dump): the same static map with every label, the
# controls hidden (they need the script); a screenshot of it.
python3 - "$html" "$out/nojs.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(re.sub(r"<script>.*?</script>", "", page, flags=re.S))
PY
run --window-size=1280,900 --virtual-time-budget=3000 --dump-dom "file://$out/nojs.html" >"$out/dom-nojs.html" 2>/dev/null || true
run --window-size=1280,900 --virtual-time-budget=3000 --screenshot="$out/first-1280-nojs.png" "file://$out/nojs.html" 2>/dev/null || true
nojs_labels="$(grep -o '<text class="map-label' "$out/dom-nojs.html" | wc -l)"
if grep -q '<svg id="map-svg"' "$out/dom-nojs.html" && ! grep -q 'data-script="ok"' "$out/dom-nojs.html" \
    && grep -q '<div class="map-controls" id="map-controls" hidden' "$out/dom-nojs.html" \
    && [[ "$nojs_labels" -eq "$(grep -o '<text class="map-label' "$html" | wc -l)" ]]; then
    pass "without JavaScript: the static map with all $nojs_labels labels, controls hidden ($out/first-1280-nojs.png)"
else
    fail "without JavaScript the page is not the static map ($nojs_labels labels)"
fi

# The checks can fail: a copy of the page with a script error, a label blown up over the
# others, and an image from the network (once with the page's CSP, which blocks it and says so
# on the console; once without, so that the request is made) must fail every one of them.
python3 - "$html" "$out" <<'PY'
import sys
page, out = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
bad = page.replace("</main>", '<img alt="" src="http://127.0.0.1:9/x.png"></main>')
bad = bad.replace("</style>", "#map-svg text.map-label { font-size: 80px; }</style>")
bad = bad.replace("</body>", "<script>notDefinedAnywhere();</script></body>")
open(out + "/control-csp.html", "w", encoding="utf-8").write(bad)
cut = bad.index('<meta http-equiv="Content-Security-Policy"')
open(out + "/control-open.html", "w", encoding="utf-8").write(bad[:cut] + bad[bad.index(">", cut) + 1:])
PY
for control in csp open; do
    saved=$failures
    page_checks "file://$out/control-$control.html" 1280 "control-$control" >/dev/null 2>"$out/control-$control.txt" || true
    caught=$((failures - saved))
    failures=$saved
    # script error, overlaps, console (the error; with the CSP also the blocked image), and
    # without the CSP the request itself
    expected=3
    [[ "$control" == open ]] && expected=4
    if [[ "$caught" -ge "$expected" ]]; then
        pass "control ($control): $caught checks failed on a broken copy, as they should"
    else
        fail "control ($control): only $caught of the checks caught the broken copy: $(tr '\n' ' ' <"$out/control-$control.txt")"
    fi
done

# Print: the summary, the actions and the map on at most four Letter pages; the cards after.
run --no-pdf-header-footer --virtual-time-budget=3000 --print-to-pdf="$out/review.pdf" "$url" 2>/dev/null || true
run --no-pdf-header-footer --virtual-time-budget=3000 --print-to-pdf="$out/summary.pdf" "$url#summary-only" 2>/dev/null || true
python3 - "$out/summary.pdf" "$out/review.pdf" <<'PY' || failures=$((failures + 1))
import re, sys
def pages(path):
    data = open(path, "rb").read()
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    if any(abs(float(w) - 612) > 1 or abs(float(h) - 792) > 1 for w, h in sizes):
        raise SystemExit(f"FAIL: {path} is not US Letter: {sizes[:1]}")
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
summary, whole = pages(sys.argv[1]), pages(sys.argv[2])
print(f"printed: {summary} pages before the cards, {whole} in all")
if not 1 <= summary <= 4:
    print(f"FAIL: the summary, actions and map take {summary} pages (at most 4)", file=sys.stderr); sys.exit(1)
if whole <= summary:
    print("FAIL: the cards did not print after the summary", file=sys.stderr); sys.exit(1)
print("ok: at most four Letter pages before the cards")
PY

if [[ -n "$image" ]]; then
    mkdir -p "$(dirname "$image")"
    cp "$out/first-1280.png" "$image" && echo "copied the first screen to $image"
fi
rm -rf "$out/profile"
if [[ "$failures" -gt 0 ]]; then
    echo "browser test: $failures check(s) failed; outputs in $out" >&2
    exit 1
fi
echo "browser test passed; outputs in $out"
