import { siteTimeZone } from '../core/time-zones.ts';

/** The zone a date without a time is read in, unless an article sets its own (CHRONICLE_TIMEZONE, default UTC). */
export const SITE_TIME_ZONE = siteTimeZone(process.env.CHRONICLE_TIMEZONE);
