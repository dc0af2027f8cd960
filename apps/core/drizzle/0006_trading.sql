CREATE SEQUENCE "public"."order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 99999999 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "instruments" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"lot_size" integer NOT NULL,
	"price" bigint NOT NULL,
	"previous_close" bigint NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instruments_price_positive" CHECK ("instruments"."price" > 0 and "instruments"."previous_close" > 0)
);
--> statement-breakpoint
CREATE TABLE "margin_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"instrument_code" text NOT NULL,
	"side" text NOT NULL,
	"quantity" bigint NOT NULL,
	"reserved_quantity" bigint DEFAULT 0 NOT NULL,
	"open_price" bigint NOT NULL,
	"required_margin" bigint NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "margin_positions_quantities" CHECK ("margin_positions"."reserved_quantity" >= 0 and "margin_positions"."quantity" >= "margin_positions"."reserved_quantity" and "margin_positions"."required_margin" >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_number" text DEFAULT ('O' || lpad(nextval('order_number_seq')::text, 8, '0')) NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"instrument_code" text NOT NULL,
	"side" text NOT NULL,
	"account" text,
	"margin_action" text,
	"margin_position_id" uuid,
	"quantity" bigint,
	"amount" bigint,
	"units" bigint,
	"price_type" text,
	"limit_price" bigint,
	"status" text DEFAULT 'open' NOT NULL,
	"reserved_cash" bigint DEFAULT 0 NOT NULL,
	"reserved_quantity" bigint DEFAULT 0 NOT NULL,
	"filled_price" bigint,
	"filled_quantity" bigint,
	"filled_amount" bigint,
	"filled_at" timestamp with time zone,
	"request_key" text NOT NULL,
	"last_action_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_order_number_unique" UNIQUE("order_number"),
	CONSTRAINT "orders_customer_request_key" UNIQUE("customer_id","request_key"),
	CONSTRAINT "orders_reserved_nonnegative" CHECK ("orders"."reserved_cash" >= 0 and "orders"."reserved_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"customer_id" uuid NOT NULL,
	"instrument_code" text NOT NULL,
	"quantity" bigint NOT NULL,
	"reserved_quantity" bigint DEFAULT 0 NOT NULL,
	"cost" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "positions_customer_id_instrument_code_pk" PRIMARY KEY("customer_id","instrument_code"),
	CONSTRAINT "positions_quantities" CHECK ("positions"."reserved_quantity" >= 0 and "positions"."quantity" >= "positions"."reserved_quantity")
);
--> statement-breakpoint
ALTER TABLE "margin_positions" ADD CONSTRAINT "margin_positions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "margin_positions" ADD CONSTRAINT "margin_positions_instrument_code_instruments_code_fk" FOREIGN KEY ("instrument_code") REFERENCES "public"."instruments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_instrument_code_instruments_code_fk" FOREIGN KEY ("instrument_code") REFERENCES "public"."instruments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_instrument_code_instruments_code_fk" FOREIGN KEY ("instrument_code") REFERENCES "public"."instruments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "margin_positions_customer" ON "margin_positions" USING btree ("customer_id","instrument_code");--> statement-breakpoint
CREATE INDEX "orders_customer_time" ON "orders" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_open_instrument" ON "orders" USING btree ("instrument_code") WHERE "orders"."status" = 'open';--> statement-breakpoint
-- Reference content, not demo data: the instruments of the simulated market (R17, R18).
-- Stocks: TSE issues, 単元株数 100, prices in yen; funds: NAV per 10,000 units (基準価額).
INSERT INTO "instruments" ("code", "name", "kind", "lot_size", "price", "previous_close") VALUES
  ('7203', 'トヨタ自動車', 'stock', 100, 1950, 1950),
  ('6758', 'ソニーグループ', 'stock', 100, 10500, 10500),
  ('9984', 'ソフトバンクグループ', 'stock', 100, 5800, 5800),
  ('8306', '三菱UFJフィナンシャル・グループ', 'stock', 100, 780, 780),
  ('6861', 'キーエンス', 'stock', 100, 55000, 55000),
  ('9432', '日本電信電話', 'stock', 100, 3900, 3900),
  ('7974', '任天堂', 'stock', 100, 5800, 5800),
  ('8035', '東京エレクトロン', 'stock', 100, 42000, 42000),
  ('4063', '信越化学工業', 'stock', 100, 16500, 16500),
  ('9433', 'KDDI', 'stock', 100, 4200, 4200),
  ('6501', '日立製作所', 'stock', 100, 7000, 7000),
  ('7267', '本田技研工業', 'stock', 100, 3300, 3300),
  ('4502', '武田薬品工業', 'stock', 100, 4000, 4000),
  ('8058', '三菱商事', 'stock', 100, 4500, 4500),
  ('6098', 'リクルートホールディングス', 'stock', 100, 4300, 4300),
  ('9983', 'ファーストリテイリング', 'stock', 100, 80000, 80000),
  ('8316', '三井住友フィナンシャルグループ', 'stock', 100, 5000, 5000),
  ('6902', 'デンソー', 'stock', 100, 7200, 7200),
  ('4519', '中外製薬', 'stock', 100, 3500, 3500),
  ('2914', '日本たばこ産業', 'stock', 100, 2700, 2700),
  ('F001', 'eMAXIS Slim 全世界株式（オール・カントリー）', 'fund', 1, 17500, 17500),
  ('F002', 'eMAXIS Slim 米国株式（S&P500）', 'fund', 1, 19800, 19800),
  ('F003', 'ニッセイ日経225インデックスファンド', 'fund', 1, 26000, 26000),
  ('F004', 'たわらノーロード 先進国株式', 'fund', 1, 22000, 22000),
  ('F005', 'ひふみプラス', 'fund', 1, 14000, 14000)
ON CONFLICT ("code") DO NOTHING;
