#!/usr/bin/env bash
# Writes libs/contract/openapi.json from the API's controllers and DTOs (no database needed).
set -euo pipefail
cd "$(dirname "$0")/../.."
npx nx build api --output-style=static >/dev/null
DATABASE_URL=postgresql://openapi@localhost/none node dist/apps/api/openapi.js libs/contract/openapi.json
