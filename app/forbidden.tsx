import { Logo } from "@/components/ui/logo";
import { NotFoundMessage } from "@/components/ui/not-found-message";

export default function Forbidden() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      <Logo className="mb-10" />
      <NotFoundMessage status={403} />
    </main>
  );
}
