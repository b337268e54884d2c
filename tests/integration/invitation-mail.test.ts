// Invitation emails through a real SMTP server (smtp-server, in this process): the message carries the link, the
// team and the role; a mail server that is down is reported, not thrown.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSmtp, type ReceivedMail } from "../helpers/smtp";
import { freePort } from "../helpers/stack";

const overrides: Record<string, unknown> = {};
vi.mock("@/lib/settings", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/settings")>();
  return { ...real, settings: () => ({ ...real.settings(), ...overrides }) };
});

const { sendInvitationMail } = await import("@/lib/teams/invitation-mail");

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let received: ReceivedMail[];
let port: number;

beforeAll(async () => {
  smtp = await startSmtp();
  ({ received, port } = smtp);
});

afterAll(() => smtp.close());

const invitation = {
  to: "grace@example.com",
  teamName: "Platform <team>",
  role: "admin" as const,
  link: "https://tallyhub.example.com/invite/abc123",
  invitedBy: "Ada",
  expiresAt: new Date(Date.UTC(2026, 11, 7)),
};

describe("invitation emails", () => {
  it("are delivered with the link, the team and the role", async () => {
    overrides.SMTP_URL = `smtp://127.0.0.1:${port}`;
    overrides.SMTP_FROM = "Tallyhub <hub@example.com>";
    expect(await sendInvitationMail(invitation)).toEqual({ sent: true });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.from).toBe("hub@example.com");
    expect(mail.to).toEqual(["grace@example.com"]);
    expect(mail.data).toContain("Subject: Ada invited you to Platform <team> on Tallyhub");
    expect(mail.data).toContain("https://tallyhub.example.com/invite/abc123");
    expect(mail.data).toContain("as admin");
    // The HTML part escapes the team's name.
    expect(mail.data).toContain("Platform &#60;team&#62;");
  });

  it("report a mail server that cannot be reached instead of throwing", async () => {
    overrides.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    const r = await sendInvitationMail(invitation);
    expect(r.sent).toBe(false);
    if (!r.sent) expect(r.error).toMatch(/ECONNREFUSED|connect/i);
  });
});
