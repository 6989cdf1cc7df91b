import { buildDate } from '../model/on-this-day.ts';

/** The day this build computes "On this day" for (CHRONICLE_BUILD_DATE=YYYY-MM-DD overrides today). */
export const BUILD_DATE = buildDate(process.env.CHRONICLE_BUILD_DATE);
