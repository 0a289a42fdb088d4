// Headless Debian Chromium driven by playwright-core (which then downloads no browser of its own).
import { chromium } from 'playwright-core';

/** Flags that let Chromium run as root in a container and stop it calling hosts that cannot be reached. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** @param {string} executablePath */
export function launchChromium(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Viewport of workbench screenshots: large enough for the editor, side bar and panel to be readable. */
export const VIEWPORT = { width: 1440, height: 900 };
