#!/usr/bin/env bash
# Fails when the committed OpenAPI document or generated client differ from what the API produces now.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash tools/contract/generate.sh

changes="$(git status --porcelain --untracked-files=all -- libs/contract)"
if [[ -n "$changes" ]]; then
  echo "$changes" >&2
  git --no-pager diff --stat -- libs/contract >&2 || true
  echo "The OpenAPI document or the generated client is stale: run npm run contract:generate and commit" >&2
  exit 1
fi
echo "The OpenAPI document and the generated client are up to date."
