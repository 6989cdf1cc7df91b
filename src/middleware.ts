import { defineMiddleware } from 'astro:middleware';
import { getRouteData } from './lib/routes/route-data.ts';

/**
 * Gives every request (prerendered pages included: Astro runs middleware for
 * them at build time) the route data as `Astro.locals.chronicle`. Pages pass
 * what they use down as props; only components placed inside article bodies,
 * which receive no props from the page, read it here themselves.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.chronicle = await getRouteData();
  return next();
});
