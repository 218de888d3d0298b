-- A deterministic catalog for the benchmark: 110 categories in three levels (10 roots, 20 children,
-- 80 grandchildren) and :products products spread over the grandchildren. Run with
-- psql -v products=100000 -f bench/seed.sql on an empty database at migration head.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
SELECT g, 'Root ' || g, 'root-' || g, NULL, TRUE, now(), now() FROM generate_series(1, 10) AS g;
INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
SELECT 10 + g, 'Child ' || g, 'child-' || g, 1 + (g - 1) / 2, TRUE, now(), now() FROM generate_series(1, 20) AS g;
INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
SELECT 30 + g, 'Leaf ' || g, 'leaf-' || g, 11 + (g - 1) / 4, TRUE, now(), now() FROM generate_series(1, 80) AS g;
SELECT setval(pg_get_serial_sequence('categories', 'id'), 110);

INSERT INTO products (name, slug, description, price, image_url, stock, category_id, rating, is_active, created_at, updated_at)
SELECT 'Product ' || i || CASE WHEN i % 10 = 0 THEN ' phone' ELSE ' item' END,
       'product-' || i,
       'Description of product ' || i,
       ((i::bigint * 7919) % 1000000) / 100.0,
       'https://cdn.example.com/products/' || i || '.png',
       i % 50,
       31 + (i % 80),
       (i % 501) / 100.0,
       TRUE,
       now() - make_interval(secs => i),
       now() - make_interval(secs => i)
FROM generate_series(1, :products) AS i;
COMMIT;
ANALYZE categories;
ANALYZE products;
