import { orderListSchema } from "@kakunin/contracts/trading";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";
import { MARKET_POLL_MS } from "./get-instruments.ts";

export type OrderList = z.infer<typeof orderListSchema>;

/** 注文照会: one page of the customer's orders, newest first; `cursor` is the previous page's nextCursor. */
export function getOrders({
  cursor,
  signal,
}: {
  cursor?: string | null;
  signal?: AbortSignal;
} = {}): Promise<OrderList> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return apiRequest(`/api/me/orders${query}`, orderListSchema, { signal });
}

export function ordersQueryOptions() {
  return infiniteQueryOptions({
    queryKey: ["me", "orders"],
    queryFn: ({ pageParam, signal }) => getOrders({ cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // A limit order fills when the price crosses: its 状況 follows without a reload (every page shown is refetched).
    refetchInterval: MARKET_POLL_MS,
  });
}

/** The pages read so far, with fetchNextPage for 「さらに表示」. */
export function useOrders() {
  return useInfiniteQuery(ordersQueryOptions());
}
