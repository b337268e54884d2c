import { NotFoundMessage } from "@/components/ui/not-found-message";

// Inside the dashboard's top bar, so it needs no logo of its own.
export default function AppNotFound() {
  return (
    <div className="py-20 sm:py-28">
      <NotFoundMessage />
    </div>
  );
}
