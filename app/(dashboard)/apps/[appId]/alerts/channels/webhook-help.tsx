import { CodeBlock } from "@/components/ui/code-block";

// The receiver's side of the signature (lib/alerts/channels/webhook.ts), in the language most receivers use.
const VERIFY = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received, before JSON parsing.
function fromTallyhub(req, rawBody, secret) {
  const timestamp = req.headers["x-tallyhub-timestamp"];
  const expected = "sha256=" + createHmac("sha256", secret).update(\`\${timestamp}.\${rawBody}\`).digest("hex");
  const given = String(req.headers["x-tallyhub-signature"] ?? "");
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300; // refuse replays
  return fresh && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}`;

export function WebhookHelp() {
  return (
    <details className="group rounded-xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
      <summary className="cursor-pointer text-[15px] font-semibold text-slate-900">
        Verifying webhook signatures
      </summary>
      <div className="mt-3 space-y-3 text-sm text-slate-600">
        <p>
          A webhook channel POSTs the notice as JSON (<code className="font-mono text-[13px]">event</code> is{" "}
          <code className="font-mono text-[13px]">firing</code>, <code className="font-mono text-[13px]">resolved</code>{" "}
          or <code className="font-mono text-[13px]">test</code>). Two headers let you check it came from here:{" "}
          <code className="font-mono text-[13px]">X-Tallyhub-Timestamp</code> (epoch seconds) and{" "}
          <code className="font-mono text-[13px]">X-Tallyhub-Signature</code>,{" "}
          <code className="font-mono text-[13px]">sha256=</code> followed by the hex HMAC-SHA256 of{" "}
          <code className="font-mono text-[13px]">&lt;timestamp&gt;.&lt;raw body&gt;</code> keyed with the
          channel&apos;s secret.
        </p>
        <CodeBlock block={{ code: VERIFY, language: "javascript" }} copyLabel="Copy verifier" name="verify.js" />
        <p>
          Answer with any 2xx. Anything else, or no answer within 10 s, is retried after 30 s, 2 min, 10 min, 30 min and
          2 h.
        </p>
      </div>
    </details>
  );
}
