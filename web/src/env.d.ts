/// <reference types="vite/client" />

declare module 'virtual:iso-numeric' {
  /** ISO 3166 numeric code (`'364'`) → alpha-3 (`'IRN'`), from world-countries at build time. */
  const table: Record<string, string>;
  export default table;
}
