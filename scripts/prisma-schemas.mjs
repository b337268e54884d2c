// Writes the provider-specific Prisma schemas from prisma/models.prisma (the one source of
// models). With --check it only compares, and exits 1 when a checked-in schema drifted.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
const providers = { sqlite: "sqlite", postgres: "postgresql" };
const check = process.argv.includes("--check");
let drift = false;

for (const [name, provider] of Object.entries(providers)) {
  const text =
    `// GENERATED from prisma/models.prisma by scripts/prisma-schemas.mjs. Do not edit.\n\n` +
    `datasource db {\n  provider = "${provider}"\n  url      = env("DATABASE_URL")\n}\n\n` +
    models.replaceAll("__PROVIDER__", name);
  const file = join(root, "prisma", name, "schema.prisma");
  if (check) {
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {}
    if (current !== text) {
      console.error(`drift: ${file} differs from prisma/models.prisma`);
      drift = true;
    }
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
if (drift) process.exit(1);
