#!/usr/bin/env bash
# Compiles every GLSL compute shader (*.comp) in $1 to SPIR-V in $2 with glslc; fails with what to install.
set -euo pipefail
src=$1 out=$2
shopt -s nullglob
shaders=("$src"/*.comp)
mkdir -p "$out"
if [ ${#shaders[@]} -eq 0 ]; then
  echo "shaders: no *.comp files in $src yet"
  exit 0
fi
if ! command -v glslc >/dev/null; then
  echo "shaders: glslc (the GLSL to SPIR-V compiler) is not installed." >&2
  echo "shaders: install it with 'sudo apt-get install glslc' (Debian/Ubuntu), then build again." >&2
  exit 1
fi
for s in "${shaders[@]}"; do
  name=$(basename "$s" .comp)
  glslc --target-env=vulkan1.1 -O -Werror -o "$out/$name.spv" "$s"
  echo "shaders: $name.comp -> $name.spv"
done
