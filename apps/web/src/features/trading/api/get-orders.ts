import { orderListSchema } from "@kakunin/contracts/trading";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";
import { MARKET_POLL_MS } from "./get-instruments.ts";

export type OrderList = z.infer<typeof orderListSchema>;

/** 注文照会: the customer's orders, newest first. */
export function getOrders({ signal }: { signal?: AbortSignal } = {}): Promise<OrderList> {
  return apiRequest("/api/me/orders", orderListSchema, { signal });
}

export function ordersQueryOptions() {
  return queryOptions({
    queryKey: ["me", "orders"],
    queryFn: ({ signal }) => getOrders({ signal }),
    // A limit order fills when the price crosses: its 状況 follows without a reload.
    refetchInterval: MARKET_POLL_MS,
  });
}

export function useOrders() {
  return useQuery(ordersQueryOptions());
}
