#!/usr/bin/env bash
# The installation CA and the HTTPS server certificate it signs, for a server that has no
# certificate of its own yet (docs/operator-guide.md, "HTTPS").
#
#   wildfly-config/https-keystore.sh DIR HOST
#
# DIR (created with owner-only permissions) holds:
#   installation-ca.pem   the installation CA's certificate: what clients trust (public)
#   installation-ca.key   its key (owner-only); it signs nothing but this server's certificates
#   https.p12             the server's key, certificate and chain, for WildFly's HTTPS listener
#   https.p12.password    the keystore's password (owner-only)
# The CA is made once and kept. The server certificate (EC P-256, 397 days, for HOST, localhost,
# 127.0.0.1 and ::1) is made again when it is missing, names another host, or expires within 30
# days; the script prints "renewed" then, so the caller can reload the listener's key manager.
# Prints the CA's SHA-256 fingerprint on its last line.
set -euo pipefail
dir="${1:?usage: https-keystore.sh DIR HOST}"
host="${2:?usage: https-keystore.sh DIR HOST}"
umask 077
mkdir -p "$dir"
chmod 700 "$dir"
ca_key="$dir/installation-ca.key" ca="$dir/installation-ca.pem"
keystore="$dir/https.p12" password_file="$dir/https.p12.password"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$ca" ] || [ ! -f "$ca_key" ]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
        -keyout "$ca_key" -out "$ca" -days 3650 \
        -subj "/O=PKIaaS/CN=PKIaaS installation CA $(hostname -s 2>/dev/null || echo local) $(date -u +%Y%m%d%H%M%S)" \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash" 2>/dev/null
    chmod 644 "$ca"
fi

# The names the certificate must carry: HOST (a DNS name or an IP address) and the loopback names.
names="DNS:localhost,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1"
if [[ "$host" =~ ^[0-9.]+$ || "$host" == *:* ]]; then
    [ "$host" != 127.0.0.1 ] && names="IP:$host,$names"
elif [ "$host" != localhost ]; then
    names="DNS:$host,$names"
fi

current() {
    [ -f "$keystore" ] && [ -f "$password_file" ] || return 1
    openssl pkcs12 -in "$keystore" -passin "file:$password_file" -clcerts -nokeys -out "$work/current.pem" 2>/dev/null || return 1
    openssl x509 -in "$work/current.pem" -noout -checkend $((30 * 86400)) >/dev/null || return 1
    openssl verify -CAfile "$ca" "$work/current.pem" >/dev/null 2>&1 || return 1
    local sans
    sans="$(openssl x509 -in "$work/current.pem" -noout -ext subjectAltName 2>/dev/null | tail -n +2 | tr -d ' ')"
    [ "$sans" = "$(printf '%s' "$names" | sed 's/IP:/IPAddress:/g')" ]
}

if ! current; then
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/server.key" \
        -out "$work/server.csr" -subj "/CN=$host" 2>/dev/null
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\nauthorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n' \
        "$names" >"$work/server.ext"
    openssl x509 -req -in "$work/server.csr" -CA "$ca" -CAkey "$ca_key" -CAcreateserial \
        -CAserial "$work/serial" -days 397 -sha256 -extfile "$work/server.ext" -out "$work/server.pem" 2>/dev/null
    [ -f "$password_file" ] || openssl rand -hex 24 >"$password_file"
    openssl pkcs12 -export -name pkiaas-https -inkey "$work/server.key" -in "$work/server.pem" \
        -certfile "$ca" -passout "file:$password_file" -out "$work/https.p12"
    mv "$work/https.p12" "$keystore"
    echo "renewed"
fi
openssl x509 -in "$ca" -noout -fingerprint -sha256 | sed 's/^.*=//'
