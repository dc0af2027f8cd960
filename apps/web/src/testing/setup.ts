import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// Without Vitest globals, Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
