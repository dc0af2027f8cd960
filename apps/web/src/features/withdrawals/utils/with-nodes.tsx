import { Fragment, type ReactNode } from "react";
import type { Translate } from "../../../lib/i18n/use-t.ts";

// Never in a message: marks where a node goes in the translated text.
const MARK = "\u0000";

/**
 * A message with elements inside it (a link, a <time>): each `{name}` placeholder is filled
 * with a node, wherever the language puts it in the sentence. Lingui's core only returns text,
 * so the placeholders are filled with marks and the text is split around them.
 */
export function withNodes(t: Translate, id: string, nodes: Record<string, ReactNode>): ReactNode[] {
  const text = t(id, Object.fromEntries(Object.keys(nodes).map((name) => [name, `${MARK}${name}${MARK}`])));
  const out: ReactNode[] = [];
  text.split(MARK).forEach((part, at) => {
    // Odd parts are the names between two marks; each placeholder appears once in a message.
    out.push(at % 2 === 0 ? part : <Fragment key={part}>{nodes[part]}</Fragment>);
  });
  return out;
}
