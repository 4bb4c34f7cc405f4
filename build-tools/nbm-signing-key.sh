#!/usr/bin/env bash
# Makes the project key that signs the NBMs when it is absent; the build calls it in every module (pom.xml:
# nbm-signing-key). The key stays in .signing/, which git ignores: each checkout signs with its own key.
#   nbm-signing-key.sh KEYTOOL KEYSTORE ALIAS   (the password in TSPERF_KEYSTORE_PASSWORD)
set -euo pipefail
keytool=$1 keystore=$2 alias=$3
[ -s "$keystore" ] && exit 0
mkdir -p "$(dirname "$keystore")"
tmp="$keystore.$$.tmp"
trap 'rm -f "$tmp"' EXIT
"$keytool" -genkeypair -keystore "$tmp" -storetype PKCS12 -alias "$alias" -storepass:env TSPERF_KEYSTORE_PASSWORD \
  -keyalg RSA -keysize 3072 -validity 3650 -dname "CN=Timeline Studio Performance build key, O=tsperf" >&2
# renamed whole: a build stopped midway leaves no half-written key behind
mv -f "$tmp" "$keystore"
echo "nbm-signing-key: made $keystore, the key that signs the NBMs (delete it to make a new one)" >&2
