import type { MessageValues } from "@kakunin/contracts/message-ref";
import { Fragment, type ReactNode } from "react";
import type { Translate } from "../../../lib/i18n/use-t.ts";

// Characters of Unicode's private use area: no message or value holds them.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARK = /\uE000(\d+)\uE001/;

/**
 * A translated sentence with elements among its words (a link, a <time>): each language puts
 * them where its word order wants them. The message names each element as a placeholder
 * (`新たに注文する場合は{stock}または{fund}からどうぞ。`), filled in after translation.
 */
export function richText(
  t: Translate,
  id: string,
  elements: Record<string, ReactNode>,
  values: MessageValues = {},
): ReactNode {
  const names = Object.keys(elements);
  const marks = Object.fromEntries(names.map((name, index) => [name, `${OPEN}${index}${CLOSE}`]));
  // split with a capturing group alternates text and the captured element index.
  const pieces = t(id, { ...values, ...marks }).split(MARK);
  return pieces.map((piece, index) => {
    if (index % 2 === 0) return piece;
    const name = names[Number(piece)] as string;
    // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one message are fixed.
    return <Fragment key={index}>{elements[name]}</Fragment>;
  });
}
