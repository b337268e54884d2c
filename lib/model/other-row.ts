// The "(other)" row of each capped kind (lib/store/caps.ts): where data past the app's cap is counted. It is no
// key a client sent, so the dashboard offers no rename, grouping or removal on it. Pure, so client components
// can tell it apart too.
import { INT32_MAX } from "./limits";

/**
 * The id of every kind's "(other)" row: the largest value a 32-bit id column holds, so no allocated id
 * ever reaches it, and ids running out send new keys to "(other)" instead of overflowing.
 */
export const OTHER_ID = INT32_MAX;
export const OTHER_LABEL = "(other)";

export const isOtherRow = (row: { id: number }) => row.id === OTHER_ID;
