import { Bone } from "@/components/dashboard/skeletons";

export default function Loading() {
  return (
    <div className="space-y-5" aria-busy="true" aria-label="Loading">
      <Bone className="h-4 w-48" />
      <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <Bone className="h-5 w-2/3" />
        <Bone className="mt-3 h-4 w-full" />
        <div className="mt-5 grid grid-cols-2 gap-4 sm:grid-cols-6">
          {Array.from({ length: 6 }, (_, i) => (
            <Bone key={i} className="h-8" />
          ))}
        </div>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Bone className="h-64 rounded-xl" />
        <Bone className="h-64 rounded-xl" />
      </div>
    </div>
  );
}
