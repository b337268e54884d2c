// The country of a client IP address, from the IP→country database that ships inside the npm package
// @ip-location-db/geo-whois-asn-country-mmdb (nothing is downloaded at install or run time). Its ~8 MB
// are read on the first lookup, once per process, so neither the build nor a server that never
// stores a request log pays for them.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Reader, type CountryResponse } from "mmdb-lib";
import { isPublicIp } from "../net/ip-address";

const DATABASE = "@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb";

/** ip-location-db's records hold only `country_code`, not MaxMind's nested country record. */
type CountryRecord = CountryResponse & { country_code?: unknown };

/** undefined: not loaded yet; null: could not be loaded (logged once, lookups answer null). */
let reader: Reader<CountryRecord> | null | undefined;

function database(): Reader<CountryRecord> | null {
  if (reader !== undefined) return reader;
  try {
    // Resolved at run time from the project folder (the server's working directory, as for the
    // migrations), never by the bundler: it would try to bundle the file as a module.
    const fromProject = createRequire(path.join(/* turbopackIgnore: true */ process.cwd(), "package.json"));
    const file = fromProject.resolve(/* turbopackIgnore: true */ DATABASE);
    reader = new Reader<CountryRecord>(readFileSync(file));
  } catch (e) {
    console.error(`[tallyhub] IP→country database not loaded, countries stay empty: ${(e as Error).message}`);
    reader = null;
  }
  return reader;
}

/** ISO 3166-1 alpha-2 code of a public address; null for private, reserved or unknown ones. */
export function countryOfIp(ip: string | null): string | null {
  if (!ip || !isPublicIp(ip)) return null;
  try {
    const code = database()?.get(ip)?.country_code;
    return typeof code === "string" && /^[A-Z]{2}$/.test(code) ? code : null;
  } catch {
    return null;
  }
}
