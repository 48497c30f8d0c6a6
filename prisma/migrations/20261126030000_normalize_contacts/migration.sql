-- Contacts in their one canonical form (normalizeEmail / normalizePhone in
-- core/subscribers/customer-identity.ts), so that the shop's orders and events
-- find the people who gave their e-mail or phone to the bot:
-- e-mail lower-cased; phone in E.164 with the "+" ("491701234567" from the
-- ingestion API, "+49 170 1234567" typed in the bot -> "+491701234567").
-- A phone that cannot be read as an international number (a national one
-- starting with 0) is left as it was.

UPDATE "subscriber" SET "email" = lower(btrim("email"))
 WHERE "email" IS NOT NULL AND "email" <> lower(btrim("email"));

UPDATE "subscriber" s SET "phone" = n."phone"
  FROM (
    SELECT x."id", '+' || CASE
             WHEN btrim(x."phone") LIKE '+%' THEN x."digits"
             WHEN x."digits" LIKE '00%' THEN substr(x."digits", 3)
             WHEN length(x."digits") = 11 AND x."digits" LIKE '8%' THEN '7' || substr(x."digits", 2)
             ELSE x."digits"
           END AS "phone"
      FROM (SELECT "id", "phone", regexp_replace("phone", '[^0-9]', '', 'g') AS "digits"
              FROM "subscriber"
             WHERE "phone" IS NOT NULL AND btrim("phone") ~ '^[+]?[0-9[:space:]()./-]+$') x
  ) n
 WHERE s."id" = n."id" AND n."phone" ~ '^[+][1-9][0-9]{6,14}$' AND s."phone" <> n."phone";
