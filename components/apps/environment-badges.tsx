// An app's environments as badges (the app's header, the apps list). "(other)" is no environment a client
// named but where data past the cap goes: it says so instead of looking like one.
import { Badge } from "@/components/ui/badge";
import { isOtherRow } from "@/lib/model/other-row";
import { pastCapHint } from "@/lib/store/caps";

export function EnvironmentBadges({ environments }: { environments: { id: number; name: string }[] }) {
  return environments.map((env) =>
    isOtherRow(env) ? (
      <Badge key={env.id} mono title={pastCapHint("environments")} className="bg-white text-slate-500 italic">
        {env.name}
        <span className="sr-only">: {pastCapHint("environments")}</span>
      </Badge>
    ) : (
      <Badge key={env.id} mono>
        {env.name}
      </Badge>
    ),
  );
}
