-- Erasure (/forget, /customer erase) blanks free text inside JSON - order item
-- names, event properties such as a note - and keeps what the numbers need:
-- numbers, booleans, and strings under keys that name ids, codes, dates and
-- categories (product_id, sku, currency, category, paid_at...). Recursive over
-- objects and arrays; an array's elements are judged by the array's key.
CREATE OR REPLACE FUNCTION erase_free_text(value jsonb, key text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  CASE jsonb_typeof(value)
    WHEN 'object' THEN
      RETURN (SELECT coalesce(jsonb_object_agg(e.k, erase_free_text(e.v, e.k)), '{}'::jsonb) FROM jsonb_each(value) AS e(k, v));
    WHEN 'array' THEN
      RETURN (SELECT coalesce(jsonb_agg(erase_free_text(a.v, key) ORDER BY a.i), '[]'::jsonb) FROM jsonb_array_elements(value) WITH ORDINALITY AS a(v, i));
    WHEN 'string' THEN
      IF lower(coalesce(key, '')) ~ '^(.*_)?(id|ids|sku|skus|category|categories|currency|type|kind|status|stage|step|variant|plan|tier|source|medium|utm_[a-z]+|date|at|time|lang|language|country)$' THEN
        RETURN value;
      END IF;
      RETURN '""'::jsonb;
    ELSE
      RETURN value;
  END CASE;
END
$$;
