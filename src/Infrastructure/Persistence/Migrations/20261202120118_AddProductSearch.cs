using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Full-text search over products (docs/search.md), all in the database and none of it in the EF
    /// model: the text search configuration <c>catalog</c>, the column <c>products.search_vector</c>
    /// kept by a trigger, the lexicon <c>search_words</c> that typo tolerance looks words up in, and
    /// the functions that turn a query into terms, pages and capped totals.
    /// The column is filled by a trigger rather than declared <c>GENERATED ... STORED</c>: adding a
    /// stored generated column rewrites <c>products</c> under an <c>ACCESS EXCLUSIVE</c> lock. Rows
    /// that exist before this migration are filled by <c>BackfillProductSearchVectors</c>, in batches
    /// that each commit; the trigger is in place first, so that writes of the previous release in the
    /// meantime are indexed as well.
    /// </summary>
    public partial class AddProductSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

                -- Russian's own mapping already stems ASCII words with english_stem and other words with
                -- russian_stem; unaccent folds what is left (é, ё) before stemming.
                CREATE TEXT SEARCH CONFIGURATION catalog (COPY = russian);
                ALTER TEXT SEARCH CONFIGURATION catalog ALTER MAPPING FOR word, hword, hword_part WITH unaccent, russian_stem;

                -- The text is folded before it is parsed, so that "Café" parses as the ASCII word "cafe" and
                -- is stemmed as English ("cafés" and "cafe" meet), not left to the Russian stemmer.
                CREATE FUNCTION catalog_search_document(name text, description text) RETURNS tsvector
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT setweight(to_tsvector('catalog', unaccent(name)), 'A')
                        || setweight(to_tsvector('catalog', unaccent(coalesce(description, ''))), 'B')
                $$;

                ALTER TABLE products ADD COLUMN search_vector tsvector;

                CREATE FUNCTION refresh_product_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.search_vector := catalog_search_document(NEW.name, NEW.description);
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER refresh_search_vector_on_insert BEFORE INSERT ON products
                    FOR EACH ROW EXECUTE FUNCTION refresh_product_search_vector();
                CREATE TRIGGER refresh_search_vector_on_update BEFORE UPDATE OF name, description ON products
                    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.description IS DISTINCT FROM OLD.description)
                    EXECUTE FUNCTION refresh_product_search_vector();

                -- Every lexeme of 4 to 64 characters that a product has ever had; words are never removed,
                -- since a word no product has any more only adds a term that matches nothing.
                CREATE TABLE search_words (word text NOT NULL CONSTRAINT pk_search_words PRIMARY KEY);
                CREATE INDEX ix_search_words_word_trgm ON search_words USING gin (word gin_trgm_ops);

                -- Once per statement, in lexeme order: two writers adding the same new words take their
                -- key locks in the same order, so they wait for each other instead of deadlocking.
                CREATE FUNCTION collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO search_words (word)
                        SELECT DISTINCT w.lexeme FROM new_products n, unnest(n.search_vector) w
                        WHERE char_length(w.lexeme) BETWEEN 4 AND 64
                        ORDER BY 1
                        ON CONFLICT DO NOTHING;
                    ELSE
                        INSERT INTO search_words (word)
                        SELECT DISTINCT w.lexeme
                        FROM new_products n JOIN old_products o ON o.id = n.id, unnest(n.search_vector) w
                        WHERE n.search_vector IS DISTINCT FROM o.search_vector AND char_length(w.lexeme) BETWEEN 4 AND 64
                        ORDER BY 1
                        ON CONFLICT DO NOTHING;
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER collect_search_words_on_insert AFTER INSERT ON products
                    REFERENCING NEW TABLE AS new_products FOR EACH STATEMENT EXECUTE FUNCTION collect_search_words();
                CREATE TRIGGER collect_search_words_on_update AFTER UPDATE ON products
                    REFERENCING OLD TABLE AS old_products NEW TABLE AS new_products
                    FOR EACH STATEMENT EXECUTE FUNCTION collect_search_words();

                -- Fills the vectors of rows written before the trigger existed, a batch of ids per
                -- transaction, so that no row stays locked for longer than one batch. It can be stopped
                -- and called again: it only touches rows that have no vector yet.
                CREATE PROCEDURE backfill_product_search_vectors(batch_size integer DEFAULT 5000) LANGUAGE plpgsql AS $$
                DECLARE
                    next_id integer;
                    last_id integer;
                BEGIN
                    SELECT min(id), max(id) INTO next_id, last_id FROM products WHERE search_vector IS NULL;
                    WHILE next_id <= last_id LOOP
                        UPDATE products SET search_vector = catalog_search_document(name, description)
                        WHERE id >= next_id AND id < next_id + batch_size AND search_vector IS NULL;
                        next_id := next_id + batch_size;
                        COMMIT;
                    END LOOP;
                END
                $$;
                """);

            migrationBuilder.Sql("""
                -- One typo: an insertion, a deletion, a substitution or two neighbouring letters swapped.
                -- levenshtein refuses strings longer than 255 characters; such words have no typo neighbours.
                CREATE FUNCTION catalog_one_typo_apart(a text, b text) RETURNS boolean
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT char_length(a) <= 255 AND char_length(b) <= 255
                       AND (levenshtein_less_equal(a, b, 1) <= 1
                            OR (char_length(a) = char_length(b) AND EXISTS (
                                SELECT 1 FROM generate_series(1, char_length(a) - 1) AS i
                                WHERE overlay(a PLACING substr(a, i + 1, 1) || substr(a, i, 1) FROM i FOR 2) = b)))
                $$;

                CREATE FUNCTION catalog_search_lexeme(lexeme text, prefix boolean, weights text) RETURNS text
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
                        || CASE WHEN prefix OR weights <> '' THEN ':' ELSE '' END || CASE WHEN prefix THEN '*' ELSE '' END || weights
                $$;

                -- q as tsqueries: every word required, in any order, stemmed; the last one a prefix; words of
                -- five or more letters also as their neighbours in search_words within one typo. The words come
                -- from the text search parser, so no character of q is ever read as a tsquery operator.
                -- name_pattern is q as a literal ILIKE substring (%, _ and \ escaped).
                CREATE FUNCTION catalog_search_terms(
                    q text,
                    OUT exact tsquery, OUT exact_in_name tsquery, OUT fuzzy tsquery, OUT fuzzy_in_name tsquery, OUT name_pattern text)
                LANGUAGE plpgsql STABLE PARALLEL SAFE
                SET pg_trgm.similarity_threshold = 0.2
                AS $$
                DECLARE
                    folded text := lower(unaccent(coalesce(q, '')));
                    token_types integer[];
                    tokens text[];
                    last_word integer;
                    prefix boolean;
                    lexemes text[];
                    neighbours text[];
                    word_exact text; word_exact_in_name text; word_fuzzy text; word_fuzzy_in_name text;
                    all_exact text[] := '{}'; all_exact_in_name text[] := '{}'; all_fuzzy text[] := '{}'; all_fuzzy_in_name text[] := '{}';
                BEGIN
                    -- The same parser as the documents, so that "15.6", "wi-fi" or "iphone15" split as they were indexed;
                    -- compound tokens (15 numhword, 16 asciihword, 17 hword; see ts_token_type) come with their parts, which are kept.
                    SELECT array_agg(t.tokid ORDER BY t.n), array_agg(t.token ORDER BY t.n)
                    INTO token_types, tokens
                    FROM ts_parse('default', folded) WITH ORDINALITY AS t(tokid, token, n);

                    SELECT max(i) INTO last_word FROM generate_subscripts(tokens, 1) AS i WHERE token_types[i] NOT IN (12, 15, 16, 17);

                    FOR i IN 1 .. coalesce(cardinality(tokens), 0) LOOP
                        CONTINUE WHEN token_types[i] IN (12, 15, 16, 17);
                        -- Search as you type: the last word is a prefix, unless something (a space, a sign) follows it.
                        prefix := i = last_word AND i = cardinality(tokens);
                        lexemes := ARRAY(SELECT lexeme FROM unnest(to_tsvector('catalog', tokens[i])));
                        IF cardinality(lexemes) = 0 THEN
                            CONTINUE WHEN NOT prefix OR token_types[i] NOT IN (1, 2);
                            lexemes := ARRAY[tokens[i]];  -- a stop word still being typed
                        END IF;
                        SELECT string_agg(catalog_search_lexeme(l, prefix, ''), ' & '), string_agg(catalog_search_lexeme(l, prefix, 'A'), ' & ')
                        INTO word_exact, word_exact_in_name FROM unnest(lexemes) AS l;

                        neighbours := '{}';
                        IF token_types[i] IN (1, 2, 10, 11) AND char_length(tokens[i]) >= 5 AND cardinality(lexemes) = 1 THEN
                            neighbours := ARRAY(
                                SELECT w.word FROM search_words w
                                WHERE (w.word % lexemes[1] OR w.word % tokens[i]) AND w.word <> lexemes[1]
                                  AND (catalog_one_typo_apart(w.word, lexemes[1]) OR catalog_one_typo_apart(w.word, tokens[i]))
                                ORDER BY greatest(similarity(w.word, lexemes[1]), similarity(w.word, tokens[i])) DESC, w.word
                                LIMIT 8);
                        END IF;
                        word_fuzzy := '(' || word_exact || coalesce((SELECT string_agg(' | ' || catalog_search_lexeme(n, false, ''), '') FROM unnest(neighbours) n), '') || ')';
                        word_fuzzy_in_name := '(' || word_exact_in_name || coalesce((SELECT string_agg(' | ' || catalog_search_lexeme(n, false, 'A'), '') FROM unnest(neighbours) n), '') || ')';

                        all_exact := all_exact || ('(' || word_exact || ')');
                        all_exact_in_name := all_exact_in_name || ('(' || word_exact_in_name || ')');
                        all_fuzzy := all_fuzzy || word_fuzzy;
                        all_fuzzy_in_name := all_fuzzy_in_name || word_fuzzy_in_name;
                    END LOOP;

                    IF cardinality(all_exact) > 0 THEN
                        exact := array_to_string(all_exact, ' & ')::tsquery;
                        exact_in_name := array_to_string(all_exact_in_name, ' & ')::tsquery;
                        fuzzy := array_to_string(all_fuzzy, ' & ')::tsquery;
                        fuzzy_in_name := array_to_string(all_fuzzy_in_name, ' & ')::tsquery;
                    END IF;
                    -- v1's substring of the name, for three or more letters or digits in a row (fewer give the trigram index nothing to look up).
                    IF q ~ '[[:alnum:]]{3}' THEN
                        name_pattern := '%' || replace(replace(replace(q, '\', '\\'), '%', '\%'), '_', '\_') || '%';
                    END IF;
                END
                $$;

                -- The relevance tier of a product that matches the terms: 1 every word in the name, 2 the query is a
                -- substring of the name, 3 every word in the name or the description, 4 and 5 the same as 1 and 3
                -- within one typo. NULL when it does not match.
                CREATE FUNCTION catalog_search_tier(
                    search_vector tsvector, name text,
                    exact tsquery, exact_in_name tsquery, fuzzy tsquery, fuzzy_in_name tsquery, name_pattern text)
                RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT CASE
                        WHEN search_vector @@ exact_in_name THEN 1
                        WHEN name ILIKE name_pattern THEN 2
                        WHEN search_vector @@ exact THEN 3
                        WHEN search_vector @@ fuzzy_in_name THEN 4
                        WHEN search_vector @@ fuzzy THEN 5
                    END
                $$;

                -- One page in relevance order, (tier, id), after the cursor (after_tier, after_id) or after skip
                -- rows. Tier by tier: a tier dense enough to fill the page among the next products in id order is
                -- read from them (a short primary key range); a sparse one is read whole from its own index.
                CREATE FUNCTION catalog_search_page(
                    exact tsquery, exact_in_name tsquery, fuzzy tsquery, fuzzy_in_name tsquery, name_pattern text,
                    category_ids integer[], min_price numeric, max_price numeric, in_stock boolean,
                    after_tier integer, after_id integer, skip integer, take integer)
                RETURNS TABLE (id integer, tier integer)
                LANGUAGE plpgsql STABLE
                SET enable_seqscan = off
                AS $$
                DECLARE
                    window_size constant integer := greatest(2000, (skip + take) * 20);
                    first_tier constant integer := coalesce(after_tier, 1);
                    window_start integer := -1;
                    window_ids integer[];
                    window_tiers integer[];
                    window_complete boolean;
                    start_id integer;
                    found integer[];
                    superset text;
                BEGIN
                    FOR t IN first_tier .. 5 LOOP
                        EXIT WHEN take <= 0;
                        start_id := CASE WHEN t = first_tier THEN coalesce(after_id, 0) ELSE 0 END;
                        IF window_start IS DISTINCT FROM start_id THEN
                            -- The next products in id order, whatever they match: where a tier is dense, its first
                            -- rows are found here at the cost of a short index range scan.
                            SELECT array_agg(w.id ORDER BY w.id) FILTER (WHERE w.tier IS NOT NULL),
                                   array_agg(w.tier ORDER BY w.id) FILTER (WHERE w.tier IS NOT NULL),
                                   count(*) < window_size
                            INTO window_ids, window_tiers, window_complete
                            FROM (
                                SELECT p.id,
                                       CASE WHEN p.is_active
                                             AND (category_ids IS NULL OR p.category_id = ANY (category_ids))
                                             AND (min_price IS NULL OR p.price >= min_price)
                                             AND (max_price IS NULL OR p.price <= max_price)
                                             AND (in_stock IS NULL OR (p.stock > 0) = in_stock)
                                            THEN catalog_search_tier(p.search_vector, p.name, exact, exact_in_name, fuzzy, fuzzy_in_name, name_pattern)
                                       END AS tier
                                FROM (SELECT * FROM products p WHERE p.id > start_id ORDER BY p.id LIMIT window_size) p
                            ) w;
                            window_start := start_id;
                        END IF;

                        found := ARRAY(SELECT window_ids[i] FROM generate_subscripts(window_ids, 1) AS i WHERE window_tiers[i] = t ORDER BY i LIMIT skip + take);
                        IF cardinality(found) < skip + take AND NOT window_complete THEN
                            -- A sparse tier: all of its rows, from its own index, in one bitmap scan.
                            superset := CASE t WHEN 1 THEN 'p.search_vector @@ $2' WHEN 2 THEN 'p.name ILIKE $5' WHEN 3 THEN 'p.search_vector @@ $1'
                                               WHEN 4 THEN 'p.search_vector @@ $4' ELSE 'p.search_vector @@ $3' END;
                            EXECUTE format($sql$
                                SELECT ARRAY(
                                    SELECT p.id FROM products p
                                    WHERE %s AND p.id > $10 AND p.is_active
                                      AND ($6 IS NULL OR p.category_id = ANY ($6))
                                      AND ($7 IS NULL OR p.price >= $7)
                                      AND ($8 IS NULL OR p.price <= $8)
                                      AND ($9 IS NULL OR (p.stock > 0) = $9)
                                      AND catalog_search_tier(p.search_vector, p.name, $1, $2, $3, $4, $5) = %s
                                    ORDER BY p.id + 0
                                    LIMIT $11)
                                $sql$, superset, t)
                            INTO found
                            USING exact, exact_in_name, fuzzy, fuzzy_in_name, name_pattern, category_ids, min_price, max_price, in_stock,
                                  start_id, skip + take;
                        END IF;

                        IF cardinality(found) <= skip THEN
                            skip := skip - cardinality(found);
                            CONTINUE;
                        END IF;
                        RETURN QUERY SELECT f.id, t FROM unnest(found[skip + 1 : skip + take]) AS f(id);
                        take := take - least(take, cardinality(found) - skip);
                        skip := 0;
                    END LOOP;
                END
                $$;

                -- At most cap matching products (the list reports totals up to a cap). The substring of the name is
                -- looked up only when the words alone stay under the cap: most of its matches are word matches too,
                -- and its trigram scan is the dearer one.
                CREATE FUNCTION catalog_search_count(
                    fuzzy tsquery, name_pattern text, category_ids integer[], min_price numeric, max_price numeric, in_stock boolean,
                    cap integer)
                RETURNS integer
                LANGUAGE plpgsql STABLE
                SET enable_seqscan = off
                AS $$
                DECLARE
                    filters constant text := ' AND p.is_active AND ($3 IS NULL OR p.category_id = ANY ($3))'
                        || ' AND ($4 IS NULL OR p.price >= $4) AND ($5 IS NULL OR p.price <= $5) AND ($6 IS NULL OR (p.stock > 0) = $6)';
                    matches integer;
                BEGIN
                    EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM products p WHERE p.search_vector @@ $1' || filters || ' LIMIT $7) m'
                    INTO matches USING fuzzy, name_pattern, category_ids, min_price, max_price, in_stock, cap;
                    IF matches < cap AND name_pattern IS NOT NULL THEN
                        EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM products p WHERE (p.search_vector @@ $1 OR p.name ILIKE $2)' || filters || ' LIMIT $7) m'
                        INTO matches USING fuzzy, name_pattern, category_ids, min_price, max_price, in_stock, cap;
                    END IF;
                    RETURN matches;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION catalog_search_count(tsquery, text, integer[], numeric, numeric, boolean, integer);
                DROP FUNCTION catalog_search_page(tsquery, tsquery, tsquery, tsquery, text, integer[], numeric, numeric, boolean, integer, integer, integer, integer);
                DROP FUNCTION catalog_search_tier(tsvector, text, tsquery, tsquery, tsquery, tsquery, text);
                DROP FUNCTION catalog_search_terms(text);
                DROP FUNCTION catalog_search_lexeme(text, boolean, text);
                DROP FUNCTION catalog_one_typo_apart(text, text);
                DROP PROCEDURE backfill_product_search_vectors(integer);
                DROP TRIGGER collect_search_words_on_update ON products;
                DROP TRIGGER collect_search_words_on_insert ON products;
                DROP FUNCTION collect_search_words();
                DROP TABLE search_words;
                DROP TRIGGER refresh_search_vector_on_update ON products;
                DROP TRIGGER refresh_search_vector_on_insert ON products;
                DROP FUNCTION refresh_product_search_vector();
                ALTER TABLE products DROP COLUMN search_vector;
                DROP FUNCTION catalog_search_document(text, text);
                DROP TEXT SEARCH CONFIGURATION catalog;
                DROP EXTENSION fuzzystrmatch;
                DROP EXTENSION unaccent;
                """);
        }
    }
}
