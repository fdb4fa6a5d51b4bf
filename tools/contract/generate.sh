#!/usr/bin/env bash
# Regenerates the OpenAPI document from the API and the typed Angular client from the document:
#   libs/contract/openapi.json   (tools/contract/openapi.sh)
#   libs/contract/src/generated  (ng-openapi-gen, configured by libs/contract/ng-openapi-gen.json)
# Both are formatted with prettier so that the output is byte-for-byte deterministic.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash tools/contract/openapi.sh
node_modules/.bin/ng-openapi-gen --config libs/contract/ng-openapi-gen.json
npx prettier --write --log-level warn libs/contract/openapi.json libs/contract/src/generated
echo "Contract regenerated: libs/contract/openapi.json, libs/contract/src/generated"
