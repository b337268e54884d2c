// Placeholders in the shape of the views, shown while the first data loads.
import { cn } from "@/components/ui/cn";

export function Bone({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded-md bg-slate-200/70", className)} />;
}

export function FilterBarSkeleton() {
  return (
    <div className="mb-5 space-y-2.5">
      <div className="flex flex-wrap gap-2">
        <Bone className="h-9 w-full sm:w-72" />
        <Bone className="h-9 w-40" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Bone className="h-9 w-full sm:w-56" />
        <Bone className="h-9 w-full sm:w-64" />
        <Bone className="h-9 w-32" />
        <Bone className="h-9 w-36" />
      </div>
    </div>
  );
}

export function ViewSkeleton({ cards = 6 }: { cards?: number }) {
  return (
    <div className="space-y-5" aria-busy="true" aria-label="Loading">
      {cards > 0 && (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
          {Array.from({ length: cards }, (_, i) => (
            <div key={i} className="rounded-xl bg-white px-3.5 py-3 shadow-sm ring-1 ring-slate-200">
              <Bone className="h-3 w-20" />
              <Bone className="mt-2.5 h-6 w-16" />
              <Bone className="mt-2 h-3 w-24" />
            </div>
          ))}
        </div>
      )}
      <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <Bone className="h-4 w-40" />
        <Bone className="mt-5 h-56 w-full" />
      </div>
      <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <Bone className="h-4 w-32" />
        {Array.from({ length: 5 }, (_, i) => (
          <Bone key={i} className="mt-4 h-5 w-full" />
        ))}
      </div>
    </div>
  );
}

/** For loading.tsx: the whole page, filter bar included. */
export function PageSkeleton({ cards = 6 }: { cards?: number }) {
  return (
    <>
      <FilterBarSkeleton />
      <ViewSkeleton cards={cards} />
    </>
  );
}
