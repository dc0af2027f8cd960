/**
 * When the customer last used the page, so calls made without them (polls, refetches on
 * focus) can say so and not keep the session alive (issue 15). Loading the page is not
 * input: a browser restoring its tabs loads them with nobody there. A customer who just
 * opened the page and reads still gets the warning and its 延長 before the timeout.
 */
let lastInputAt = Number.NEGATIVE_INFINITY;

/** After this long without input, a GET is taken as the page's own, not the customer's. */
export const BACKGROUND_AFTER_MS = 10_000;

/** Input that only a person makes; pointer movement alone is not counted (it also comes from a bump). */
const INPUT_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

export function noteUserInput(at: number = Date.now()): void {
  lastInputAt = at;
}

/** Listens for input on `target` (the window, in main.tsx); returns the way to stop. */
export function trackUserInput(target: Pick<Window, "addEventListener" | "removeEventListener">): () => void {
  const listener = () => noteUserInput();
  for (const type of INPUT_EVENTS) target.addEventListener(type, listener, { capture: true, passive: true });
  return () => {
    for (const type of INPUT_EVENTS) target.removeEventListener(type, listener, { capture: true });
  };
}

/** True when nothing was typed, clicked or scrolled for BACKGROUND_AFTER_MS. */
export function isUserIdle(now: number = Date.now()): boolean {
  return now - lastInputAt >= BACKGROUND_AFTER_MS;
}
