// Module resolve hook registered by scripts/server-layer.mjs (it runs in the loader thread).
const SERVER_ENTRIES = { "next/navigation": "next/dist/client/components/navigation.react-server.js" };

export async function resolve(specifier, context, nextResolve) {
  return nextResolve(SERVER_ENTRIES[specifier] ?? specifier, context);
}
