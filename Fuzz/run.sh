#!/usr/bin/env bash
# Builds the fuzz binary (libFuzzer + AddressSanitizer) and runs one or every target.
#
#   Fuzz/run.sh                 build, then run every target for 30 s each
#   Fuzz/run.sh csv 300         run one target for 300 s
#   Fuzz/run.sh --build-only    build only (what CI does before a short run)
#
# Targets: csv json workspace proposal vocabulary rubric spectrum-rubric chunked review-archive irs-bmf import-csv survey (see Fuzz/FuzzTargets.swift).
# Crashes are written to Fuzz/crashes/; seeds come from Fuzz/corpus/TARGET and the sample data.
# This is the short run (CI runs 15 s per target). The long campaign, 30 minutes a target with
# the corpus kept in the repository, is Fuzz/campaign.sh (see FUZZING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
mkdir -p "$out"
sources=$(find Sources/PartnerKit -name '*.swift' | sort)
extra=$(find Fuzz -name '*.swift' | sort)
if [[ ! -x "$out/partnerkit-fuzz" ]] || [[ -n "$(find Sources/PartnerKit Fuzz -name '*.swift' -newer "$out/partnerkit-fuzz")" ]]; then
    echo "building $out/partnerkit-fuzz"
    # Build beside the old binary and replace it only on success: a failed or interrupted
    # build must not leave a binary that looks newer than the sources it did not compile.
    rm -f "$out/partnerkit-fuzz.new"
    swiftc -sanitize=fuzzer,address -parse-as-library -swift-version 6 -O -g \
        -use-ld=lld -module-name PartnerKit $sources $extra -o "$out/partnerkit-fuzz.new"
    mv -f "$out/partnerkit-fuzz.new" "$out/partnerkit-fuzz"
fi
[[ "${1:-}" == "--build-only" ]] && exit 0

targets=(csv json workspace proposal vocabulary rubric spectrum-rubric chunked review-archive irs-bmf import-csv survey)
if [[ $# -ge 1 ]]; then targets=("$1"); fi
seconds="${2:-30}"
mkdir -p Fuzz/crashes
for t in "${targets[@]}"; do
    corpus="$out/corpus-$t"
    mkdir -p "$corpus"
    # Seed each run with the committed corpus and the sample workspace's files.
    cp -n Fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
    case "$t" in
        csv|chunked) cp -n Data/sample/*.csv "$corpus"/ 2>/dev/null || true ;;
        irs-bmf) cp -n Tests/PartnerKitTests/Fixtures/import/eo_test.csv Tests/PartnerKitTests/Fixtures/import/not_bmf.csv "$corpus"/ 2>/dev/null || true ;;
        import-csv) cp -n Tests/PartnerKitTests/Fixtures/import/partners_*.csv "$corpus"/ 2>/dev/null || true ;;
        json|proposal) cp -n Data/sample/*.json "$corpus"/ 2>/dev/null || true ;;
        vocabulary) cp -n Data/vocabulary.json "$corpus"/ 2>/dev/null || true ;;
        rubric) cp -n Rubrics/partner-fit.json Rubrics/grant-partner.json "$corpus"/ 2>/dev/null || true ;;
        spectrum-rubric) cp -n Rubrics/spectrum-*.json "$corpus"/ 2>/dev/null || true ;;
        survey) cp -n Data/sample/surveys.csv "$corpus"/ 2>/dev/null || true ;;
    esac
    echo "fuzzing $t for ${seconds}s"
    # SWIFT_BACKTRACE off: on a crash the Swift backtracer would otherwise keep the pipe open.
    SWIFT_BACKTRACE=enable=no FUZZ_TARGET="$t" "$out/partnerkit-fuzz" "$corpus" -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix=Fuzz/crashes/"$t"- -print_final_stats=1 2>&1 \
        | grep -E "^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|stat::peak_rss|==.*ERROR|SUMMARY)" || true
    if ls Fuzz/crashes/"$t"-* >/dev/null 2>&1; then
        echo "fuzz target $t found a crash: see Fuzz/crashes/" >&2
        # Print the input too (base64, first 4 KB), so a crash on a CI machine whose files are
        # gone can still be reproduced: base64 -d > input; FUZZ_TARGET=$t partnerkit-fuzz input
        for f in Fuzz/crashes/"$t"-*; do
            echo "$f ($(wc -c < "$f") bytes), base64:" >&2
            head -c 4096 "$f" | base64 >&2
        done
        exit 1
    fi
done
