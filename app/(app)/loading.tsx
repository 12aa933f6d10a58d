import { PageSkeleton } from "@/components/ui/skeleton";

// Shown at once on a slow navigation, inside the menu and header already on screen.
export default function Loading() {
  return <PageSkeleton />;
}
