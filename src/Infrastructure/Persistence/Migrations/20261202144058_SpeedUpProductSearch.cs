using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The same answers from cheaper scans (docs/search.md):
    /// the last word of a query, a prefix, becomes the words of <c>search_words</c> it starts (at most
    /// 16), which GIN looks up one by one and skips through, instead of gathering every entry of the
    /// prefix into a bitmap; a sparse tier that needs every word in the name is read from
    /// <c>ix_products_name_document</c>; the total of a one-word query whose word the statistics put in
    /// many names counts those names first (they reach the cap alone), and the substring of the name is
    /// counted over the names the words did not count; a product that does not match the words gets
    /// its tier from one check. <c>CREATE OR REPLACE</c> keeps every signature, so the previous release's
    /// statements run unchanged against the new bodies.
    /// </summary>
    public partial class SpeedUpProductSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- The last word's lexeme as a prefix: the lexeme and the words of search_words that start with it, as plain terms
                -- when there are few of them (GIN looks plain terms up directly; a prefix term makes it collect every
                -- matching entry into a bitmap first), else the prefix term itself.
                CREATE FUNCTION catalog_search_prefix(lexeme text, weights text) RETURNS text
                LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
                DECLARE
                    completions text[];
                BEGIN
                    IF char_length(lexeme) >= 3 THEN
                        completions := ARRAY(
                            SELECT w.word FROM search_words w
                            WHERE w.word ~>=~ lexeme AND w.word ~<~ (lexeme || chr(1114111)) AND w.word <> lexeme
                            ORDER BY w.word LIMIT 17);
                        IF cardinality(completions) <= 16 THEN
                            RETURN '(' || array_to_string(
                                ARRAY[catalog_search_lexeme(lexeme, false, weights)]
                                || ARRAY(SELECT catalog_search_lexeme(c, false, weights) FROM unnest(completions) c), ' | ') || ')';
                        END IF;
                    END IF;
                    RETURN catalog_search_lexeme(lexeme, true, weights);
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_search_terms(
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
                        SELECT string_agg(CASE WHEN prefix THEN catalog_search_prefix(l, '') ELSE catalog_search_lexeme(l, false, '') END, ' & '),
                               string_agg(CASE WHEN prefix THEN catalog_search_prefix(l, 'A') ELSE catalog_search_lexeme(l, false, 'A') END, ' & ')
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
                """);
            migrationBuilder.Sql("""
                -- As before, with the one check that most products fail first: a product that does not match the words
                -- (fuzzy holds every exact form) can only be tier 2 or nothing.
                CREATE OR REPLACE FUNCTION catalog_search_tier(
                    search_vector tsvector, name text,
                    exact tsquery, exact_in_name tsquery, fuzzy tsquery, fuzzy_in_name tsquery, name_pattern text)
                RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT CASE
                        WHEN NOT coalesce(search_vector @@ fuzzy, FALSE) THEN CASE WHEN name ILIKE name_pattern THEN 2 END
                        WHEN search_vector @@ exact_in_name THEN 1
                        WHEN name ILIKE name_pattern THEN 2
                        WHEN search_vector @@ exact THEN 3
                        WHEN search_vector @@ fuzzy_in_name THEN 4
                        ELSE 5
                    END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_search_page(
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
                            -- A sparse tier: all of its rows, from its own index, in one bitmap scan; the tiers that need
                            -- every word in the name from the index of names, where their weighted query is a plain one.
                            superset := CASE t WHEN 1 THEN 'catalog_name_document(p.name) @@ $1' WHEN 2 THEN 'p.name ILIKE $5' WHEN 3 THEN 'p.search_vector @@ $1'
                                               WHEN 4 THEN 'catalog_name_document(p.name) @@ $3' ELSE 'p.search_vector @@ $3' END;
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
                """);
            migrationBuilder.Sql("""
                -- About how many active products have any of the query's words in their name, from ANALYZE's most common
                -- elements of ix_products_name_document; 0 when the statistics do not know the words.
                CREATE FUNCTION catalog_search_names_estimate(query tsquery) RETURNS double precision
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT coalesce(sum(s.most_common_elem_freqs[array_position(s.most_common_elems::text::text[], w.word[1])]), 0)
                           * (SELECT greatest(c.reltuples, 0) FROM pg_class c WHERE c.oid = 'products'::regclass)
                    FROM pg_stats s, regexp_matches(query::text, '''((?:[^'']|'''')+)''', 'g') AS w(word)
                    WHERE s.schemaname = current_schema() AND s.tablename = 'ix_products_name_document'
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_search_count(
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
                    substring_matches integer;
                BEGIN
                    -- A one-word query without filters whose word the statistics put in the names of three caps' worth of
                    -- products: those products are matches too, and counting them alone (a far shorter posting list)
                    -- reaches the cap. The statistics only choose the way; the count is exact either way.
                    IF strpos(fuzzy::text, ' & ') = 0 AND category_ids IS NULL AND min_price IS NULL AND max_price IS NULL AND in_stock IS NULL
                       AND catalog_search_names_estimate(fuzzy) >= 3 * cap THEN
                        EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM products p WHERE catalog_name_document(p.name) @@ $1 AND p.is_active LIMIT $2) m'
                        INTO matches USING fuzzy, cap;
                        IF matches >= cap THEN
                            RETURN matches;
                        END IF;
                    END IF;
                    EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM products p WHERE p.search_vector @@ $1' || filters || ' LIMIT $7) m'
                    INTO matches USING fuzzy, name_pattern, category_ids, min_price, max_price, in_stock, cap;
                    IF matches < cap AND name_pattern IS NOT NULL THEN
                        -- Only the names the words did not already count: a trigram scan of the name alone, not of both indexes.
                        EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM products p WHERE p.name ILIKE $2 AND NOT coalesce(p.search_vector @@ $1, FALSE)' || filters || ' LIMIT $7) m'
                        INTO substring_matches USING fuzzy, name_pattern, category_ids, min_price, max_price, in_stock, cap;
                        matches := least(cap, matches + substring_matches);
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
                CREATE OR REPLACE FUNCTION catalog_search_terms(
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
                """);
            migrationBuilder.Sql("""
                -- The relevance tier of a product that matches the terms: 1 every word in the name, 2 the query is a
                -- substring of the name, 3 every word in the name or the description, 4 and 5 the same as 1 and 3
                -- within one typo. NULL when it does not match.
                CREATE OR REPLACE FUNCTION catalog_search_tier(
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
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_search_page(
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
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_search_count(
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
            migrationBuilder.Sql("DROP FUNCTION catalog_search_names_estimate(tsquery);");
            migrationBuilder.Sql("DROP FUNCTION catalog_search_prefix(text, text);");
        }
    }
}
