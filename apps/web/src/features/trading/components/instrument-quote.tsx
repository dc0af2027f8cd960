import type { Instrument } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatJstDateTime, formatPrice } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { tradingCatalog } from "../i18n.ts";
import { nameWithCode } from "../utils/order-text.ts";
import { richText } from "../utils/rich-text.tsx";

const percent = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** 前日比: +12円（+0.85%）, with the sign in words' place so colour is not needed. */
export function changeText(t: Translate, instrument: Pick<Instrument, "price" | "previousClose">): string {
  const change = instrument.price - instrument.previousClose;
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  const ratio = (Math.abs(change) / instrument.previousClose) * 100;
  return t("trading.quote.change", { sign, change: formatPrice(Math.abs(change)), ratio: percent.format(ratio) });
}

/** The instrument typed or chosen: name, 現在値, 前日比 and 値幅制限, refreshed with the prices. */
export function InstrumentQuote({ instrument }: { instrument: Instrument }) {
  const { t } = useT(tradingCatalog);
  const time = <time dateTime={instrument.updatedAt}>{formatJstDateTime(instrument.updatedAt)}</time>;
  const items = [
    { term: t("trading.term.instrument"), detail: nameWithCode(t, instrument.name, instrument.code) },
    {
      term: instrument.kind === "fund" ? t("trading.term.nav") : t("trading.term.currentPrice"),
      detail: (
        <>
          <span className="kk-amount">{formatPrice(instrument.price)}</span>{" "}
          <span className="kk-text-sm kk-text-muted">
            {instrument.kind === "fund"
              ? richText(t, "trading.quote.asOfPer10000", { time })
              : richText(t, "trading.quote.asOf", { time })}
          </span>
        </>
      ),
    },
    { term: t("trading.quote.changeTerm"), detail: changeText(t, instrument) },
    ...(instrument.limitDown !== null && instrument.limitUp !== null
      ? [
          {
            term: t("trading.quote.priceLimit"),
            detail: t("trading.quote.priceRange", {
              low: formatPrice(instrument.limitDown),
              high: formatPrice(instrument.limitUp),
            }),
          },
        ]
      : []),
  ];
  // Not a live region: the prices change every few seconds and would drown the screen reader.
  return <DescriptionList items={items} />;
}
