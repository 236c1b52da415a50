#!/usr/bin/env bash
# The long fuzz campaign (outside CI): each chosen target for MINUTES minutes, one at a time,
# with a corpus that is kept in the repository.
#
#   Fuzz/campaign.sh 30 csv json workspace     30 minutes each for csv, json and workspace
#   Fuzz/campaign.sh 1 csv                     a one-minute try
#
# For each target it
#   1. seeds a working corpus (.build/fuzz/campaign-TARGET/) from the committed corpus
#      Fuzz/corpus/TARGET/, the sample workspace Data/sample and the test fixtures;
#   2. runs libFuzzer with -max_total_time (nice -n 19 is the caller's job: run the whole script
#      under it), keeping the full log in .build/fuzz/campaign-TARGET.log;
#   3. merges back into Fuzz/corpus/TARGET/ with -merge=1 -use_counters=0: only inputs that
#      add coverage edges to what is already committed are copied, so the committed corpus
#      stays small (a few hundred files, a few hundred KB);
#   4. prints one line of figures: seconds, executions, exec/s, coverage (edges, features), new
#      units found during the run (stat::new_units_added),
#      corpus units before and after, units the merge added, peak RSS, crashes.
#
# It does not rebuild the fuzz binary (build it first with Fuzz/run.sh --build-only), so the
# code under test stays the same for the whole campaign. A crash is left in Fuzz/crashes/ and
# the campaign carries on with the next target; the exit status is 1 if any target crashed.
# SIGINT/SIGTERM stops the running target early (its figures and corpus are still kept).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=.build/fuzz/partnerkit-fuzz
if [[ $# -lt 2 ]]; then
    echo "usage: Fuzz/campaign.sh MINUTES TARGET..." >&2
    exit 2
fi
if [[ ! -x "$bin" ]]; then
    echo "no $bin: build it with Fuzz/run.sh --build-only" >&2
    exit 2
fi
minutes="$1"
shift
mkdir -p Fuzz/crashes
status=0

# A workspace input is the files joined by byte 0x1E, in the order FuzzTargets.swift splits them.
join_workspace() {
    local dir="$1" first=1 f
    for f in library.json organizations.csv people.csv relationships.csv partnerships.json; do
        [[ $first -eq 1 ]] || printf '\x1e'
        first=0
        [[ -f "$dir/$f" ]] && cat "$dir/$f"
    done
}

seed() {
    local t="$1" work="$2"
    cp -n Fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
    case "$t" in
        csv | chunked)
            cp -n Data/sample/*.csv Tests/PartnerKitTests/Fixtures/import/*.csv "$work"/ 2>/dev/null || true ;;
        json)
            cp -n Data/sample/*.json Data/vocabulary.json Rubrics/*.json Tests/PartnerKitTests/Fixtures/import/map.json \
                "$work"/ 2>/dev/null || true ;;
        proposal) cp -n Data/sample/partnerships.json "$work"/ 2>/dev/null || true ;;
        workspace)
            join_workspace Data/sample >"$work/sample-workspace"
            join_workspace Tests/PartnerKitTests/Fixtures/import/workspace >"$work/import-fixture-workspace" ;;
        survey)
            # Only the first 200 answers: whole-file inputs past -max_len would be cut anyway.
            head -n 200 Data/sample/surveys.csv >"$work/sample-surveys.csv"
            { head -n 40 Data/sample/surveys.csv; printf '\x1e'; cat Rubrics/health-survey.json; } >"$work/sample-with-rubric" ;;
        vocabulary) cp -n Data/vocabulary.json "$work"/ 2>/dev/null || true ;;
        rubric) cp -n Rubrics/partner-fit.json Rubrics/grant-partner.json "$work"/ 2>/dev/null || true ;;
        spectrum-rubric) cp -n Rubrics/spectrum-*.json "$work"/ 2>/dev/null || true ;;
        irs-bmf) cp -n Tests/PartnerKitTests/Fixtures/import/eo_test.csv Tests/PartnerKitTests/Fixtures/import/not_bmf.csv "$work"/ 2>/dev/null || true ;;
        import-csv) cp -n Tests/PartnerKitTests/Fixtures/import/partners_*.csv "$work"/ 2>/dev/null || true ;;
    esac
}

# SIGINT or SIGTERM (a deadline): stop the running target the way libFuzzer likes (SIGINT, which
# prints its final stats), still merge its corpus and print its figures, and skip the rest.
fuzzer=
stopping=0
trap 'stopping=1; [[ -n "$fuzzer" ]] && kill -INT "$fuzzer" 2>/dev/null' INT TERM

printf '%-16s %7s %12s %7s %6s %7s %6s %15s %6s %8s %7s\n' target seconds executions exec/s cov ft new "corpus before→after" added "rss(MB)" crashes
for t in "$@"; do
    [[ $stopping -eq 1 ]] && break
    work=.build/fuzz/campaign-"$t"
    log=.build/fuzz/campaign-"$t".log
    mkdir -p "$work" Fuzz/corpus/"$t"
    seed "$t" "$work"
    before=$(find Fuzz/corpus/"$t" -maxdepth 1 -type f | wc -l)
    crashes_before=$(find Fuzz/crashes -maxdepth 1 -name "$t-*" | wc -l)
    maxlen=65536
    # 60 s, not run.sh's 10: at nice 19 on a shared machine a build can starve the fuzzer for
    # more than 10 s, and libFuzzer's timeout is wall-clock (the first workspace run stopped on
    # such a "timeout" whose input replays in 0.6 s). A real hang still stops it.
    timeout=60
    [[ "$t" == workspace ]] && maxlen=131072
    start=$(date +%s)
    # SWIFT_BACKTRACE off: on a crash the Swift backtracer would otherwise keep the pipe open.
    SWIFT_BACKTRACE=enable=no FUZZ_TARGET="$t" "$bin" "$work" -max_total_time=$((minutes * 60)) \
        -max_len="$maxlen" -timeout="$timeout" -rss_limit_mb=2048 -artifact_prefix=Fuzz/crashes/"$t"- \
        -print_final_stats=1 >"$log" 2>&1 &
    fuzzer=$!
    # Wait in a loop: a trapped signal interrupts `wait`, and the fuzzer is still to be reaped.
    while kill -0 "$fuzzer" 2>/dev/null; do wait "$fuzzer" 2>/dev/null; done
    fuzzer=
    seconds=$(($(date +%s) - start))
    # Keep only what adds coverage to the committed corpus (small files first, see libFuzzer docs).
    # Edges only (-use_counters=0; hit counts too keep ten times the files), and inputs cut to
    # 4 KiB: for workspace that keeps 92% of the new edges in a tenth of the bytes.
    merged=$(SWIFT_BACKTRACE=enable=no FUZZ_TARGET="$t" "$bin" -merge=1 -use_counters=0 -max_len=4096 \
        -timeout=60 -rss_limit_mb=2048 Fuzz/corpus/"$t" "$work" 2>&1 | grep -Eo '[0-9]+ new files with' \
        | grep -Eo '^[0-9]+' | tail -1)
    after=$(find Fuzz/corpus/"$t" -maxdepth 1 -type f | wc -l)
    execs=$(grep -Eo 'stat::number_of_executed_units: +[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
    rss=$(grep -Eo 'stat::peak_rss_mb: +[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -1)
    cov=$(grep -Eo 'cov: [0-9]+' <<<"$last" | grep -Eo '[0-9]+')
    ft=$(grep -Eo 'ft: [0-9]+' <<<"$last" | grep -Eo '[0-9]+')
    new=$(grep -Eo 'stat::new_units_added: +[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
    crashes=$(($(find Fuzz/crashes -maxdepth 1 -name "$t-*" | wc -l) - crashes_before))
    rate=$((${execs:-0} / (seconds > 0 ? seconds : 1)))
    printf '%-16s %7s %12s %7s %6s %7s %6s %6s → %-6s %6s %8s %7s\n' "$t" "$seconds" "${execs:-?}" "$rate" "${cov:-?}" \
        "${ft:-?}" "${new:-?}" "$before" "$after" "${merged:-0}" "${rss:-?}" "$crashes"
    grep -E '^(==.*ERROR|SUMMARY)' "$log" || true
    if [[ $crashes -gt 0 ]]; then
        echo "fuzz target $t found a crash: see Fuzz/crashes/$t-* and $log" >&2
        status=1
    fi
done
echo "committed corpus size:"
du -sh --apparent-size "${@/#/Fuzz/corpus/}" 2>/dev/null || true
exit $status
