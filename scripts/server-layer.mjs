// Scripts that load lib/ outside Next.js run under `--conditions=react-server` (lib/db is server-only), where React
// has no client APIs; next/navigation's default entry needs them and fails to load (lib/apps/create reaches it
// through the action guards). Next.js resolves it to its react-server entry for server code, and so do scripts:
// `tsx --conditions=react-server --import ./scripts/server-layer.mjs script.ts`.
import { register } from "node:module";

register("./server-layer-hooks.mjs", import.meta.url);
