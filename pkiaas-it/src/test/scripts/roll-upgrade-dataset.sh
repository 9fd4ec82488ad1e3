#!/usr/bin/env bash
# Rolls UpgradeIT's dataset forward to the schema version before the newest migration, with the
# application's own migrations (see UpgradeDataset and UpgradeIT's Javadoc): run it after adding a
# migration, and commit the new src/test/upgrade/dataset-V<n>.sql with it.
#   roll-upgrade-dataset.sh [MAVEN OPTIONS]   e.g. -o -Dmaven.repo.local=...
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
mvn "$@" -q install -DskipTests -pl pkiaas-ejb
mvn "$@" -q -pl pkiaas-it test-compile exec:java \
    -Dexec.mainClass=org.pkiaas.it.UpgradeDataset -Dexec.classpathScope=test \
    -Dpkiaas.it.root="$root"
