// Starts one Tallyhub per database for the e2e projects (needs a `next build`) and stops
// them afterwards.
import { startTestStack, type TestStack } from "../tests/helpers/stack";
import { STACK_URL_ENV } from "./stacks";

export default async function globalSetup() {
  const kinds = Object.keys(STACK_URL_ENV) as (keyof typeof STACK_URL_ENV)[];
  const stacks: TestStack[] = [];
  try {
    for (const kind of kinds) {
      // Open sign-up: every spec makes its own accounts. The invitation-only default has a spec of its own.
      // Every spec signs up from 127.0.0.1: no hourly sign-up quota worth the name.
      // Monitoring every 2 s, so alert and uptime specs see checks without waiting for the default 15 s.
      const stack = await startTestStack(kind, {
        server: true,
        env: { TALLYHUB_SIGNUP: "open", TALLYHUB_SIGNUPS_PER_HOUR: "100000", TALLYHUB_MONITOR_INTERVAL_SECONDS: "2" },
      });
      stacks.push(stack);
      process.env[STACK_URL_ENV[kind]] = stack.baseUrl;
    }
  } catch (e) {
    await Promise.all(stacks.map((s) => s.stop()));
    throw e;
  }
  return async () => {
    await Promise.all(stacks.map((s) => s.stop()));
  };
}
