namespace Ecommerce.WebApi.FunctionalTests.Security;

/// <summary>One request of the hostile-input sweep and what the service must answer.</summary>
/// <param name="InputClass">The kind of input, as the reliability log groups it.</param>
/// <param name="Url">With <c>{category}</c> and <c>{product}</c> standing for rows that exist.</param>
/// <param name="Field">For a 400, the one key its <c>errors</c> must hold.</param>
/// <param name="Bytes">A body that is not text at all; sent instead of <paramref name="Body"/>.</param>
/// <param name="ByServer">
/// Refused by the HTTP server before the application sees the request (a NUL in the path, a request
/// line over 8 KB), so the answer has no problem body.
/// </param>
public sealed record HostileRequest(
    string InputClass,
    string Method,
    string Url,
    int Status,
    string? Field = null,
    string? ContentType = null,
    string? Body = null,
    string? Header = null,
    string? HeaderValue = null,
    bool ByServer = false,
    byte[]? Bytes = null)
{
    public bool IsWrite => Method is "POST" or "PUT" or "DELETE";
}

/// <summary>
/// The sweep's table: input classes across the endpoints that take them. Each case has a plain name,
/// because a test runner cannot show every value it carries (a NUL, a lone surrogate, 10,000 characters).
/// </summary>
internal static class HostileInputCases
{
    public const string Json = "application/json";
    public const string CategoryBody = "{\"name\":\"Hostile valid\"}";

    private static readonly Dictionary<string, HostileRequest> Table = Build();

    public static IReadOnlyDictionary<string, HostileRequest> All => Table;

    public static string ProductBody(string fields = "") =>
        "{\"name\":\"Hostile product\",\"price\":1,\"stock\":1,\"categoryId\":{category}" + fields + "}";

    /// <summary>A product body with one field replaced by raw JSON.</summary>
    public static string ProductWith(string field, string json)
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = "\"Hostile product\"",
            ["price"] = "1",
            ["stock"] = "1",
            ["categoryId"] = "{category}",
        };
        fields[field] = json;
        return "{" + string.Join(",", fields.Select(pair => $"\"{pair.Key}\":{pair.Value}")) + "}";
    }

    private static Dictionary<string, HostileRequest> Build()
    {
        var table = new Dictionary<string, HostileRequest>(StringComparer.Ordinal);
        void Add(string name, HostileRequest request) => table.Add($"{request.InputClass}: {name} ({request.Method} {Short(request.Url)})", request);

        RouteIds(Add);
        RouteSlugs(Add);
        QueryValues(Add);
        Preconditions(Add);
        BodySyntax(Add);
        BodyTypes(Add);
        BodyNumbers(Add);
        BodyText(Add);
        BodyStructure(Add);
        ContentTypes(Add);
        BuiltUp(Add);
        return table;
    }

    private static void RouteIds(Action<string, HostileRequest> add)
    {
        string[] ids = ["0", "-1", "2147483648", "99999999999999999999", "abc", "1.5", "1e3", "%2B"];
        foreach (var id in ids)
        {
            foreach (var (method, resource, body) in IdRoutes())
            {
                add($"id {id}", new("route-id", method, $"/api/v1/{resource}/{id}", 404, ContentType: body is null ? null : Json, Body: body));
            }
        }

        foreach (var (method, resource, body) in IdRoutes())
        {
            add("id %00", new("route-id", method, $"/api/v1/{resource}/%00", 400, ContentType: body is null ? null : Json, Body: body, ByServer: true));
        }
    }

    private static (string Method, string Resource, string? Body)[] IdRoutes() =>
    [
        ("GET", "categories", null), ("GET", "products", null),
        ("PUT", "categories", CategoryBody), ("PUT", "products", ProductBody()),
        ("DELETE", "categories", null), ("DELETE", "products", null),
    ];

    private static void RouteSlugs(Action<string, HostileRequest> add)
    {
        var slugs = new Dictionary<string, string>
        {
            ["uppercase"] = "EXISTING",
            ["cyrillic"] = "%D1%81%D0%BC%D0%B0%D1%80%D1%82%D1%84%D0%BE%D0%BD%D1%8B",
            ["121 characters"] = new string('a', 121),
            ["8,000 characters"] = new string('a', 8000),
            ["trailing newline"] = "existing%0A",
            ["trailing CR LF"] = "existing%0D%0A",
            ["leading space"] = "%20existing",
            ["path traversal"] = "..%2F..%2Fetc%2Fpasswd",
            ["encoded surrogate"] = "a%ED%A0%80",
            ["invalid UTF-8"] = "a%FF",
            ["SQL"] = "x'%3B%20DROP%20TABLE%20products%3B--",
        };
        foreach (var resource in new[] { "categories", "products" })
        {
            foreach (var (name, slug) in slugs)
            {
                add($"slug {name}", new("route-slug", "GET", $"/api/v1/{resource}/by-slug/{slug}", 404));
            }

            add("slug with NUL", new("route-slug", "GET", $"/api/v1/{resource}/by-slug/existing%00", 400, ByServer: true));
            add("slug of 10,000 characters", new("route-slug", "GET", $"/api/v1/{resource}/by-slug/{new string('a', 10_000)}", 414, ByServer: true));
        }
    }

    private static void QueryValues(Action<string, HostileRequest> add)
    {
        void Query(string name, string query, int status = 400, string? field = null) =>
            add(name, new("query", "GET", "/api/v1/products?" + query, status, status == 400 ? field ?? query.Split('=')[0] : null));

        foreach (var page in new[] { "0", "-1", "%2B1", "1e2", "%205", "5%20", "2147483648", "99999999999999", "", "ten", "1.0" })
        {
            Query($"page '{page}'", "page=" + page);
        }

        foreach (var size in new[] { "0", "101", "-1", "1e2", "%205", "", "1000000" })
        {
            Query($"pageSize '{size}'", "pageSize=" + size);
        }

        foreach (var price in new[] { "1e3", "NaN", "Infinity", "-0", "-1", "0x10", "1%2C5", "99999999999999999999999999999", "100000000", "" })
        {
            Query($"minPrice '{price}'", "minPrice=" + price);
            Query($"maxPrice '{price}'", "maxPrice=" + price);
        }

        Query("inverted price range", "minPrice=10&maxPrice=5", field: "maxPrice");
        Query("page twice", "page=1&page=2");
        Query("pageSize twice", "pageSize=5&pageSize=6");
        Query("minPrice twice", "minPrice=1&minPrice=2");
        Query("sort twice", "sort=name&sort=price");
        Query("inStock twice", "inStock=true&inStock=false");
        foreach (var sort in new[] { "", "NAME", "price%3BDROP", "name%0A", "-", "%2Bname" })
        {
            Query($"sort '{sort}'", "sort=" + sort);
        }

        foreach (var inStock in new[] { "", "1", "yes", "true%00" })
        {
            Query($"inStock '{inStock}'", "inStock=" + inStock);
        }

        Query("q of 201 characters", "q=" + new string('q', 201));
        foreach (var (name, text) in new[] { ("NUL", "%00"), ("newline", "%0A"), ("tab", "%09"), ("escape", "%1B"), ("DEL", "%7F"), ("C1 control", "%C2%85") })
        {
            Query($"q with {name}", $"q=a{text}b");
        }

        Query("q of 200 characters", "q=" + new string('q', 200), 200);
        Query("q with an encoded surrogate", "q=a%ED%A0%80b", 200);
        Query("q with invalid UTF-8", "q=a%FFb", 200);
        Query("q of only spaces", "q=%20%20", 200);
        Query("q twice", "q=a&q=b", 200);
        Query("the largest page", "page=2147483647", 400);
        Query("an unknown parameter", "color=red&page=1", 200);
        Query("an unknown category", "category=EXISTING", 200);
        Query("a category with an encoded surrogate", "category=a%ED%A0%80", 200);
        Query("a category with a newline", "category=existing%0A", 200);
        Query("a category of 2,000 characters", "category=" + new string('c', 2000), 200);
        Query("every parameter at once", "category=existing&q=p&minPrice=0&maxPrice=99999999.99&inStock=false&sort=-rating&page=3&pageSize=100", 200);
        add("q of 9,000 characters", new("query", "GET", "/api/v1/products?q=" + new string('q', 9000), 414, ByServer: true));
    }

    private static void Preconditions(Action<string, HostileRequest> add)
    {
        foreach (var tag in new[] { "garbage", "\"12", "\"\"", "\"99999999999999999999\"", "W/\"1\"", "\"-1\"", ",,,", "\"1\" \"2\"" })
        {
            add($"If-Match {tag}", new("precondition", "PUT", "/api/v1/categories/{category}", 412, ContentType: Json, Body: CategoryBody, Header: "If-Match", HeaderValue: tag));
            add($"If-Match {tag}", new("precondition", "PUT", "/api/v1/products/{product}", 412, ContentType: Json, Body: ProductBody(), Header: "If-Match", HeaderValue: tag));
            add($"If-Match {tag}", new("precondition", "DELETE", "/api/v1/products/{product}", 412, Header: "If-Match", HeaderValue: tag));
            add($"If-None-Match {tag}", new("precondition", "GET", "/api/v1/products/{product}", 200, Header: "If-None-Match", HeaderValue: tag));
        }
    }

    private static IEnumerable<(string Method, string Url, bool Product)> BodyRoutes() =>
    [
        ("POST", "/api/v1/categories", false),
        ("PUT", "/api/v1/categories/{category}", false),
        ("POST", "/api/v1/products", true),
        ("PUT", "/api/v1/products/{product}", true),
    ];

    private static void BodySyntax(Action<string, HostileRequest> add)
    {
        var bodies = new (string Name, string Body)[]
        {
            ("empty", ""),
            ("whitespace", "  \n "),
            ("an unclosed object", "{"),
            ("a cut-off value", "{\"name\":"),
            ("not JSON", "not json"),
            ("null", "null"),
            ("an array", "[]"),
            ("a bare string", "\"name\""),
            ("a bare number", "42"),
            ("two documents", "{\"name\":\"a\"}{\"name\":\"b\"}"),
            ("a trailing comma", "{\"name\":\"a\",}"),
            ("single quotes", "{'name':'a'}"),
            ("a comment", "{\"name\":\"a\" /* hi */}"),
            ("an unquoted key", "{name:\"a\"}"),
            ("a raw control character in a string", "{\"name\":\"a\u0001b\"}"),
            ("a bad escape", "{\"name\":\"a\\qb\"}"),
            ("a truncated unicode escape", "{\"name\":\"\\u12\"}"),
        };
        foreach (var (method, url, _) in BodyRoutes())
        {
            foreach (var (name, body) in bodies)
            {
                add($"body {name}", new("body-syntax", method, url, 400, Field: FieldOfSyntaxError(name), ContentType: Json, Body: body));
            }

            add("body of invalid UTF-8", new("body-syntax", method, url, 400, Field: "name", ContentType: Json,
                Bytes: [.. "{\"name\":\"a"u8, 0xC3, 0x28, .. "\"}"u8]));
        }
    }

    /// <summary>Where the reader stopped: inside the name's value, or nowhere a field can be named.</summary>
    private static string FieldOfSyntaxError(string name) => name switch
    {
        "a cut-off value" or "a raw control character in a string" or "a bad escape" or "a truncated unicode escape" => "name",
        _ => "body",
    };

    private static void BodyTypes(Action<string, HostileRequest> add)
    {
        foreach (var (method, url, product) in BodyRoutes())
        {
            var values = new (string Field, string Json)[]
            {
                ("name", "42"), ("name", "true"), ("name", "[\"a\"]"), ("name", "{\"first\":\"a\"}"),
                ("slug", "1"), ("slug", "false"), ("slug", "[]"),
            };
            foreach (var (field, json) in values)
            {
                add($"{field} as {json}", new("body-type", method, url, 400, field, Json, product ? ProductWith(field, json) : CategoryWith(field, json)));
            }

            if (!product)
            {
                foreach (var json in new[] { "\"1\"", "true", "{}", "[1]" })
                {
                    add($"parentId as {json}", new("body-type", method, url, 400, "parentId", Json, CategoryWith("parentId", json)));
                }

                continue;
            }

            var productValues = new (string Field, string Json)[]
            {
                ("price", "\"1\""), ("price", "true"), ("price", "[1]"), ("price", "{}"),
                ("stock", "\"1\""), ("stock", "true"), ("stock", "1.5"), ("stock", "1.0"), ("stock", "1e0"),
                ("categoryId", "\"1\""), ("categoryId", "1.5"), ("categoryId", "false"),
                ("description", "{}"), ("description", "1"), ("imageUrl", "42"), ("imageUrl", "[]"),
            };
            foreach (var (field, json) in productValues)
            {
                add($"{field} as {json}", new("body-type", method, url, 400, field, Json, ProductWith(field, json)));
            }
        }
    }

    private static void BodyNumbers(Action<string, HostileRequest> add)
    {
        foreach (var (method, url, product) in BodyRoutes())
        {
            if (!product)
            {
                foreach (var json in new[] { "0", "-1", "2147483648", "-2147483649", "1e400", "424242" })
                {
                    add($"parentId {json}", new("body-number", method, url, 400, "parentId", Json, CategoryWith("parentId", json)));
                }

                continue;
            }

            var values = new (string Field, string Json)[]
            {
                ("price", "1e400"), ("price", "-1e400"), ("price", "1e-30"), ("price", "1.000000000000000000000000000000001"),
                ("price", "-0.01"), ("price", "0.001"), ("price", "100000000"), ("price", "1e28"), ("price", "NaN"),
                ("price", "Infinity"), ("price", "null"),
                ("stock", "2147483648"), ("stock", "-1"), ("stock", "-2147483649"), ("stock", "1e400"), ("stock", "null"),
                ("categoryId", "0"), ("categoryId", "-1"), ("categoryId", "2147483648"), ("categoryId", "424242"), ("categoryId", "null"),
            };
            foreach (var (field, json) in values)
            {
                add($"{field} {json}", new("body-number", method, url, 400, field, Json, ProductWith(field, json)));
            }
        }
    }

    private static void BodyText(Action<string, HostileRequest> add)
    {
        foreach (var (method, url, product) in BodyRoutes())
        {
            var maxName = product ? 200 : 100;
            var values = new List<(string Name, string Field, string Json)>
            {
                ($"name of {maxName + 1} characters", "name", Quoted(new string('n', maxName + 1))),
                ("empty name", "name", "\"\""),
                ("name of spaces", "name", "\"   \""),
                ("name of a tab", "name", "\"\\t\""),
                ("name of a zero-width space", "name", "\"\\u200b\""),
                ("name with NUL", "name", "\"a\\u0000b\""),
                ("name with a newline", "name", "\"a\\nb\""),
                ("name with a lone high surrogate", "name", "\"\\ud800\""),
                ("name with a lone low surrogate", "name", "\"a\\udc00b\""),
                ("null name", "name", "null"),
                ("uppercase slug", "slug", "\"UPPER\""),
                ("slug with a trailing newline", "slug", "\"phone\\n\""),
                ("slug with a trailing space", "slug", "\"phone \""),
                ("slug with a leading hyphen", "slug", "\"-phone\""),
                ("slug with a double hyphen", "slug", "\"a--b\""),
                ("slug of 121 characters", "slug", Quoted(new string('s', 121))),
                ("cyrillic slug", "slug", "\"смартфоны\""),
                ("empty slug", "slug", "\"\""),
                ("slug with a lone surrogate", "slug", "\"a\\ud800\""),
                ("slug with SQL", "slug", "\"x'; DROP TABLE products; --\""),
            };
            if (product)
            {
                values.AddRange(
                [
                    ("description of 4,001 characters", "description", Quoted(new string('d', 4001))),
                    ("description with NUL", "description", "\"a\\u0000b\""),
                    ("description with escape", "description", "\"a\\u001bb\""),
                    ("description with a lone surrogate", "description", "\"a\\udfffb\""),
                    ("javascript image URL", "imageUrl", "\"javascript:alert(1)\""),
                    ("file image URL", "imageUrl", "\"file:///etc/passwd\""),
                    ("relative image URL", "imageUrl", "\"/images/x.png\""),
                    ("image URL of 2,049 characters", "imageUrl", Quoted("https://x.example/" + new string('u', 2031))),
                    ("image URL with NUL", "imageUrl", "\"https://x.example/\\u0000.png\""),
                    ("image URL with a lone surrogate", "imageUrl", "\"https://x.example/\\ud800.png\""),
                ]);
            }

            foreach (var (name, field, json) in values)
            {
                var body = product ? ProductWith(field, json) : CategoryWith(field, json);
                add(name, new("body-text", method, url, 400, field, Json, body));
            }
        }
    }

    private static void BodyStructure(Action<string, HostileRequest> add)
    {
        foreach (var (method, url, product) in BodyRoutes())
        {
            var body = product ? ProductBody() : CategoryBody;
            add("duplicate name", new("body-structure", method, url, 400, "name", Json, "{\"name\":\"a\"," + body[1..]));
            add("duplicate name in another case", new("body-structure", method, url, 400, "name", Json, "{\"Name\":\"a\"," + body[1..]));
            add("33 levels", new("body-structure", method, url, 400, "extra", Json, body[..^1] + ",\"extra\":" + Nested(33) + "}"));
            add("65 levels", new("body-structure", method, url, 400, "extra", Json, body[..^1] + ",\"extra\":" + Nested(65) + "}"));
            if (product)
            {
                add("duplicate price", new("body-structure", method, url, 400, "price", Json, "{\"price\":2," + body[1..]));
            }
        }

        add("31 levels", new("body-structure", "POST", "/api/v1/categories", 201, ContentType: Json, Body: "{\"name\":\"Thirty-one levels\",\"extra\":" + Nested(31) + "}"));
        add("an unknown property", new("body-structure", "POST", "/api/v1/products", 201, ContentType: Json, Body: ProductBody(",\"rating\":5,\"isActive\":false,\"id\":7")));
    }

    private static void ContentTypes(Action<string, HostileRequest> add)
    {
        foreach (var (method, url, product) in BodyRoutes())
        {
            var body = product ? ProductBody() : CategoryBody;
            foreach (var type in new[]
            {
                "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=latin1", "application/json; charset=utf-16", "application/json; charset=no-such-encoding",
                "application/json; charset=\"windows-1252\"", "application/octet-stream",
            })
            {
                add($"content type {type}", new("content-type", method, url, 415, ContentType: type, Body: body));
            }

            add("no content type", new("content-type", method, url, 415, Body: body));
        }

        add("charset in capitals", new("content-type", "POST", "/api/v1/categories", 201, ContentType: "application/json; charset=UTF-8", Body: "{\"name\":\"Charset in capitals\"}"));
        add("charset utf8", new("content-type", "POST", "/api/v1/categories", 201, ContentType: "application/json; charset=utf8", Body: "{\"name\":\"Charset without hyphen\"}"));
        add("quoted charset", new("content-type", "POST", "/api/v1/categories", 201, ContentType: "application/json;charset=\"utf-8\"", Body: "{\"name\":\"Quoted charset\"}"));
        add("a byte order mark", new("content-type", "POST", "/api/v1/categories", 201, ContentType: Json, Body: "\ufeff{\"name\":\"Byte order mark\"}"));
        add("a +json type", new("content-type", "POST", "/api/v1/categories", 201, ContentType: "application/vnd.catalog+json", Body: "{\"name\":\"Suffixed type\"}"));
    }

    private static void BuiltUp(Action<string, HostileRequest> add)
    {
        add("the tree over a chain deeper than the body limit", new("built-up", "GET", "/api/v1/categories/tree", 200));
        add("the list of categories", new("built-up", "GET", "/api/v1/categories", 200));
        add("a category name of 100 characters", new("built-up", "POST", "/api/v1/categories", 201, ContentType: Json, Body: CategoryWith("name", Quoted(new string('c', 100)))));
        add("a product name of 200 characters", new("built-up", "POST", "/api/v1/products", 201, ContentType: Json, Body: ProductWith("name", Quoted(new string('p', 200)))));
        for (var copy = 1; copy <= 3; copy++)
        {
            add($"a name whose slug is cut at 120 characters, copy {copy}", new("built-up", "POST", "/api/v1/products", 201, ContentType: Json,
                Body: ProductWith("name", Quoted(string.Join(' ', Enumerable.Repeat("word", 40))))));
        }

        add("a name of punctuation only", new("built-up", "POST", "/api/v1/categories", 201, ContentType: Json, Body: CategoryWith("name", "\"!!! ???\"")));
        add("a name of emoji only", new("built-up", "POST", "/api/v1/products", 201, ContentType: Json, Body: ProductWith("name", "\"\\ud83d\\ude00\\ud83d\\ude80\"")));
    }

    private static string CategoryWith(string field, string json) =>
        field == "name" ? $"{{\"name\":{json}}}" : $"{{\"name\":\"Texted\",\"{field}\":{json}}}";

    private static string Quoted(string text) => "\"" + text + "\"";

    /// <summary>A value that takes a body to <paramref name="levels"/> levels, the body itself being the first.</summary>
    private static string Nested(int levels) => new string('[', levels - 1) + new string(']', levels - 1);

    private static string Short(string url) => url.Length <= 60 ? url : url[..57] + "...";
}
