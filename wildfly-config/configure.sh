#!/usr/bin/env bash
# Configures a WildFly 39 installation for PKIaaS, offline (the server must be stopped).
#
#   wildfly-config/configure.sh JBOSS_HOME [h2|mariadb] [MARIADB_DRIVER_JAR]
#
# h2 (default): the embedded database under the server's data directory.
# mariadb: installs the MariaDB JDBC driver as module org.mariadb.jdbc (from MARIADB_DRIVER_JAR,
# or the one the build copied to wildfly-config/target/drivers) and the driver class the datasource
# uses as module org.pkiaas.jdbc, and points PkiaasDS at MariaDB.
# The same scripts configure the servers the build, the tests and the README use.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jboss_home="${1:?usage: configure.sh JBOSS_HOME [h2|mariadb] [MARIADB_DRIVER_JAR]}"
database="${2:-h2}"
cli="$jboss_home/bin/jboss-cli.sh"
[ -x "$cli" ] || { echo "configure.sh: $jboss_home is not a WildFly installation" >&2; exit 2; }

# Runs the scripts one after the other in a single CLI process (each embeds and stops the server
# itself): one JVM start instead of one per script.
run() {
    local script="$jboss_home/standalone/log/configure.cli" log="$jboss_home/standalone/log/configure.log"
    for name in "$@"; do cat "$here/cli/$name"; echo; done >"$script"
    # The CLI must not inherit a JAVA_OPTS meant for the server.
    JAVA_OPTS="-Xmx256m" "$cli" --file="$script" >"$log" 2>&1 || {
        echo "configure.sh: cli/{$(IFS=,; echo "$*")} failed; see $log" >&2
        tail -20 "$log" >&2
        exit 1
    }
}

# Installs module NAME: the jar JAR as FILE, and a module.xml that depends on the modules named after.
jar_module() {
    local name="$1" jar="$2" file="$3" dir dependency
    shift 3
    dir="$jboss_home/modules/${name//.//}/main"
    mkdir -p "$dir"
    cp "$jar" "$dir/$file"
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo "<module xmlns=\"urn:jboss:module:1.9\" name=\"$name\">"
        echo "  <resources>"
        echo "    <resource-root path=\"$file\"/>"
        echo "  </resources>"
        echo "  <dependencies>"
        for dependency in "$@"; do echo "    <module name=\"$dependency\"/>"; done
        echo "  </dependencies>"
        echo "</module>"
    } >"$dir/module.xml"
}

mkdir -p "$jboss_home/standalone/log"
# Module org.pkiaas.tls: the trust manager that lets the HTTPS listener request a client certificate
# and leave its checking to the application, and the key manager that serves a renewed server
# certificate at the next handshake after its key store changed (cli/https.cli). The build packs it (target/pkiaas-tls.jar);
# PKIAAS_TLS_MODULE_JAR names another copy of that jar. The same jar is module org.pkiaas.jdbc with
# MariaDB (below).
tls_jar="${PKIAAS_TLS_MODULE_JAR:-$here/target/pkiaas-tls.jar}"
[ -f "$tls_jar" ] || { echo "configure.sh: no $tls_jar; build wildfly-config first (mvn package -pl wildfly-config)" >&2; exit 2; }
tls_module="$jboss_home/modules/org/pkiaas/tls/main"
mkdir -p "$tls_module"
cp "$tls_jar" "$tls_module/pkiaas-tls.jar"
cp "$here/src/main/module/module.xml" "$tls_module/module.xml"
scripts=(server.cli https.cli batch-detach.cli)
case "$database" in
    h2)
        scripts+=(datasource-h2.cli)
        ;;
    mariadb)
        driver="${3:-$(ls "$here"/target/drivers/mariadb-java-client-*.jar 2>/dev/null | head -1)}"
        [ -f "$driver" ] || { echo "configure.sh: no MariaDB driver jar; build wildfly-config first or pass its path" >&2; exit 2; }
        jar_module org.mariadb.jdbc "$driver" mariadb-java-client.jar java.se jakarta.transaction.api
        # module org.pkiaas.jdbc: the data source's driver class, Connector/J with the pool's
        # statements prepared without generated keys (org.pkiaas.jdbc.MariaDbDriver); the build's jar
        jar_module org.pkiaas.jdbc "$tls_jar" pkiaas-wildfly.jar java.se org.mariadb.jdbc
        scripts+=(datasource-mariadb.cli)
        ;;
    *)
        echo "configure.sh: database is h2 or mariadb, not '$database'" >&2
        exit 2
        ;;
esac
run "${scripts[@]}" batch.cli
# java.net.http hands every answer of an asynchronous request (AIA fetches at CA import)
# to CompletableFuture's default executor; with a common pool of parallelism 1 (the JVM's default
# on one or two cores) that executor starts a new thread per answer. Two workers at least.
conf="$jboss_home/bin/standalone.conf"
if [ -f "$conf" ] && ! grep -q 'ForkJoinPool.common.parallelism' "$conf"; then
    cat >>"$conf" <<'CONF'

# PKIaaS (wildfly-config/configure.sh): at least two common-pool workers, so that asynchronous
# HTTP answers (AIA fetches) are not each handed to a new thread on a one- or two-core machine.
if [ "$(nproc 2>/dev/null || echo 3)" -le 2 ]; then
    JAVA_OPTS="$JAVA_OPTS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
fi
CONF
fi
echo "configure.sh: $jboss_home configured for PKIaaS ($database)"
