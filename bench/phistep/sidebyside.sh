#!/usr/bin/env bash
# Side by side, alternating: the C kernel (phistep, AVX-512 and AVX2 builds) and `attnlab bench`, ROUNDS times,
# each CPU-heavy command under flock $LOCK (the machine is shared) and `uptime` before each. Prints one line per
# figure. Needs the inputs of DumpPhiStep in $DIR (in-p2-K16.bin, in-p3-K13.bin) and the two builds of phistep.c
# in $DIR (phistep-avx512, phistep-avx2); see bench/README.md, "The phi-step against a C kernel".
set -euo pipefail
DIR=${DIR:-/tmp/phistep}
ROUNDS=${ROUNDS:-3}
LOCK=${LOCK:-/tmp/attnlab-cpu.lock}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
load() { cut -d' ' -f1 /proc/loadavg; }
for round in $(seq 1 "$ROUNDS"); do
  for cfg in "2 16" "3 13"; do
    set -- $cfg
    p=$1 k=$2
    for build in avx512:vecpos avx512:full avx2:full; do
      isa=${build%%:*} variant=${build##*:}
      l=$(load)
      flock "$LOCK" "$DIR/phistep-$isa" "$DIR/in-p$p-K$k.bin" --reps 50 --variant "$variant" --threads 1,2 \
        | awk -v r="$round" -v l="$l" -v t="$(date -u +%H:%M:%S)" '/^RESULT/ {
            for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
            printf "round=%s time=%s side=C isa=%s variant=%s p=%s K=%s threads=%s median=%.3e best=%.3e load_before=%s load_after=%s\n",
              r, t, f["isa"], f["variant"], f["p"], f["K"], f["threads"], f["median_pairs_per_s"], f["best_pairs_per_s"], l, f["load1"] }'
    done
    for threads in 2 1; do
      l=$(load)
      t=$(date -u +%H:%M:%S)
      flock "$LOCK" "$REPO/attnlab" bench --samples 10000 --dim 30 --degree "$p" --pieces "$k" --threads "$threads" \
          --repeats 40 > "$DIR/java-r$round-p$p-t$threads.json"
      python3 - "$DIR/java-r$round-p$p-t$threads.json" "$round" "$t" "$l" "$p" "$k" "$threads" <<'PY'
import json, sys
f, r, t, l, p, k, th = sys.argv[1:]
run = json.load(open(f))["runs"][0]
print(f"round={r} time={t} side=Java isa=jdk17 variant=bench p={p} K={k} threads={th} "
      f"median={run['phiStepPairsPerSecond']:.3e} best={run['phiStepPairsPerSecondBest']:.3e} "
      f"load_before={l} load_after={run['loadAverageAfter']:.2f}")
PY
    done
  done
done
