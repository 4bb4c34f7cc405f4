#!/usr/bin/env bash
# Exports the public certificate of the key that signs the NBMs (nbm-signing-key.sh makes the key), for the branding
# module's KeyStoreProvider: the workbench then trusts NBMs signed with it. Only the certificate leaves the keystore,
# never the private key. The branding module's build calls it (branding/pom.xml: nbm-signing-cert).
#   nbm-signing-cert.sh KEYTOOL KEYSTORE ALIAS OUTFILE   (the password in TSPERF_KEYSTORE_PASSWORD)
set -euo pipefail
keytool=$1 keystore=$2 alias=$3 out=$4
if [ ! -s "$keystore" ]; then
  echo "nbm-signing-cert: no signing key at $keystore (nbm-signing-key.sh makes it)" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
tmp="$out.$$.tmp"
trap 'rm -f "$tmp"' EXIT
# keytool says "Certificate stored in file ..." on success: shown only when it fails
if ! said=$("$keytool" -exportcert -rfc -keystore "$keystore" -alias "$alias" \
    -storepass:env TSPERF_KEYSTORE_PASSWORD -file "$tmp" 2>&1); then
  echo "nbm-signing-cert: exporting the certificate of $alias from $keystore failed: $said" >&2
  exit 1
fi
mv -f "$tmp" "$out"
