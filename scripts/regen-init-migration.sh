#!/usr/bin/env bash
# Until the first release, the schema has one migration: rewrite it from prisma/models.prisma.
# (After a release, add a new migration folder instead, written with
#  `prisma migrate diff --from-schema-datamodel <old> --to-schema-datamodel <new> --script`.)
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1
node scripts/prisma-schemas.mjs
psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE tallyhub_schemagen' 2>/dev/null || true
for p in sqlite postgres; do
  url=$([ $p = sqlite ] && echo "file:/tmp/tallyhub-schemagen.db" || echo "postgresql://postgres@127.0.0.1:5432/tallyhub_schemagen")
  DATABASE_URL=$url npx prisma migrate diff --config prisma/$p.config.ts --from-empty \
    --to-schema-datamodel prisma/$p/schema.prisma --script > /tmp/tallyhub-schemagen.sql
  if [ $p = sqlite ]; then node scripts/sqlite-clustered.mjs < /tmp/tallyhub-schemagen.sql > prisma/$p/migrations/20261128000000_init/migration.sql
  else cp /tmp/tallyhub-schemagen.sql prisma/$p/migrations/20261128000000_init/migration.sql; fi
  DATABASE_URL=$url npx prisma generate --config prisma/$p.config.ts >/dev/null
done
psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS tallyhub_schemagen' || true
rm -f /tmp/tallyhub-schemagen.db* /tmp/tallyhub-schemagen.sql
echo "init migrations rewritten; delete ./data/tallyhub.db to start fresh"
