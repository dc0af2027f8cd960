import { i18n } from "@lingui/core";
import { afterEach, describe, expect, it } from "vitest";
import { activateLocale, defineCatalog } from "./catalog.ts";

afterEach(async () => {
  await activateLocale("ja");
});

describe("activateLocale (decision 019)", () => {
  it("also loads a catalogue declared while it was loading the others, as a lazy chunk evaluated during the bootstrap does", async () => {
    let declareLate = () => {};
    const lateDeclared = new Promise<void>((resolve) => {
      declareLate = resolve;
    });
    // The first catalogue's download stands for the bootstrap's: the screen's chunk is
    // evaluated, and declares its own catalogue, before it arrives.
    defineCatalog("slow-test", {
      ja: () => lateDeclared.then(() => ({ messages: {} })),
      en: () =>
        lateDeclared.then(() => {
          defineCatalog("late-test", {
            ja: async () => ({ messages: {} }),
            en: async () => ({ messages: { "late.test": "Late but here" } }),
          });
          return { messages: {} };
        }),
    });
    const activation = activateLocale("en");
    declareLate();
    await activation;
    expect(i18n._("late.test")).toBe("Late but here");
  });
});
