"use client";

// The Uptime page is rendered on the server; refreshing it every 15 s (as the other views poll)
// keeps states and incidents current while it stays open.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 15_000;

export function AutoRefresh() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      // Not while someone is typing in a settings form.
      if (!document.activeElement?.closest("form")) router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
