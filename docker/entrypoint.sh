#!/bin/sh
# Entrypoint of the SKSS image: refuse to start without DATABASE_URL, then run the command.
# Without it, tools/start/start.ts would try to start an embedded PostgreSQL inside the container
# (data lost with the container), which is never wanted here.
set -eu
if [ -z "${DATABASE_URL:-}" ]; then
  echo 'DATABASE_URL is not set: the image needs an external PostgreSQL (postgresql://user:password@host:5432/database).' >&2
  exit 64
fi
exec "$@"
