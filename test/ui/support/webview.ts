import type { FrameLocator, Page } from 'playwright-core';

/**
 * The page of the extension's webview panel. VS Code hosts a webview in two nested iframes: an outer
 * one (class `webview`, marked `ready` once loaded) and, inside it, `#active-frame` with the
 * extension's own document. Only one webview is open in these tests.
 */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
