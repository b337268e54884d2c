import Link from "next/link";
import { buttonClass } from "./button";

const MESSAGES = {
  404: {
    title: "Page not found",
    text: "This page doesn't exist, or it belongs to a team you're not in.",
  },
  403: {
    title: "Not allowed",
    text: "Your role in this team does not include this page. A team owner can change your role.",
  },
} as const;

export function NotFoundMessage({ status = 404 }: { status?: keyof typeof MESSAGES }) {
  const { title, text } = MESSAGES[status];
  return (
    <div className="flex flex-col items-center text-center">
      <p className="font-mono text-sm font-medium text-indigo-600">{status}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 max-w-sm text-sm text-slate-500">{text}</p>
      <Link href="/apps" className={buttonClass({ className: "mt-8" })}>
        Back to your apps
      </Link>
    </div>
  );
}
