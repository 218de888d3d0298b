namespace Ecommerce.Infrastructure.IntegrationTests.Migrations;

/// <summary>The schema the migrations must produce at head, written out as the design states it.</summary>
internal static class ExpectedSchema
{
    public static readonly IReadOnlyList<string> Tables = ["table catalog_versions", "table categories", "table category_product_counts", "table idempotency_keys", "table products", "table search_words"];

    public static readonly IReadOnlyList<string> Columns =
    [
        "column catalog_versions.slot smallint not null",
        "column catalog_versions.table_name text not null",
        "column catalog_versions.version bigint not null default 0",
        "column categories.created_at timestamp with time zone not null",
        "column categories.id integer not null identity by default",
        "column categories.is_active boolean not null default true",
        "column categories.name character varying(100) not null",
        "column categories.parent_id integer",
        "column categories.slug character varying(120) not null",
        "column categories.updated_at timestamp with time zone not null",
        "column category_product_counts.active_products integer not null",
        "column category_product_counts.category_id integer not null",
        "column idempotency_keys.body bytea not null",
        "column idempotency_keys.content_type character varying(200)",
        "column idempotency_keys.created_at timestamp with time zone not null",
        "column idempotency_keys.etag character varying(200)",
        "column idempotency_keys.expires_at timestamp with time zone not null",
        "column idempotency_keys.fingerprint bytea not null",
        "column idempotency_keys.key character varying(255) not null",
        "column idempotency_keys.location character varying(2048)",
        "column idempotency_keys.status_code integer not null",
        "column idempotency_keys.subject character varying(512) not null",
        "column products.category_id integer not null",
        "column products.created_at timestamp with time zone not null",
        "column products.description character varying(4000)",
        "column products.id integer not null identity by default",
        "column products.image_url character varying(2048)",
        "column products.is_active boolean not null default true",
        "column products.name character varying(200) not null",
        "column products.price numeric(12,2) not null",
        "column products.rating numeric(3,2) not null default 0.0",
        "column products.search_vector tsvector",
        "column products.slug character varying(120) not null",
        "column products.stock integer not null",
        "column products.updated_at timestamp with time zone not null",
        "column search_words.word text not null",
    ];

    /// <summary>Index name, table and uniqueness; the definitions are checked separately.</summary>
    public static readonly IReadOnlyList<string> Indexes =
    [
        "index ix_categories_parent_id on categories",
        "index ix_categories_slug on categories unique",
        "index ix_idempotency_keys_expires_at on idempotency_keys",
        "index ix_products_active_created_at_id on products",
        "index ix_products_active_name_id on products",
        "index ix_products_active_price_id on products",
        "index ix_products_active_rating_id on products",
        "index ix_products_category_id on products",
        "index ix_products_created_at on products",
        "index ix_products_name on products",
        "index ix_products_name_document on products",
        "index ix_products_name_trgm on products",
        "index ix_products_price on products",
        "index ix_products_search_vector on products",
        "index ix_products_slug on products unique",
        "index ix_search_words_word_prefix on search_words",
        "index ix_search_words_word_trgm on search_words",
        "index pk_catalog_versions on catalog_versions unique",
        "index pk_categories on categories unique",
        "index pk_category_product_counts on category_product_counts unique",
        "index pk_idempotency_keys on idempotency_keys unique",
        "index pk_products on products unique",
        "index pk_search_words on search_words unique",
    ];

    public static readonly IReadOnlyList<string> Constraints =
    [
        "constraint ck_categories_parent_not_self on categories: CHECK (((parent_id IS NULL) OR (parent_id <> id)))",
        "constraint ck_category_product_counts_non_negative on category_product_counts: CHECK ((active_products >= 0))",
        "constraint ck_products_price_non_negative on products: CHECK ((price >= (0)::numeric))",
        "constraint ck_products_rating_range on products: CHECK (((rating >= (0)::numeric) AND (rating <= (5)::numeric)))",
        "constraint ck_products_stock_non_negative on products: CHECK ((stock >= 0))",
        "constraint fk_categories_parent_id on categories: FOREIGN KEY (parent_id) REFERENCES categories(id) ON DELETE RESTRICT",
        "constraint fk_category_product_counts_category_id on category_product_counts: FOREIGN KEY (category_id) REFERENCES categories(id) ON DELETE CASCADE",
        "constraint fk_products_category_id on products: FOREIGN KEY (category_id) REFERENCES categories(id) ON DELETE RESTRICT",
        "constraint pk_catalog_versions on catalog_versions: PRIMARY KEY (table_name, slot)",
        "constraint pk_categories on categories: PRIMARY KEY (id)",
        "constraint pk_category_product_counts on category_product_counts: PRIMARY KEY (category_id)",
        "constraint pk_idempotency_keys on idempotency_keys: PRIMARY KEY (subject, key)",
        "constraint pk_products on products: PRIMARY KEY (id)",
        "constraint pk_search_words on search_words: PRIMARY KEY (word)",
    ];

    /// <summary>
    /// The functions and triggers that keep <c>category_product_counts</c> in step with <c>products</c>,
    /// check and rebuild it, and enforce the rules of the category tree; those of the search
    /// (docs/search.md).
    /// </summary>
    public static readonly IReadOnlyList<string> Triggers =
    [
        "function backfill_product_search_vectors",
        "function bump_catalog_version",
        "function catalog_name_document",
        "function catalog_one_typo_apart",
        "function catalog_search_count",
        "function catalog_search_document",
        "function catalog_search_lexeme",
        "function catalog_search_names_estimate",
        "function catalog_search_page",
        "function catalog_search_prefix",
        "function catalog_search_terms",
        "function catalog_search_tier",
        "function category_product_count_drift",
        "function collect_search_words",
        "function count_active_products",
        "function enforce_category_rules",
        "function enforce_product_rules",
        "function rebuild_category_product_counts",
        "function refresh_product_search_vector",
        "trigger bump_categories_version on categories",
        "trigger bump_products_version on products",
        "trigger collect_search_words_on_insert on products",
        "trigger collect_search_words_on_update on products",
        "trigger count_deleted_products on products",
        "trigger count_inserted_products on products",
        "trigger count_truncated_products on products",
        "trigger count_updated_products on products",
        "trigger enforce_category_rules_on_insert on categories",
        "trigger enforce_category_rules_on_update on categories",
        "trigger enforce_product_rules_on_insert on products",
        "trigger enforce_product_rules_on_update on products",
        "trigger refresh_search_vector_on_insert on products",
        "trigger refresh_search_vector_on_update on products",
    ];
}
