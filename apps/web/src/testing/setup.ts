import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// Without Vitest globals, Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// Every screen is a lazy module: the first test of a file waits for Vite to transform it on
// demand, which takes well over testing-library's default 1 s on a loaded 2-core machine.
// A longer wait for what the screen must show is not a retry: the assertion is the same.
configure({ asyncUtilTimeout: 5_000 });
