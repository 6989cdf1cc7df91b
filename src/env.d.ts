/** What src/middleware.ts puts in `Astro.locals` for every request. */
declare namespace App {
  interface Locals {
    /** The archive, quote ledger and git facts (src/lib/routes/route-data.ts). */
    chronicle: import('./lib/routes/route-data.ts').RouteData;
  }
}
