#!/usr/bin/env bash
# OpenJML static checking (extended static checking, --esc) of the KeY-verified kernel package.
#
# Run by `mvn verify` (failsafe, OpenJmlIT) on every build; it decides itself whether to run:
#   - OPENJML_HOME unset: prints one line "OpenJML: skipped ..." and exits 0;
#   - OPENJML_HOME set: runs "$OPENJML_HOME/openjml --esc" on src/main/java/org/attnlab/kernel and exits with its
#     status (a failed ESC check fails the build).
# OpenJML is distributed only as release archives from its GitHub project (not in Maven Central or Debian), so it
# is optional here; KeY (KeyProofIT) is the verifier the build relies on. The kernel JML is standard JML that both read.
set -euo pipefail
basedir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kernel="$basedir/src/main/java/org/attnlab/kernel"
if [[ "${OPENJML_SKIP:-false}" == "true" ]]; then
  echo "OpenJML: skipped (OPENJML_SKIP=true)"
  exit 0
fi
if [[ -z "${OPENJML_HOME:-}" ]]; then
  echo "OpenJML: skipped (OPENJML_HOME not set); to run it, unpack an OpenJML release and export OPENJML_HOME=<its folder>"
  exit 0
fi
if [[ ! -x "$OPENJML_HOME/openjml" ]]; then
  echo "OpenJML: OPENJML_HOME=$OPENJML_HOME has no executable 'openjml'" >&2
  exit 1
fi
mapfile -t sources < <(find "$kernel" -name '*.java' ! -name 'package-info.java' | sort)
echo "OpenJML: $OPENJML_HOME/openjml --esc on ${#sources[@]} kernel file(s)"
start=$(date +%s)
"$OPENJML_HOME/openjml" --esc --progress -sourcepath "$basedir/src/main/java" "${sources[@]}"
echo "OpenJML: ESC passed in $(( $(date +%s) - start )) s"
