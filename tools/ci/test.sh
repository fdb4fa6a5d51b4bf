#!/usr/bin/env bash
# `npm test`: everything CI checks, in the order that fails fastest.
# Uses the PostgreSQL in DATABASE_URL when set (fresh databases per run), otherwise embedded-postgres.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
npx prettier --check .

step "lint (zero warnings) and type checks"
npx nx run-many -t lint typecheck --output-style=static

step "unit tests"
npx nx run-many -t test --output-style=static

step "OpenAPI document and generated client are up to date"
bash tools/contract/check.sh

step "migrations match the schema"
node tools/run-ts.js tools/db/check-drift.ts

step "API tests against a real PostgreSQL"
npx nx run api-e2e:e2e --output-style=static

step "browser tests"
npx nx run console-e2e:e2e --output-style=static

step "all checks passed"
