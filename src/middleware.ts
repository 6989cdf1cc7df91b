import { defineMiddleware } from 'astro:middleware';

/**
 * Gives every request (prerendered pages included: Astro runs middleware for
 * them at build time) the route data as `Astro.locals.chronicle`. Pages pass
 * what they use down as props; only components placed inside article bodies,
 * which receive no props from the page, read it here themselves.
 *
 * Imported per request, not at the top: the dev server loads this file once,
 * and when a content file changes it reloads the modules pages import but not
 * this one's, whose content store would stay as it was at the first request.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { getRouteData } = await import('./lib/routes/route-data.ts');
  context.locals.chronicle = await getRouteData();
  return next();
});
