/**
 * Text order that is the same on both databases (PostgreSQL sorts text by its locale's
 * collation, SQLite by code point): sort text in JS, and break SQL ties by integer ids.
 */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
