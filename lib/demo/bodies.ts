// JSON bodies for the demo's request logs, as an API's clients and handlers would exchange them: ids, emails,
// products and a free-text note whose words follow a long tail, so "body contains" has common words (every third
// body names a widget), everyday ones and rare ones (RARE_WORD, about one body in 100,000) to look for.
import type { DemoEndpoint } from "./catalog";
import type { Rng } from "./random";

/** A word in about one body of 100,000: what a search for something rare finds. */
export const RARE_WORD = "quokka";
/** A word in about a third of the response bodies: what a search for something common finds. */
export const COMMON_WORD = "widget";

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zu", "be", "da", "fe", "go", "hi", "ja", "pe"];
// 4,096 made-up words of two or three syllables: the vocabulary of the notes.
const VOCABULARY = Array.from({ length: 4096 }, (_, i) => {
  const s = (k: number) => SYLLABLES[(i >> (k * 4)) & 15];
  return i % 3 ? `${s(0)}${s(1)}${s(2)}` : `${s(2)}${s(0)}`;
});
const PRODUCTS = [COMMON_WORD, "gadget", "gizmo", "sprocket", "doohickey", "thingamajig"];
const STATES = ["pending", "paid", "shipped", "cancelled", "refunded", "delivered"];

// Zipf-ish: low indexes far more often, so some words are everywhere and most are rare.
const zipf = (rng: Rng, n: number) => Math.min(n - 1, Math.floor(Math.pow(n, rng()) - 1));

function note(rng: Rng): string {
  const words = Array.from({ length: 3 + Math.floor(rng() * 6) }, () => VOCABULARY[zipf(rng, VOCABULARY.length)]);
  if (rng() < 1e-5) words.splice(Math.floor(rng() * words.length), 0, RARE_WORD);
  return words.join(" ");
}

const product = (rng: Rng) => (rng() < 0.34 ? COMMON_WORD : PRODUCTS[1 + Math.floor(rng() * (PRODUCTS.length - 1))]);

/** A request body for methods that carry one. */
export function requestBody(rng: Rng, consumer: string | null): string {
  return JSON.stringify({
    customer: consumer ?? `guest-${Math.floor(rng() * 1e6)}`,
    email: `user${Math.floor(rng() * 50_000)}@example.com`,
    items: Array.from({ length: 1 + Math.floor(rng() * 3) }, () => ({
      sku: `SKU-${Math.floor(rng() * 90_000) + 10_000}`,
      name: product(rng),
      qty: 1 + Math.floor(rng() * 5),
    })),
    note: note(rng),
  });
}

/** The response body of a status: a record (or a page of them) on success, an error object otherwise. */
export function responseBody(rng: Rng, ep: DemoEndpoint, status: number): string | null {
  if (status === 204) return null;
  if (status >= 400)
    return JSON.stringify({
      error: status >= 500 ? "internal_error" : status === 404 ? "not_found" : "bad_request",
      detail: note(rng),
    });
  const record = () => ({
    id: Math.floor(rng() * 1e7),
    status: STATES[Math.floor(rng() * STATES.length)],
    product: product(rng),
    total: Math.round(rng() * 100_000) / 100,
    note: note(rng),
  });
  const list = ep.method === "GET" && !ep.path.endsWith("}");
  return JSON.stringify(list ? { data: Array.from({ length: 1 + Math.floor(rng() * 3) }, record) } : record());
}
