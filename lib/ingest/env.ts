// py and js accept ^[\w-]{1,32}$ where py's \w includes Unicode letters and digits; go only
// [a-z0-9-]. Accept the widest of them (length counted in code points, as Python does).
// Next.js hands route params over already percent-decoded.
const ENV = /^[\p{L}\p{N}_-]{1,32}$/u;

export function normaliseEnv(segment: string): string | null {
  return ENV.test(segment) ? segment : null;
}
