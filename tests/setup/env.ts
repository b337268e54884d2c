// Per test file: point lib/db at the project's database before any test imports it.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.TALLYHUB_BASE_URL = inject("baseUrl");
