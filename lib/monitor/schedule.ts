// Monitoring inside the server, like retention: no cron to set up. A tick every
// TALLYHUB_MONITOR_INTERVAL_SECONDS; the parts decide themselves what is due.
import { settings } from "@/lib/settings";
import { runMonitorTick } from "./tick";

let timer: NodeJS.Timeout | undefined;

export function startMonitorSchedule(): number {
  const seconds = settings().TALLYHUB_MONITOR_INTERVAL_SECONDS;
  if (!seconds || timer) return 0;
  const tick = () => {
    // runMonitorTick isolates its parts' failures; the tick itself never throws.
    void runMonitorTick().finally(() => {
      timer = setTimeout(tick, seconds * 1000);
      timer.unref();
    });
  };
  timer = setTimeout(tick, seconds * 1000);
  timer.unref();
  return seconds;
}
