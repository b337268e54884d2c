#!/usr/bin/env bash
# Writes prisma/<provider>/migrations/<timestamp>_<name>/migration.sql for both providers:
# the difference between the schemas at a git ref (default HEAD) and prisma/models.prisma.
#   scripts/new-migration.sh coarse_rollups [ref]
# New SQLite tables marked `// sqlite: WITHOUT ROWID` are clustered. If Prisma wants to
# rebuild a SQLite table (RedefineTables), the script stops: a rebuild of a parent table
# cascade-deletes its children, so write that step by hand (ALTER TABLE … ADD COLUMN).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/new-migration.sh <name> [git-ref]}
ref=${2:-HEAD}
export CHECKPOINT_DISABLE=1
node scripts/prisma-schemas.mjs
folder="$(date -u +%Y%m%d%H%M%S)_${name}"
old=$(mktemp -d)
for p in sqlite postgres; do
  mkdir -p "$old/$p" "prisma/$p/migrations/$folder"
  git show "$ref:prisma/$p/schema.prisma" > "$old/$p/schema.prisma"
  url=$([ $p = sqlite ] && echo "file:$old/scratch.db" || echo "postgresql://postgres@127.0.0.1:5432/postgres")
  DATABASE_URL=$url npx prisma migrate diff --config prisma/$p.config.ts --from-schema-datamodel "$old/$p/schema.prisma" \
    --to-schema-datamodel prisma/$p/schema.prisma --script > "$old/$p.sql"
  if [ $p = sqlite ]; then
    if grep -q RedefineTables "$old/$p.sql"; then
      echo "SQLite needs a table rebuild: write prisma/$p/migrations/$folder/migration.sql by hand (Prisma's draft: $old/$p.sql)" >&2
      exit 1
    fi
    node -e 'import("./scripts/sqlite-clustered.mjs").then(({ clusterSqlite, clusteredModels }) => {
      const s = require("fs").readFileSync(process.argv[1], "utf8");
      const created = new Set([...s.matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]));
      process.stdout.write(clusterSqlite(s, clusteredModels().filter((t) => created.has(t))));
    })' "$old/$p.sql" > "prisma/$p/migrations/$folder/migration.sql"
  else cp "$old/$p.sql" "prisma/$p/migrations/$folder/migration.sql"; fi
done
rm -rf "$old"
echo "wrote prisma/{sqlite,postgres}/migrations/$folder — read them before committing"
