#!/bin/sh
# Remakes the time-stamp request fixtures with the openssl and osslsigncode on the PATH (they were
# made with OpenSSL 3.0 and Debian's osslsigncode 2.9). The signing key and certificate are
# throwaway test material; the tests read the requests only.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'kill "$listener" 2>/dev/null || true; rm -rf "$tmp"' EXIT
printf 'the document to stamp\n' > "$tmp/data.txt"
# RFC 3161 TimeStampReq as openssl ts -query sends them (application/timestamp-query)
openssl ts -query -data "$tmp/data.txt" -sha256 -cert -out sha256-nonce-cert.tsq
openssl ts -query -data "$tmp/data.txt" -sha256 -no_nonce -out sha256-no-nonce.tsq
openssl ts -query -data "$tmp/data.txt" -sha512 -cert -out sha512-nonce-cert.tsq
openssl ts -query -data "$tmp/data.txt" -sha256 -cert -tspolicy 1.2.3.4.5 -out policy-1.2.3.4.5.tsq
openssl ts -query -data "$tmp/data.txt" -md5 -cert -out md5.tsq
# malformed: cut short, PEM-like text instead of DER
head -c 30 sha256-nonce-cert.tsq > truncated.tsq
openssl base64 -in sha256-no-nonce.tsq > base64-text.tsq
# A Microsoft Authenticode legacy request as osslsigncode -t sends it: a listener keeps the body
# and answers 500, so the signing fails after the request was sent.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/code.key" \
  -subj "/CN=Code Fixture" -addext extendedKeyUsage=codeSigning -days 36500 \
  -out "$tmp/code.pem" 2>/dev/null
printf 'Write-Output "fixture"\r\n' > "$tmp/script.ps1"
port=18931
python3 - "$port" "$tmp/authenticode.body" <<'PY' &
import http.server, sys
class Keep(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        open(sys.argv[2], "wb").write(body)
        self.send_response(500)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Keep).handle_request()
PY
listener=$!
sleep 1
osslsigncode sign -certs "$tmp/code.pem" -key "$tmp/code.key" -t "http://127.0.0.1:$port" \
  -in "$tmp/script.ps1" -out "$tmp/signed.ps1" >/dev/null 2>&1 || true
wait "$listener"
cp "$tmp/authenticode.body" authenticode-request.b64
