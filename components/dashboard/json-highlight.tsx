// A small JSON highlighter for request and response bodies: keys, strings, numbers and
// literals get a colour, everything else (punctuation, whitespace) stays as it is.
const TOKEN = /("(?:[^"\\\n]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;

const CLASSES = {
  key: "text-sky-300",
  string: "text-emerald-300",
  number: "text-amber-300",
  literal: "text-violet-300",
} as const;

export function JsonHighlight({ json }: { json: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of json.matchAll(TOKEN)) {
    if (m.index > last) parts.push(json.slice(last, m.index));
    const kind =
      m[1] !== undefined ? (m[2] !== undefined ? "key" : "string") : m[3] !== undefined ? "number" : "literal";
    const text = kind === "key" ? m[1] : m[0];
    parts.push(
      <span key={m.index} className={CLASSES[kind]}>
        {text}
      </span>,
    );
    if (kind === "key") parts.push(m[2]);
    last = m.index + m[0].length;
  }
  parts.push(json.slice(last));
  return <>{parts}</>;
}
