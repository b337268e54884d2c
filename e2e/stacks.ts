// Where the global setup leaves each test server's URL for the config and the tests.
export const STACK_URL_ENV = {
  sqlite: "TALLYHUB_E2E_SQLITE_URL",
  postgres: "TALLYHUB_E2E_POSTGRES_URL",
} as const;
