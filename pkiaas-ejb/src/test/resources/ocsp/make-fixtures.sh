#!/bin/sh
# Remakes the OCSP request fixtures with the openssl on the PATH (they were made with OpenSSL 3.0).
# The CA and its key are throwaway test material; the tests read the requests and ca.pem only.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/ca.key" \
  -subj "/O=PKIaaS fixtures/CN=OCSP Fixture CA" -days 36500 -out ca.pem 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/leaf.key" \
  -subj "/CN=leaf.example.com" -out "$tmp/leaf.csr" 2>/dev/null
openssl x509 -req -in "$tmp/leaf.csr" -CA ca.pem -CAkey "$tmp/ca.key" -set_serial 0x1001 \
  -days 36500 -out leaf.pem 2>/dev/null
# openssl ocsp: SHA-1 CertIDs and a 16-octet nonce unless told otherwise
openssl ocsp -issuer ca.pem -cert leaf.pem -reqout sha1-nonce.der
openssl ocsp -issuer ca.pem -cert leaf.pem -no_nonce -reqout sha1-no-nonce.der
openssl ocsp -sha256 -issuer ca.pem -cert leaf.pem -no_nonce -reqout sha256-no-nonce.der
openssl ocsp -sha256 -issuer ca.pem -cert leaf.pem -reqout sha256-nonce.der
openssl ocsp -issuer ca.pem -serial 0x1001 -serial 0x1002 -serial 0x1003 -reqout three-serials.der
openssl ocsp -issuer ca.pem -serial 0x1001 -sha256 -serial 0x1002 -no_nonce -reqout mixed-hashes.der
openssl ocsp -issuer ca.pem -cert leaf.pem -signer leaf.pem -signkey "$tmp/leaf.key" -reqout signed.der
# malformed: cut short, a length that overruns, PEM text instead of DER, one byte
head -c 40 sha1-nonce.der > truncated.der
{ printf '\060\202\377\377'; tail -c +3 sha1-no-nonce.der; } > overlong-length.der
openssl base64 -in sha1-no-nonce.der > base64-text.der
printf '\060' > one-byte.der
