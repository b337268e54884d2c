// The demo app's shape: endpoints (a few of them slow), consumers with names and groups.
import type { Rng } from "./random";

export interface DemoEndpoint {
  method: string;
  path: string;
  medianMs: number;
  /** Share of requests answered 5xx outside error bursts. */
  baseErrorRate: number;
  hasBody: boolean;
}

export interface DemoConsumer {
  identifier: string;
  name: string | null;
  group: string | null;
}

const RESOURCES = [
  "users",
  "orders",
  "invoices",
  "products",
  "carts",
  "payments",
  "shipments",
  "reviews",
  "coupons",
  "webhooks",
  "teams",
  "projects",
  "tasks",
  "comments",
  "files",
  "events",
  "reports",
  "subscriptions",
  "plans",
  "tokens",
];
const SHAPES: Array<[string, (r: string) => string, boolean]> = [
  ["GET", (r) => `/v1/${r}`, false],
  ["POST", (r) => `/v1/${r}`, true],
  ["GET", (r) => `/v1/${r}/{id}`, false],
  ["PATCH", (r) => `/v1/${r}/{id}`, true],
  ["DELETE", (r) => `/v1/${r}/{id}`, false],
];
const COMPANIES = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Stark",
  "Wayne",
  "Wonka",
  "Tyrell",
  "Cyberdyne",
  "Soylent",
  "Aperture",
  "Vandelay",
  "Pied Piper",
  "Dunder",
  "Gringotts",
  "Oceanic",
  "Monarch",
  "Massive",
  "Nakatomi",
];
const SUFFIXES = ["Labs", "Corp", "Inc", "GmbH", "Systems", "Digital", "Cloud", "Analytics", "Studio", "Partners"];
const GROUPS = ["Enterprise", "Pro", "Starter", "Free", "Internal"];

export function demoEndpoints(count: number, rng: Rng): DemoEndpoint[] {
  const out: DemoEndpoint[] = [];
  for (let i = 0; out.length < count; i++) {
    const resource =
      RESOURCES[i % RESOURCES.length] +
      (i >= RESOURCES.length * SHAPES.length ? `-v${Math.floor(i / (RESOURCES.length * SHAPES.length)) + 1}` : "");
    const [method, path, hasBody] = SHAPES[Math.floor(i / RESOURCES.length) % SHAPES.length];
    const slow = i % 17 === 5; // a few slow endpoints
    out.push({
      method,
      path: path(resource),
      medianMs: slow ? 400 + rng() * 900 : 8 + rng() * 60,
      baseErrorRate: rng() < 0.1 ? 0.01 : 0.001,
      hasBody,
    });
  }
  return out;
}

export function demoConsumers(count: number, rng: Rng): DemoConsumer[] {
  return Array.from({ length: count }, (_, i) => {
    const named = rng() < 0.8; // some consumers are identified by key only
    const suffix = SUFFIXES[Math.floor(i / COMPANIES.length) % SUFFIXES.length];
    const company = `${COMPANIES[i % COMPANIES.length]} ${suffix}`;
    return {
      identifier: `cust_${String(i + 1).padStart(4, "0")}`,
      name: named ? (i < COMPANIES.length * SUFFIXES.length ? company : `${company} ${Math.floor(i / 200) + 1}`) : null,
      group: named ? GROUPS[Math.min(GROUPS.length - 1, Math.floor(Math.pow(rng(), 0.6) * GROUPS.length))] : null,
    };
  });
}
