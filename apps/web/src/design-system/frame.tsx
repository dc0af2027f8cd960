import type { ReactNode } from "react";

/** A primitive on the page background, inside a main landmark, as it appears in the app. */
export function Frame({ children }: { children: ReactNode }) {
  return (
    <main className="kk-layout__main" style={{ padding: "1.5rem" }}>
      <div className="kk-stack">{children}</div>
    </main>
  );
}
