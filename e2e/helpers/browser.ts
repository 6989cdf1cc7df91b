import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, started the way this machine allows (no downloads, no background traffic). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
    ],
  });
  // Seen once in CI: close() never answered and held a file's afterAll for the whole hook timeout.
  // Playwright still ends the process when the test worker exits.
  const close = browser.close.bind(browser);
  browser.close = (options) => Promise.race([close(options), new Promise<void>((done) => setTimeout(done, 20_000).unref())]);
  return browser;
}

export interface WatchedPage {
  page: Page;
  /** Requests that left the site's origin. */
  foreignRequests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Content-Security-Policy violations: `directive blocked-url (source)`. */
  cspViolations: string[];
  /** Alerts, confirms and prompts the page opened (each is dismissed). */
  dialogs: string[];
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  width?: number;
  /** Switch the site's Content-Security-Policy off, to test what the page itself does without that safety net. */
  bypassCSP?: boolean;
}

/** A new page that records requests to other origins, page errors, CSP violations and dialogs. */
export async function openPage(browser: Browser, origin: string, options: PageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  const cspViolations: string[] = [];
  const dialogs: string[] = [];
  await page.exposeBinding('__chronicleCspViolation', (_source, violation: string) => void cspViolations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __chronicleCspViolation: (v: string) => void }).__chronicleCspViolation;
      void report(`${event.effectiveDirective} ${event.blockedURI || '(inline)'} (${event.sourceFile || location.href}:${event.lineNumber})`);
    });
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    // Workers report their violations only to the console (a page's come both ways).
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { page, foreignRequests, errors, cspViolations, dialogs };
}
