import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { currentUser } from "@/lib/auth/session";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await currentUser()) redirect("/apps");
  return <AuthShell>{children}</AuthShell>;
}
