import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The test DOM (happy-dom) has no layout: stubs for the APIs Mantine's components probe for.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = () => {};
afterEach(() => {
  cleanup();
  // Mantine keeps its notifications in a module-level store, and the component tests share modules (isolate: false):
  // a notice still open at the end of one test (a 4 s auto-close) showed as a second role="alert" in the next file.
  notifications.clean();
  notifications.cleanQueue();
});
// findBy/waitFor wait for behaviour, not for speed: on a loaded 2-core CI machine (the component tests beside Chromium) 1 s is not enough.
configure({ asyncUtilTimeout: 5000 });
// No FontFaceSet here either; Mantine's autosizing textarea listens to it.
Object.defineProperty(document, 'fonts', { value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() }, configurable: true });
