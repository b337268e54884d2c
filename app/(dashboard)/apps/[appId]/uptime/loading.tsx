import { ViewSkeleton } from "@/components/dashboard/skeletons";

export default function Loading() {
  return <ViewSkeleton cards={4} />;
}
