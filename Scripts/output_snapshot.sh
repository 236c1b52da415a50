#!/bin/sh
# Runs every read-only command in its main formats on the sample workspace and writes each
# output (stdout, then stderr and the exit status) to one file per run in OUT_DIR, so that a
# refactoring can be checked byte for byte: snapshot before, snapshot after, `diff -r`.
#
#   Scripts/output_snapshot.sh [BINARY] OUT_DIR
#
# BINARY defaults to .build/debug/partnerkit. The workspace is copied to a scratch folder so
# that nothing (a saved review, an export) can touch Data/sample; paths in the outputs are
# the scratch copy's name, which is the same on every run.
set -eu
if [ $# -eq 2 ]; then bin=$1; out=$2; else bin=.build/debug/partnerkit; out=$1; fi
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -R "$root/Data/sample" "$scratch/sample"
cd "$scratch"
common="--workspace sample --as-of 2026-11-29"

run() { # NAME ARGS...
    name=$1
    shift
    # shellcheck disable=SC2086
    set +e
    PARTNERKIT_HOME="$root" NO_COLOR=1 "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
    echo "exit $?" >>"$out/$name.err"
    set -e
}

for f in text json markdown; do
    run "check.$f" check $common --format $f
    run "vet-harbor-cu.$f" vet harbor-cu $common --format $f
    run "vet-shipyards.$f" vet shipyards $common --format $f
    run "spectrum.$f" spectrum $common --format $f
    run "introduce.$f" introduce $common --format $f
    run "introduce-for.$f" introduce --for harbor-cu $common --format $f
    run "path.$f" path shipyards $common --format $f
    run "network.$f" network $common --format $f
    run "network-explain.$f" network $common --format $f --explain
    run "review.$f" review $common --format $f
    run "review-q3.$f" review --quarter 2026-Q3 --workspace sample --format $f
    run "survey-results.$f" survey results $common --format $f
    run "calibrate.$f" calibrate $common --format $f
done
for f in text json markdown csv; do
    run "score.$f" score $common --format $f
    run "network-links.$f" network links $common --format $f
    run "network-measures.$f" network measures $common --format $f
    run "network-measures-weighted.$f" network measures --weighted $common --format $f
done
for m in common-neighbors jaccard resource-allocation preferential-attachment; do
    run "network-links-$m" network links --measure $m --top 50 $common --format json
done
for t in graphml dot kumu; do
    run "network-export.$t" network export --to $t $common
    run "network-export-contacts.$t" network export --to $t --include-contacts $common
done
for f in markdown html csv; do
    run "survey-form.$f" survey form money-clinic $common --format $f
done
# Unknown ids: the "did you mean" hints.
run "vet-unknown" vet harbor-c $common
run "vet-by-name" vet "Harbor Coast Credit Union" $common
run "path-unknown" path shipyard $common
run "path-from-unknown" path shipyards --from libary $common
run "introduce-unknown" introduce --for harbor-c $common
run "introduce-library" introduce --for library $common
run "introduce-person" introduce --for dana-whitfield $common
run "spectrum-unknown" spectrum ferry-book-clb $common
run "survey-unknown" survey form money-clnic $common
# A broken workspace for check's error output.
mkdir broken
"$bin" init broken >/dev/null 2>&1 || true
printf 'id,name,sector,staff_fte\na,A,bank,1\nb,B,nonprofit,lots\na,C,nonprofit,2\n"d,D\n' >broken/organizations.csv
for f in text json markdown; do
    run "check-broken.$f" check --workspace broken --format $f
done
echo "wrote $(ls "$out" | wc -l) files to $out"
