#!/usr/bin/env bash
# report-screenshot.sh: the screenshot of a sample's HTML report in docs/ (docs/report.png, shown by docs/report.md and
# the README). Runs the sample class (scripts/run-samples.sh) unless its report is already under
# samples/target/drydock-reports, then has headless Chromium (Debian's chromium, which run-tests.sh installs) draw it.
#
#   scripts/report-screenshot.sh [SampleClass] [output.png]   (default: DeploymentRollbackSampleTest, docs/report.png)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
sample=${1:-DeploymentRollbackSampleTest}
out=${2:-$REPO_DIR/docs/report.png}
report="$REPO_DIR/samples/target/drydock-reports/dev.drydock.samples.$sample.html"

if [[ ! -f "$report" ]]; then
    "$SCRIPT_DIR/run-samples.sh" -Dtest="$sample"
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1400,1500 --virtual-time-budget=3000 --screenshot="$out" "file://$report" 2>/dev/null
echo "$out: the report of $sample ($(stat -c %s "$out") bytes)"
