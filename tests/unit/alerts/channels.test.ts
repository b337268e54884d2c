// What each channel sends for a notice (firing, resolved, test): Slack's Block Kit, Teams' Adaptive Card, the
// signed webhook body, the email; the webhook signature verifies with its secret only; stored settings and the
// list's masked targets.
import { describe, expect, it } from "vitest";
import { parseChannelConfig, storedConfig } from "@/lib/alerts/channels/config";
import { emailMessage } from "@/lib/alerts/channels/email";
import { maskedTarget } from "@/lib/alerts/channels/mask";
import { slackMessage } from "@/lib/alerts/channels/slack";
import { teamsMessage } from "@/lib/alerts/channels/teams";
import { signWebhook, verifyWebhook, webhookBody } from "@/lib/alerts/channels/webhook";
import type { AlertNotice } from "@/lib/alerts/notice";
import { createChannelSchema } from "@/lib/validations/alert-channels";

const firing: AlertNotice = {
  kind: "firing",
  app: { id: 7, name: "Shop API" },
  env: "prod",
  rule: {
    id: "r1",
    name: "Checkout errors <high>",
    metric: "Error rate",
    condition: "> 20 %",
    windowMinutes: 5,
    filter: "endpoint POST /checkout",
  },
  value: "37.5 %",
  at: 1_790_000_000,
  url: "https://tallyhub.example.com/apps/7/errors?env=prod&endpoint=12&period=1h",
};
const resolved: AlertNotice = { ...firing, kind: "resolved", value: "2.1 %" };
const test: AlertNotice = { ...firing, kind: "test", rule: null, value: null, url: "https://t.example/apps/7/traffic" };

describe("Slack", () => {
  it("sends a Block Kit message: header, the facts as fields, a button to the filtered view", () => {
    const m = slackMessage(firing);
    expect(m.text).toContain("Firing: Checkout errors <high>");
    expect(m.blocks.map((b) => b.type)).toEqual(["header", "section", "actions"]);
    expect(m.blocks[0]).toMatchObject({ text: { type: "plain_text", text: "🔴 Firing: Checkout errors <high>" } });
    const fields = (m.blocks[1] as { fields: { text: string }[] }).fields.map((f) => f.text);
    expect(fields).toEqual([
      "*Value*\n37.5 %",
      "*Threshold*\nError rate &gt; 20 %",
      "*Window*\n5 minutes",
      "*Filter*\nendpoint POST /checkout",
      "*App*\nShop API",
      "*Environment*\nprod",
    ]);
    expect(m.blocks[2]).toMatchObject({
      elements: [{ type: "button", url: firing.url, style: "danger", text: { text: "Open in Tallyhub" } }],
    });
  });

  it("marks resolved and test notices by their own tone", () => {
    expect(slackMessage(resolved).blocks[0]).toMatchObject({ text: { text: "✅ Resolved: Checkout errors <high>" } });
    expect(slackMessage(resolved).blocks[2]).toMatchObject({ elements: [{ style: "primary" }] });
    const t = slackMessage(test);
    expect(t.blocks[0]).toMatchObject({ text: { text: "🔔 Test notification from Tallyhub" } });
    expect((t.blocks[1] as { fields: unknown[] }).fields).toHaveLength(2);
    expect(t.blocks[2]).not.toMatchObject({ elements: [{ style: expect.anything() }] });
  });
});

describe("Microsoft Teams", () => {
  it("sends one Adaptive Card 1.4 with a FactSet and an Open URL action", () => {
    const m = teamsMessage(firing);
    expect(m.type).toBe("message");
    expect(m.attachments).toHaveLength(1);
    const [a] = m.attachments;
    expect(a.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(a.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(a.content.body[0]).toMatchObject({
      type: "TextBlock",
      text: "Firing: Checkout errors <high>",
      color: "Attention",
    });
    expect(a.content.body[1]).toMatchObject({
      type: "FactSet",
      facts: expect.arrayContaining([
        { title: "Value", value: "37.5 %" },
        { title: "Threshold", value: "Error rate > 20 %" },
        { title: "Window", value: "5 minutes" },
        { title: "Filter", value: "endpoint POST /checkout" },
      ]),
    });
    expect(a.content.actions).toEqual([{ type: "Action.OpenUrl", title: "Open in Tallyhub", url: firing.url }]);
    expect(teamsMessage(resolved).attachments[0].content.body[0]).toMatchObject({ color: "Good" });
    expect(teamsMessage(test).attachments[0].content.body[0]).toMatchObject({
      text: "Test notification from Tallyhub",
      color: "Accent",
    });
  });
});

describe("webhook", () => {
  it("posts the notice as JSON with the event and the send time", () => {
    const body = JSON.parse(webhookBody(firing, 1_790_000_042));
    expect(body).toEqual({
      event: "firing",
      app: firing.app,
      env: "prod",
      rule: firing.rule,
      value: "37.5 %",
      at: firing.at,
      url: firing.url,
      sentAt: 1_790_000_042,
    });
    expect(JSON.parse(webhookBody(resolved, 1)).event).toBe("resolved");
    expect(JSON.parse(webhookBody(test, 1))).toMatchObject({ event: "test", rule: null, value: null });
  });

  it("signs <timestamp>.<body> with HMAC-SHA256: the secret verifies it, another secret, body or time does not", () => {
    const body = webhookBody(firing, 1_790_000_042);
    const sig = signWebhook("whsec_right", 1_790_000_042, body);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook("whsec_right", "1790000042", body, sig)).toBe(true);
    expect(verifyWebhook("whsec_wrong", "1790000042", body, sig)).toBe(false);
    expect(verifyWebhook("whsec_right", "1790000043", body, sig)).toBe(false);
    expect(verifyWebhook("whsec_right", "1790000042", body.replace("37.5", "3.5"), sig)).toBe(false);
    expect(verifyWebhook("whsec_right", "1790000042", body, "sha256=00")).toBe(false);
  });
});

describe("email", () => {
  it("says what fired in the subject, lists the facts as text and as escaped HTML, links the view", () => {
    const m = emailMessage(firing);
    expect(m.subject).toContain("Firing: Checkout errors <high>");
    expect(m.subject).toContain("37.5 %");
    expect(m.text).toContain("Value: 37.5 %\nThreshold: Error rate > 20 %\nWindow: 5 minutes");
    expect(m.text).toContain(`Open in Tallyhub: ${firing.url}`);
    expect(m.html).toContain("Checkout errors &#60;high&#62;");
    expect(m.html).not.toContain("<high>");
    expect(m.html).toContain(`href="${firing.url.replace(/&/g, "&#38;")}"`);
    expect(emailMessage(resolved).subject).toMatch(/^Resolved: /);
    expect(emailMessage(test).subject).toMatch(/^Test notification from Tallyhub/);
  });
});

describe("channel settings", () => {
  it("round-trip through storage; unreadable ones are null", () => {
    const c = { kind: "webhook" as const, url: "https://x.example/h", secret: "whsec_s" };
    expect(parseChannelConfig("webhook", storedConfig(c))).toEqual(c);
    expect(parseChannelConfig("webhook", '{"url":"https://x.example/h"}')).toBeNull();
    expect(parseChannelConfig("pager", storedConfig(c))).toBeNull();
    expect(parseChannelConfig("email", "not json")).toBeNull();
  });

  it("show only the host and the URL's last characters, never the token in it", () => {
    const url = "https://hooks.slack.com/services/T000/B000/XXXXsecrettokenABCD";
    const masked = maskedTarget({ kind: "slack", url });
    expect(masked).toBe("hooks.slack.com/…ABCD");
    expect(masked).not.toContain("secrettoken");
    expect(maskedTarget({ kind: "email", recipients: ["a@x.io", "b@y.io"] })).toBe("a@x.io, b@y.io");
  });
});

describe("channel form", () => {
  const parse = (input: Record<string, string>) => createChannelSchema.safeParse(input);
  const errors = (input: Record<string, string>) => {
    const r = parse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("accepts any http(s) host, and refuses other URLs with a clear message", () => {
    expect(parse({ kind: "slack", name: "ops", url: "http://mattermost.lan:8065/hooks/abc" }).success).toBe(true);
    for (const url of ["hooks.slack.com/x", "ftp://x.example/h", "javascript:alert(1)", "https://"])
      expect(errors({ kind: "slack", name: "ops", url })).toEqual({
        url: "Enter a full URL starting with https:// (or http://).",
      });
    expect(errors({ kind: "teams", name: "ops", url: "" })).toEqual({ url: "Enter the webhook URL." });
  });

  it("takes 1–20 email addresses and names 1–80 characters", () => {
    const ok = parse({ kind: "email", name: "On call", recipients: "a@x.io, b@y.io;\nc@z.io" });
    expect(ok.success && ok.data.recipients).toEqual(["a@x.io", "b@y.io", "c@z.io"]);
    expect(errors({ kind: "email", name: "x", recipients: "a@x.io, nope" })).toEqual({
      recipients: '"nope" is not an email address.',
    });
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@x.io`).join(",");
    expect(errors({ kind: "email", name: "x", recipients: many })).toEqual({
      recipients: "List at most 20 addresses.",
    });
    expect(errors({ kind: "email", name: "x", recipients: " " })).toEqual({
      recipients: "Enter at least one email address.",
    });
    expect(errors({ kind: "webhook", name: "", url: "https://x.example" })).toEqual({
      name: "Give the channel a name.",
    });
    expect(errors({ kind: "webhook", name: "n".repeat(81), url: "https://x.example" })).toEqual({
      name: "Use at most 80 characters.",
    });
    expect(errors({ kind: "pager", name: "x" })).toHaveProperty("kind");
  });
});
