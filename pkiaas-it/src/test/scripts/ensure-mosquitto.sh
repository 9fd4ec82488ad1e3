#!/usr/bin/env bash
# Makes sure an MQTT 5 broker listens on 127.0.0.1:1883 for the IoT-HSM link tests: if nothing
# answers there, starts Mosquitto in the background, loopback only, anonymous (tests only; the
# operator guide shows a production broker with TLS and passwords).
set -euo pipefail
port="${PKIAAS_MQTT_PORT:-1883}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    exit 0
fi
mosquitto=$(command -v mosquitto || echo /usr/sbin/mosquitto)
conf="${TMPDIR:-/tmp}/pkiaas-mosquitto.conf"
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$port" > "$conf"
"$mosquitto" -d -c "$conf"
for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        exit 0
    fi
    sleep 0.1
done
echo "ensure-mosquitto: Mosquitto did not start on 127.0.0.1:$port" >&2
exit 1
