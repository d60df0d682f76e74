#!/usr/bin/env bash
# Authenticode-signs Windows files (PE executables, MSI packages) in place
# with osslsigncode, then verifies each signature. `make sign` and the NSIS
# build's !uninstfinalize (the uninstaller) run it; see installer/README.md,
# "Signing".
#   tools/sign.sh FILE...    sign and verify each FILE
#   tools/sign.sh --check    exit 0 when a signing configuration is set
#
# The key never comes from the repository or a command line: it is read from
# the files (or the PKCS#11 token) the environment names.
#   LSM_SIGN_CERT + LSM_SIGN_KEY       PEM (or DER) certificate chain and key
#   LSM_SIGN_PKCS12                    a PKCS#12 file holding both
#   LSM_SIGN_PKCS11_MODULE + LSM_SIGN_PKCS11_KEY (a pkcs11: URI), with the
#     certificate in LSM_SIGN_CERT (a file) or LSM_SIGN_PKCS11_CERT (a URI)
#   LSM_SIGN_PASSWORD_FILE   the key's password or the token's PIN (optional
#                            for an unencrypted PEM key)
#   LSM_SIGN_TIMESTAMP_URL   an RFC 3161 time-stamping server (optional)
#   LSM_SIGN_CAFILE          trust anchors for the verification (optional;
#                            default: the system's CA bundle)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  cat >&2 <<'EOF'
sign: no signing configuration. Set one of:
  LSM_SIGN_CERT=cert.pem LSM_SIGN_KEY=key.pem          (PEM certificate chain and key;
                                                        LSM_SIGN_PASSWORD_FILE if the key is encrypted)
  LSM_SIGN_PKCS12=cert.p12 LSM_SIGN_PASSWORD_FILE=pw   (PKCS#12 file and its password file)
  LSM_SIGN_PKCS11_MODULE=/path/module.so LSM_SIGN_PKCS11_KEY='pkcs11:...'
    with LSM_SIGN_CERT=cert.pem or LSM_SIGN_PKCS11_CERT='pkcs11:...'
                                                       (hardware token; PIN in LSM_SIGN_PASSWORD_FILE)
Optional: LSM_SIGN_TIMESTAMP_URL=https://tsa.example (RFC 3161 timestamp),
          LSM_SIGN_CAFILE=ca.pem (trust anchors for the verification).
EOF
}

# key_args: the osslsigncode options that select the certificate and key.
key_args=()
configure() {
  local cert=${LSM_SIGN_CERT:-} key=${LSM_SIGN_KEY:-} p12=${LSM_SIGN_PKCS12:-}
  local module=${LSM_SIGN_PKCS11_MODULE:-} p11key=${LSM_SIGN_PKCS11_KEY:-} p11cert=${LSM_SIGN_PKCS11_CERT:-}
  local pw=${LSM_SIGN_PASSWORD_FILE:-}
  if [ -n "$module" ] || [ -n "$p11key" ]; then
    [ -n "$module" ] && [ -n "$p11key" ] || { echo "sign: LSM_SIGN_PKCS11_MODULE and LSM_SIGN_PKCS11_KEY go together" >&2; return 1; }
    [[ $p11key == pkcs11:* ]] || { echo "sign: LSM_SIGN_PKCS11_KEY must be a pkcs11: URI" >&2; return 1; }
    key_args=(-pkcs11module "$module" -key "$p11key")
    if [ -n "$p11cert" ]; then
      key_args+=(-pkcs11cert "$p11cert")
    elif [ -n "$cert" ]; then
      key_args+=(-certs "$cert")
    else
      echo "sign: a PKCS#11 key needs its certificate: LSM_SIGN_CERT (a file) or LSM_SIGN_PKCS11_CERT (a pkcs11: URI)" >&2
      return 1
    fi
  elif [ -n "$p12" ]; then
    [ -n "$pw" ] || { echo "sign: LSM_SIGN_PKCS12 needs its password in the file LSM_SIGN_PASSWORD_FILE" >&2; return 1; }
    key_args=(-pkcs12 "$p12")
  elif [ -n "$cert" ] || [ -n "$key" ]; then
    [ -n "$cert" ] && [ -n "$key" ] || { echo "sign: LSM_SIGN_CERT and LSM_SIGN_KEY go together" >&2; return 1; }
    key_args=(-certs "$cert" -key "$key")
  else
    usage
    return 1
  fi
  # -readpass reads the secret from the file, so it is on no command line.
  if [ -n "$pw" ]; then
    [ -r "$pw" ] || { echo "sign: LSM_SIGN_PASSWORD_FILE $pw is not readable" >&2; return 1; }
    key_args+=(-readpass "$pw")
  fi
  local f
  for f in "$cert" "$key" "$p12" "$module"; do
    [ -z "$f" ] || [ -r "$f" ] || { echo "sign: $f is not readable" >&2; return 1; }
  done
}

if [ "${1:-}" = --check ]; then
  configure
  exit
fi
[ $# -gt 0 ] || { echo "usage: tools/sign.sh FILE... | --check" >&2; exit 2; }
configure || exit 1
command -v osslsigncode >/dev/null || { echo "sign: osslsigncode is missing (apt-get install osslsigncode)" >&2; exit 1; }

# The signature's description and URL are the product's, from wails.json.
read_info() { node -e 'const p = require(process.argv[1]); const v = process.argv[2].split(".").reduce((o, k) => (o || {})[k], p); process.stdout.write(v || "")' "$root/wails.json" "$1"; }
name=$(read_info info.productName)
[ -n "$name" ] || { echo "sign: wails.json has no info.productName" >&2; exit 1; }
desc_args=(-n "$name")
url=$(node -e 'const s = JSON.stringify(require(process.argv[1]).info || {}); const m = /https?:\/\/[^"\s]+/.exec(s); process.stdout.write(m ? m[0] : "")' "$root/wails.json")
[ -z "$url" ] || desc_args+=(-i "$url")
ts_args=()
[ -z "${LSM_SIGN_TIMESTAMP_URL:-}" ] || ts_args=(-ts "$LSM_SIGN_TIMESTAMP_URL")
verify_args=()
[ -z "${LSM_SIGN_CAFILE:-}" ] || verify_args=(-CAfile "$LSM_SIGN_CAFILE")

for f in "$@"; do
  [ -f "$f" ] || { echo "sign: $f does not exist" >&2; exit 1; }
  tmp=$(mktemp "$f.signing.XXXXXX")
  # A file signed before (an earlier make sign) is signed afresh, not nested.
  if ! osslsigncode sign "${key_args[@]}" "${desc_args[@]}" -h sha256 "${ts_args[@]}" -in "$f" -out "$tmp.out" >"$tmp" 2>&1; then
    cat "$tmp" >&2
    rm -f "$tmp" "$tmp.out"
    echo "sign: signing $f failed" >&2
    exit 1
  fi
  mv "$tmp.out" "$f"
  if ! osslsigncode verify "${verify_args[@]}" -in "$f" >"$tmp" 2>&1; then
    cat "$tmp" >&2
    rm -f "$tmp"
    echo "sign: the signature of $f does not verify (LSM_SIGN_CAFILE sets the trust anchors)" >&2
    exit 1
  fi
  subject=$(sed -n 's/^[[:space:]]*Subject: //p' "$tmp" | head -1)
  rm -f "$tmp"
  echo "signed $f ($subject)"
done
