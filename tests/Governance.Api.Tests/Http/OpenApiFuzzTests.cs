using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Api.Auth;
using Governance.Api.Demo;
using Governance.Api.Tests.Alliances;
using Governance.Domain;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Http;

/// <summary>
/// Issue 12: "no 500 from any request". Walks the OpenAPI document of a server with the demo alliance and sends every
/// operation malformed bodies (wrong types, missing and extra fields, text PostgreSQL cannot store, out-of-range dates,
/// broken JSON), malformed path and query parameters, odd content types and odd headers, as a person holding every
/// role, so that requests get past authorisation into the handlers. Fails on any 5xx, naming each request.
/// </summary>
public sealed class OpenApiFuzzTests(OpenApiFuzzTests.FuzzServer fixture, ITestOutputHelper output) : IClassFixture<OpenApiFuzzTests.FuzzServer>
{
    private const string Alliance = "osdorp-de-punt";

    /// <summary>A server with the demo alliance, the simulated clock (so its endpoint is fuzzed too) and no write limit in the way.</summary>
    public sealed class FuzzServer : IAsyncLifetime
    {
        private GovernanceServer? _server;

        public GovernanceServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

        public HttpClient Actor { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _server = await GovernanceServer.StartAsync(builder =>
            {
                builder.Configuration["Governance:WriteLimits:PerPersonPerMinute"] = "1000000";
                builder.Configuration["Governance:WriteLimits:PerAddressPerMinute"] = "1000000";
            }, "--clock", "simulated");
            await ActivatorUtilities.CreateInstance<DemoSeed>(_server.Services).SeedAsync(CancellationToken.None);
            var osdorp = AllianceId.Parse(Alliance);
            (Actor, _) = await _server.ClientWithRolesAsync("Fuzz", new RoleGrant(null, Role.Admin), new RoleGrant(osdorp, Role.Admin),
                new RoleGrant(osdorp, Role.Chair), new RoleGrant(osdorp, Role.Secretary), new RoleGrant(osdorp, Role.Representative, PartnerId.Parse("ymere")),
                new RoleGrant(osdorp, Role.CoreGroup), new RoleGrant(osdorp, Role.EscalationContact));
        }

        public async Task DisposeAsync()
        {
            Actor?.Dispose();
            if (_server is not null) await _server.DisposeAsync();
        }
    }

    private sealed record Operation(string Method, string Path, JsonObject Definition);

    private sealed record Attempt(string Method, string Path, string What, Func<HttpContent?> Body, IReadOnlyDictionary<string, string>? Headers = null);

    /// <summary>Values that exist in the demo, so that some requests reach the deciders rather than a 404.</summary>
    private readonly Dictionary<string, string> ValidPathValues = new(StringComparer.Ordinal)
    {
        ["alliance"] = Alliance,
        ["partner"] = "ymere",
        ["proposal"] = DemoDecisions.PlayStreet.Value,
        ["commitment"] = DemoPromises.BenchRepairs.Value,
        ["escalation"] = DemoPromises.UnansweredAdvice.Value,
        ["item"] = DemoMeetings.PlayStreet.Value,
        ["office"] = "chair",
        ["objection"] = "1",
        ["version"] = "1",
        ["plan"] = "2026",
        ["goal"] = "veilig",
        ["person"] = "p-00000000f00d",
        ["id"] = "6f1c2d3e-4b5a-4c6d-8e7f-901234567890",
        ["key"] = "fuzz-key",
    };

    private static readonly string[] BadPathValues =
        ["x", "%00", "%2e%2e%2f%2e%2e", "Ünïcödé", "-1", "99999999999999999999", new string('a', 300), "%C3%28", "a%20b", "0"];

    private static readonly string[] BadQueryValues =
        ["x", "-1", "0", "99999999999999999999", "0001-01-01", "9999-12-31", "2026-13-45", "0001-01-01T00:00:00Z", "%00", "", new string('9', 400), "2026-03-10T25:00"];

    /// <summary>What each property of a body is set to, one at a time (raw JSON).</summary>
    private static readonly string[] BadValues =
    [
        "null", "12345", "-1", "1e309", "1.5", "true", "\"\"", "\"x\"", JsonSerializer.Serialize(new string('x', 25_000)), "\"a\\u0000b\"",
        "\"\\ud800\"", "[]", "{}", "[\"\\u0000\"]", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31\"", "\"2026-02-30\"", "\"P-1D\"", "\"-P99999D\"",
    ];

    private static readonly string[] BadBodies =
    [
        "", "null", "[]", "\"text\"", "123", "{", "{\"a\":", "{\"a\":1,}", "\u0000", new string('[', 600) + new string(']', 600),
        "{\"a\":" + new string('{', 300) + new string('}', 300) + "}", "\uFEFF{}", "{\"x\":\"\\ud800\"}",
    ];

    private static readonly string[] BadContentTypes =
    [
        "text/plain", "application/xml", "application/json; charset=nonsense", "application/json; charset=utf-16", "application/x-www-form-urlencoded",
        "multipart/form-data", "multipart/form-data; boundary=", "application/octet-stream", "*/*", "application/json; charset=\"",
    ];

    [Fact]
    public async Task Every_operation_of_the_OpenAPI_document_answers_malformed_requests_without_a_5xx()
    {
        var client = fixture.Actor;
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 50, $"the document lists only {operations.Count} operations");

        // A meeting, a document and a year plan that exist, read from the demo's lists.
        foreach (var (parameter, list) in new[] { ("meeting", "meetings"), ("plan", "year-plans") })
            if (await FirstIdAsync(client, $"/api/v1/alliances/{Alliance}/{list}") is { } id) ValidPathValues[parameter] = id;
        var attempts = operations.SelectMany(o => AttemptsFor(o, schemas)).ToList();
        // The simulated clock's moves go last: a clock moved somewhere odd would make everything after it test that instead.
        var (clock, others) = (attempts.Where(a => a.Path.StartsWith("/api/v1/dev/clock", StringComparison.Ordinal)).ToList(),
            attempts.Where(a => !a.Path.StartsWith("/api/v1/dev/clock", StringComparison.Ordinal)).ToList());

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(others, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (attempt, ct) =>
            await SendAsync(client, attempt, failures, statuses, ct));
        foreach (var attempt in clock) await SendAsync(client, attempt, failures, statuses, CancellationToken.None);

        // Still standing afterwards: the alliance reads, the pages render.
        using (var alliance = await client.GetAsync(new Uri($"/api/v1/alliances/{Alliance}", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, alliance.StatusCode);
        using (var page = await client.GetAsync(new Uri($"/allianties/{Alliance}", UriKind.Relative)))
            Assert.True((int)page.StatusCode < 500, $"the alliance page answered {(int)page.StatusCode} after the fuzzing");

        output.WriteLine($"{attempts.Count} requests over {operations.Count} operations: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(attempts.Count > 2_000, $"only {attempts.Count} requests");
        Assert.True(failures.IsEmpty, $"{failures.Count} requests answered 5xx:\n" + string.Join("\n", failures.Take(40)));
    }

    private static async Task SendAsync(HttpClient client, Attempt attempt, ConcurrentQueue<string> failures, ConcurrentDictionary<int, int> statuses, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(attempt.Method), new Uri(attempt.Path, UriKind.Relative)) { Content = attempt.Body() };
        foreach (var (name, value) in attempt.Headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        try
        {
            // Headers first: a live stream (the tally's server-sent events) never ends, and only a 5xx body is read.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status >= 500)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                failures.Enqueue($"{status} {attempt.Method} {Shorten(attempt.Path)} [{attempt.What}]: {Shorten(text)}");
            }
        }
        catch (HttpRequestException e)
        {
            failures.Enqueue($"no answer {attempt.Method} {Shorten(attempt.Path)} [{attempt.What}]: {e.Message}");
        }
    }

    /// <summary>The <c>id</c> of the first item of the first list in the answer of <paramref name="path"/>.</summary>
    private static async Task<string?> FirstIdAsync(HttpClient client, string path)
    {
        var root = JsonNode.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative)))!;
        var list = root as JsonArray ?? root.AsObject().Select(p => p.Value).OfType<JsonArray>().FirstOrDefault();
        return list?.FirstOrDefault()?["id"]?.GetValue<string>();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, definition) in item!.AsObject())
                if (method is "get" or "post" or "put" or "patch" or "delete")
                    yield return new Operation(method.ToUpperInvariant(), path, definition!.AsObject());
    }

    private IEnumerable<Attempt> AttemptsFor(Operation operation, JsonObject schemas)
    {
        var parameters = operation.Definition["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        var pathNames = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
        var queryNames = parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList();
        string PathWith(string? name = null, string? value = null) =>
            pathNames.Aggregate(operation.Path, (path, n) => path.Replace($"{{{n}}}", n == name ? value! : Valid(n), StringComparison.Ordinal));

        var content = operation.Definition["requestBody"]?["content"]?.AsObject();
        var json = content?["application/json"]?["schema"] is { } jsonSchema ? Example(jsonSchema, schemas, 0) : null;
        var multipart = content?["multipart/form-data"]?["schema"] is { } formSchema ? Resolve(formSchema, schemas) : null;
        Func<HttpContent?> valid = json is not null ? () => Json(json.ToJsonString())
            : multipart is not null ? () => Form(multipart, schemas, null, null) : () => null;

        var m = operation.Method;
        yield return new Attempt(m, PathWith(), "as documented", valid);
        foreach (var name in pathNames)
            foreach (var bad in BadPathValues)
                yield return new Attempt(m, PathWith(name, bad), $"path {name}={bad}", valid);
        foreach (var name in queryNames)
            foreach (var bad in BadQueryValues)
                yield return new Attempt(m, $"{PathWith()}?{name}={bad}", $"query {name}={bad}", valid);
        if (queryNames.Count > 0) yield return new Attempt(m, $"{PathWith()}?{string.Join('&', queryNames.Select(n => $"{n}=&{n}=x"))}", "query twice", valid);

        if (m is "GET" or "DELETE") yield break;
        yield return new Attempt(m, PathWith(), "If-Match garbage", valid, new Dictionary<string, string> { ["If-Match"] = "garbage" });
        yield return new Attempt(m, PathWith(), "If-Match huge", valid, new Dictionary<string, string> { ["If-Match"] = "\"99999999999999999999999\"" });
        yield return new Attempt(m, PathWith(), "Idempotency-Key long", valid, new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 5_000) });
        yield return new Attempt(m, PathWith(), "Idempotency-Key empty", valid, new Dictionary<string, string> { ["Idempotency-Key"] = "" });
        foreach (var body in BadBodies)
            yield return new Attempt(m, PathWith(), $"body {Shorten(body)}", () => Json(body));
        foreach (var type in BadContentTypes)
            yield return new Attempt(m, PathWith(), $"content type {type}", () => Raw(json?.ToJsonString() ?? "{}", type));

        if (json is JsonObject fields)
        {
            foreach (var (name, _) in fields)
                foreach (var bad in BadValues)
                    yield return new Attempt(m, PathWith(), $"{name}={Shorten(bad)}", () => Json(With(fields, name, bad)));
            yield return new Attempt(m, PathWith(), "an extra field", () => Json(With(fields, "unexpected", "\"x\"")));
            foreach (var (name, _) in fields)
                yield return new Attempt(m, PathWith(), $"without {name}", () => Json(Without(fields, name)));
        }

        if (multipart is not null)
        {
            foreach (var (name, _) in multipart["properties"]?.AsObject() ?? [])
                foreach (var bad in new[] { "", "\u0000", "\ud800", new string('x', 25_000), "-1", "0001-01-01", "Ünïcödé" })
                    yield return new Attempt(m, PathWith(), $"form {name}={Shorten(bad)}", () => Form(multipart, schemas, name, bad));
            yield return new Attempt(m, PathWith(), "multipart without boundary", () => Raw("x", "multipart/form-data"));
            yield return new Attempt(m, PathWith(), "multipart wrong boundary", () => Raw("--a\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\nx\r\n--a--\r\n", "multipart/form-data; boundary=b"));
            yield return new Attempt(m, PathWith(), "multipart truncated", () => Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF", "multipart/form-data; boundary=b"));
            yield return new Attempt(m, PathWith(), "multipart quote in file name", () => Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"b.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--b--\r\n", "multipart/form-data; boundary=b"));
            yield return new Attempt(m, PathWith(), "multipart 1,100 parts", () => Raw(string.Concat(Enumerable.Range(0, 1_100).Select(i => $"--b\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nx\r\n")) + "--b--\r\n", "multipart/form-data; boundary=b"));
        }
    }

    private string Valid(string parameter) => ValidPathValues.TryGetValue(parameter, out var value) ? value : "x";

    private static StringContent Json(string body) => Raw(body, "application/json");

    private static StringContent Raw(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static string With(JsonObject fields, string name, string rawValue)
    {
        var parts = fields.Where(f => f.Key != name).Select(f => $"{JsonSerializer.Serialize(f.Key)}:{f.Value?.ToJsonString() ?? "null"}")
            .Append($"{JsonSerializer.Serialize(name)}:{rawValue}");
        return "{" + string.Join(',', parts) + "}";
    }

    private static string Without(JsonObject fields, string name) =>
        "{" + string.Join(',', fields.Where(f => f.Key != name).Select(f => $"{JsonSerializer.Serialize(f.Key)}:{f.Value?.ToJsonString() ?? "null"}")) + "}";

    private static MultipartFormDataContent Form(JsonObject schema, JsonObject schemas, string? badField, string? badValue)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var resolved = Resolve(property!, schemas);
            if ((string?)resolved["format"] == "binary")
            {
                var file = new ByteArrayContent("%PDF-1.4 fuzz"u8.ToArray());
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(file, name, badField == name ? badValue ?? "a.pdf" : "a.pdf");
                continue;
            }
            var value = name == badField ? badValue! : Example(resolved, schemas, 0) is JsonValue v ? v.ToString() : "x";
            form.Add(new StringContent(value), name);
        }
        return form;
    }

    private static JsonObject Resolve(JsonNode schema, JsonObject schemas)
    {
        var node = schema.AsObject();
        for (var depth = 0; node["$ref"] is { } reference && depth < 20; depth++)
            node = schemas[((string)reference!).Split('/')[^1]]!.AsObject();
        return node;
    }

    /// <summary>A plausible value for <paramref name="schema"/>: the first enum value, a date for a date, a nested example for an object.</summary>
    private static JsonNode? Example(JsonNode schema, JsonObject schemas, int depth)
    {
        var s = Resolve(schema, schemas);
        if (depth > 6) return null;
        if (s["enum"] is JsonArray { Count: > 0 } options) return options.First(o => o is not null)?.DeepClone();
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (s[combinator] is JsonArray { Count: > 0 } choices)
                return Example(choices.FirstOrDefault(c => (string?)Resolve(c!, schemas)["type"] != "null") ?? choices[0]!, schemas, depth + 1);
        var type = s["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue value => (string?)value,
            _ => s["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => new JsonObject((s["properties"]?.AsObject() ?? []).Select(p => KeyValuePair.Create(p.Key, Example(p.Value!, schemas, depth + 1)))),
            "array" => s["items"] is { } items ? new JsonArray(Example(items, schemas, depth + 1)) : new JsonArray(),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            "string" => (string?)s["format"] switch
            {
                "date-time" => JsonValue.Create("2027-03-09T18:30:00Z"),
                "date" => JsonValue.Create("2027-03-09"),
                "uuid" => JsonValue.Create("6f1c2d3e-4b5a-4c6d-8e7f-901234567890"),
                "duration" => JsonValue.Create("P1D"),
                _ => JsonValue.Create("fuzz"),
            },
            _ => JsonValue.Create("fuzz"),
        };
    }
}
