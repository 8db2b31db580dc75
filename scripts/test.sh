#!/usr/bin/env bash
# The whole test suite: lint (incl. the engine boundary), type checks, web build, then every test tier.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== lint"; npx eslint .
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit && npx tsc -p src/web/tsconfig.json --noEmit
echo "== build web"; npx vite build --logLevel warn
echo "== tests"; npx vitest run "$@"
