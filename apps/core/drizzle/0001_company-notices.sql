-- Reference content, not demo data: the security-upgrade notice every customer sees.
INSERT INTO "notices" ("id", "kind", "title", "body", "published_at") VALUES (
  'security-upgrade-2022',
  'important',
  '（重要）弊社取引システムのセキュリティ強化及び執行パスワード導入のご案内',
  '2022年9月18日（日）18時より、売買注文・出金申込・登録情報の照会の都度、執行パスワードのご入力が必要となります。事前登録期間（8月22日～9月17日）中に、口座管理の「執行パスワード変更」から初期パスワードをご自身のパスワードへご変更ください。',
  '2022-08-22T00:00:00+09:00'
) ON CONFLICT ("id") DO NOTHING;
