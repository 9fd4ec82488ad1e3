#!/usr/bin/env bash
# Lays out the two WildFly servers the integration tests run on, each configured by the same
# wildfly-config/configure.sh that operators use, and gives the MariaDB one an empty database.
#   prepare-servers.sh DEPLOY_DIR SERVERS_DIR [DATABASE]
set -euo pipefail
deploy="${1:?deploy dir}"
servers="${2:?servers dir}"
db="${3:-pkiaas_it}"
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../../.." && pwd)"
configure="$module/../wildfly-config/configure.sh"
# the org.pkiaas.tls module jar of this build (the dependency plugin copied it beside the EAR)
export PKIAAS_TLS_MODULE_JAR="$deploy/pkiaas-tls.jar"

rm -rf "$servers"
mkdir -p "$servers"
# failsafe merges into an existing summary: start each run without the last run's results
rm -rf "$(dirname "$servers")"/failsafe-reports-*
unzip -q "$deploy/wildfly-dist.zip" -d "$servers/unpacked"
dist="$(ls -d "$servers"/unpacked/wildfly-*)"
cp -a "$dist" "$servers/h2"
mv "$dist" "$servers/mariadb"
rm -rf "$servers/unpacked"
"$configure" "$servers/h2" h2
# HTTPS for both, from an installation CA of the run's own (HttpsIT trusts only it)
mkdir -p -m 700 "$servers/tls"
printf 'pkiaas-it\n' >"$servers/tls/https.p12.password"
rm -f "$servers/tls/issued-https.p12"   # HttpsCertificateIT's, should a run stop half-way
"$module/../wildfly-config/https-keystore.sh" "$servers/tls" localhost >/dev/null
"$configure" "$servers/mariadb" mariadb "$deploy/mariadb-java-client.jar"

# The IoT-HSM link: the server's link identity (an EC P-256 key and certificate that agents pin,
# as the operator guide makes it) and an MQTT 5 broker on loopback (HsmLinkIT).
mkdir -p -m 700 "$servers/hsm"
printf 'pkiaas-it-link\n' >"$servers/hsm/link.p12.password"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=PKIaaS IoT-HSM link (integration tests)" \
    -addext "basicConstraints=critical,CA:FALSE" \
    -addext "keyUsage=critical,digitalSignature,keyAgreement" \
    -keyout "$servers/hsm/link.key" -out "$servers/hsm/link.pem" 2>/dev/null
openssl pkcs12 -export -inkey "$servers/hsm/link.key" -in "$servers/hsm/link.pem" \
    -name link -out "$servers/hsm/link.p12" -passout "file:$servers/hsm/link.p12.password"
rm -f "$servers/hsm/link.key"
"$here/ensure-mosquitto.sh"

# MariaDB: running, with an empty database for this run.
"$here/ensure-mariadb.sh"
mariadb --protocol=socket -uroot <<SQL
DROP DATABASE IF EXISTS \`$db\`;
CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'pkiaas_it'@'localhost' IDENTIFIED BY 'pkiaas_it';
CREATE USER IF NOT EXISTS 'pkiaas_it'@'127.0.0.1' IDENTIFIED BY 'pkiaas_it';
GRANT ALL PRIVILEGES ON \`$db\`.* TO 'pkiaas_it'@'localhost';
GRANT ALL PRIVILEGES ON \`$db\`.* TO 'pkiaas_it'@'127.0.0.1';
-- DatabaseSwitchIT's: bin/pkiaas-start on MariaDB
DROP DATABASE IF EXISTS \`${db}_start\`;
CREATE DATABASE \`${db}_start\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
GRANT ALL PRIVILEGES ON \`${db}_start\`.* TO 'pkiaas_it'@'127.0.0.1';
-- UpgradeIT's: the previous schema version with its dataset, upgraded by a server of its own
DROP DATABASE IF EXISTS \`${db}_upgrade\`;
CREATE DATABASE \`${db}_upgrade\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
GRANT ALL PRIVILEGES ON \`${db}_upgrade\`.* TO 'pkiaas_it'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL

# The independent verifiers the end-to-end tests call.
(cd "$module/src/test/js" && npm ci --no-audit --no-fund --loglevel=error)
echo "prepare-servers.sh: servers in $servers (h2, mariadb)"
