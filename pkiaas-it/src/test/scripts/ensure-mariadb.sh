#!/usr/bin/env bash
# Starts the local MariaDB server when it is not running (it is installed by bin/pkiaas-test).
set -euo pipefail
if mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1; then
    exit 0
fi
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || {
    echo "ensure-mariadb.sh: MariaDB is not installed; run bin/pkiaas-test, or: apt-get install mariadb-server" >&2
    exit 1
}
mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
for _ in $(seq 1 60); do
    mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1 && exit 0
    sleep 1
done
echo "ensure-mariadb.sh: MariaDB did not start within 60 s" >&2
exit 1
