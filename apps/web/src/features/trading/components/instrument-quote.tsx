import type { Instrument } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatJstDateTime, formatPrice } from "../../../lib/format.ts";

const percent = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** 前日比: +12円（+0.85%）, with the sign in words' place so colour is not needed. */
export function changeText(instrument: Pick<Instrument, "price" | "previousClose">): string {
  const change = instrument.price - instrument.previousClose;
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  const ratio = (Math.abs(change) / instrument.previousClose) * 100;
  return `${sign}${formatPrice(Math.abs(change))}（${sign}${percent.format(ratio)}%）`;
}

/** The instrument typed or chosen: name, 現在値, 前日比 and 値幅制限, refreshed with the prices. */
export function InstrumentQuote({ instrument }: { instrument: Instrument }) {
  const items = [
    { term: "銘柄", detail: `${instrument.name}（${instrument.code}）` },
    {
      term: instrument.kind === "fund" ? "基準価額" : "現在値",
      detail: (
        <>
          <span className="kk-amount">{formatPrice(instrument.price)}</span>{" "}
          <span className="kk-text-sm kk-text-muted">
            （<time dateTime={instrument.updatedAt}>{formatJstDateTime(instrument.updatedAt)}</time>
            時点{instrument.kind === "fund" ? "、1万口あたり" : ""}）
          </span>
        </>
      ),
    },
    { term: "前日比", detail: changeText(instrument) },
    ...(instrument.limitDown !== null && instrument.limitUp !== null
      ? [{ term: "値幅制限", detail: `${formatPrice(instrument.limitDown)}〜${formatPrice(instrument.limitUp)}` }]
      : []),
  ];
  // Not a live region: the prices change every few seconds and would drown the screen reader.
  return <DescriptionList items={items} />;
}
