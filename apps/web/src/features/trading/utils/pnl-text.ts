import { formatYen } from "../../../lib/format.ts";

/** 評価損益 with its sign in text: +12,000円 / −3,000円. */
export function pnlText(value: number): string {
  if (value > 0) return `+${formatYen(value)}`;
  if (value < 0) return `−${formatYen(-value)}`;
  return formatYen(0);
}
