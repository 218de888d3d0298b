-- A deterministic catalog that reads like a shop's: the same 110 categories as bench/seed.sql (10
-- roots, 20 children, 80 grandchildren, same slugs) and :products products, about 70 % named and
-- described in English and 30 % in Russian, from brands (some with accents), product types,
-- adjectives, model codes and feature sentences. About a tenth of the catalog mentions a phone
-- (`phone`, `phones`, `smartphone`, `headphones`, `phone case`, or a description that fits any phone), so
-- `q=phone` is a frequent search; prices follow a long tail from 5 to 2,000, stock is 0 for about 10 %,
-- 3 % of the products are inactive. Run with psql -v products=1000000 -f bench/seed-catalog.sql on an
-- empty database at migration head; the same number always gives the same catalog.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
SELECT g, 'Root ' || g, 'root-' || g, NULL, TRUE, now(), now() FROM generate_series(1, 10) AS g;
INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
SELECT 10 + g, 'Child ' || g, 'child-' || g, 1 + (g - 1) / 2, TRUE, now(), now() FROM generate_series(1, 20) AS g;
INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
SELECT 30 + g, 'Leaf ' || g, 'leaf-' || g, 11 + (g - 1) / 4, TRUE, now(), now() FROM generate_series(1, 80) AS g;
SELECT setval(pg_get_serial_sequence('categories', 'id'), 110);

-- A stable pseudo-random pick: the same (row, salt) always gives the same element.
CREATE FUNCTION pg_temp.pick(choices text[], i bigint, salt integer) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT choices[1 + (hashint8(i * 7919 + salt) & 2147483647) % cardinality(choices)] $$;
CREATE FUNCTION pg_temp.unit(i bigint, salt integer) RETURNS double precision LANGUAGE sql IMMUTABLE AS
$$ SELECT ((hashint8(i * 104729 + salt) & 2147483647) % 1000000) / 1000000.0 $$;

WITH words AS (
    SELECT
        ARRAY['Samsung', 'Apple', 'Xiaomi', 'Sony', 'Philips', 'Bosch', 'Lenovo', 'Asus', 'Huawei', 'Nokia', 'LG',
              'Panasonic', 'Braun', 'Tefal', 'Redmond', 'Polaris', 'Nike', 'Adidas', 'Puma', 'Dyson', 'Canon', 'Nikon',
              'JBL', 'Logitech', 'HP', 'Dell', 'Acer', 'Garmin', 'Casio', 'Café Royal', 'Škoda Audio', 'Müller', 'Crème Home']
            AS brands,
        ARRAY['phone', 'phone', 'phone', 'phone case', 'smartphone', 'headphones', 'laptop', 'tablet', 'blender', 'kettle',
              'vacuum cleaner', 'coffee maker', 'monitor', 'keyboard', 'mouse', 'camera', 'watch', 'speaker', 'charger',
              'backpack', 'sneakers', 'jacket', 'lamp', 'toaster', 'microwave', 'router', 'printer', 'drill', 'bicycle',
              'tent', 'sofa', 'chair', 'desk', 'mattress', 'pillow', 'towel', 'dress', 'jeans', 'shirt', 'sunglasses']
            AS types_en,
        ARRAY['смартфон', 'смартфон', 'телефон', 'ноутбук', 'планшет', 'наушники', 'блендер', 'чайник', 'пылесос',
              'кофеварка', 'монитор', 'клавиатура', 'мышь', 'фотоаппарат', 'часы', 'колонка', 'зарядное устройство',
              'чехол для смартфона', 'рюкзак', 'кроссовки', 'куртка', 'лампа', 'тостер', 'микроволновка', 'роутер',
              'принтер', 'дрель', 'велосипед', 'палатка', 'диван']
            AS types_ru,
        ARRAY['black', 'white', 'red', 'blue', 'green', 'silver', 'compact', 'wireless', 'portable', 'smart',
              'professional', 'mini', 'pro', 'ultra', 'classic', 'premium', 'lightweight', 'waterproof', 'ergonomic', 'digital']
            AS adjectives_en,
        ARRAY['чёрный', 'белый', 'красный', 'синий', 'зелёный', 'серебристый', 'компактный', 'беспроводной',
              'портативный', 'умный', 'профессиональный', 'мини', 'классический', 'премиальный', 'лёгкий', 'водонепроницаемый']
            AS adjectives_ru,
        ARRAY['home', 'the office', 'travel', 'sport', 'kids', 'gaming', 'the kitchen', 'everyday use',
              'outdoor adventures', 'students', 'small apartments', 'professionals']
            AS uses_en,
        ARRAY['дома', 'офиса', 'путешествий', 'спорта', 'детей', 'игр', 'кухни', 'каждого дня', 'дачи', 'студентов']
            AS uses_ru,
        ARRAY['long battery life', 'fast charging', 'a USB-C port', 'Bluetooth 5.3', 'Wi-Fi', 'a stainless steel body',
              'touch controls', 'noise cancellation', 'a quiet motor', 'an energy saving mode', 'water resistance',
              'an HD display', 'a voice assistant', 'a detachable cable', 'a travel pouch', 'an aluminium frame',
              'a matte finish', 'a two-year warranty', 'replaceable filters', 'an anti-slip base', 'app control',
              'a memory foam layer', 'fits any phone', 'a wireless charging pad for your phone']
            AS features_en,
        ARRAY['долгая работа от батареи', 'быстрая зарядка', 'разъём USB-C', 'Bluetooth 5.3', 'Wi-Fi',
              'корпус из нержавеющей стали', 'сенсорное управление', 'шумоподавление', 'тихий мотор',
              'энергосберегающий режим', 'защита от воды', 'яркий экран', 'голосовой помощник', 'съёмный кабель',
              'чехол в комплекте', 'алюминиевая рама', 'гарантия два года', 'управление со смартфона']
            AS features_ru
), rows AS (
    SELECT i, pg_temp.unit(i, 1) < 0.7 AS english FROM generate_series(1, :products) AS i
)
INSERT INTO products (name, slug, description, price, image_url, stock, category_id, rating, is_active, created_at, updated_at)
SELECT
    CASE WHEN english
        THEN pg_temp.pick(brands, i, 2) || ' ' || initcap(pg_temp.pick(adjectives_en, i, 3)) || ' '
             || initcap(pg_temp.pick(types_en, i, 4)) || ' ' || chr(65 + (i % 26)::integer) || (i % 997)
        ELSE initcap(pg_temp.pick(types_ru, i, 4)) || ' ' || pg_temp.pick(brands, i, 2) || ' '
             || pg_temp.pick(adjectives_ru, i, 3) || ' ' || chr(65 + (i % 26)::integer) || (i % 997)
    END,
    'p-' || i,
    CASE
        WHEN pg_temp.unit(i, 5) < 0.05 THEN NULL
        WHEN english
        THEN 'A ' || pg_temp.pick(adjectives_en, i, 6) || ' ' || pg_temp.pick(types_en, i, 4) || ' for '
             || pg_temp.pick(uses_en, i, 7) || '. It comes with ' || pg_temp.pick(features_en, i, 8) || ' and '
             || pg_temp.pick(features_en, i, 9) || '. Made by ' || pg_temp.pick(brands, i, 2) || ', model '
             || chr(65 + (i % 26)::integer) || (i % 997) || ', ' || (6 + i % 30) || ' months of warranty.'
        ELSE initcap(pg_temp.pick(adjectives_ru, i, 6)) || ' ' || pg_temp.pick(types_ru, i, 4) || ' для '
             || pg_temp.pick(uses_ru, i, 7) || '. В комплекте: ' || pg_temp.pick(features_ru, i, 8) || ' и '
             || pg_temp.pick(features_ru, i, 9) || '. Производитель ' || pg_temp.pick(brands, i, 2) || ', модель '
             || chr(65 + (i % 26)::integer) || (i % 997) || ', гарантия ' || (6 + i % 30) || ' мес.'
    END,
    round((5 * power(400, pg_temp.unit(i, 10)))::numeric, 2),
    'https://cdn.example.com/products/' || i || '.png',
    CASE WHEN pg_temp.unit(i, 11) < 0.1 THEN 0 ELSE 1 + (hashint8(i) & 255) END,
    31 + (hashint8(i * 3) & 2147483647) % 80,
    round((pg_temp.unit(i, 12) * 5)::numeric, 2),
    pg_temp.unit(i, 13) >= 0.03,
    now() - make_interval(secs => (pg_temp.unit(i, 14) * 63072000)::integer),
    now() - make_interval(secs => (pg_temp.unit(i, 14) * 63072000)::integer)
FROM rows, words;
COMMIT;
ANALYZE categories;
ANALYZE products;
