using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Tests.Alliances;
using Governance.Api.Tests.Commands;
using Governance.Domain;
using Governance.Api.Tests.Commitments;
using NodaTime;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Http;

/// <summary>
/// Issue 12 §2 over real HTTP: a malformed multipart body on each of the three upload endpoints (share, replace, minutes)
/// is 400 problem+json with a code, never 500, and stores nothing.
/// </summary>
public sealed class UploadEdgeTests(PromiseWorldFixture fixture) : IClassFixture<PromiseWorldFixture>
{
    private PromiseWorld World => fixture.World;

    private string Base => World.Base;

    private AllianceId Osdorp => World.Osdorp;

    private const string Meeting = "uploads";

    /// <summary>The upload endpoints, below the alliance's API path.</summary>
    public static TheoryData<string> Endpoints => new()
    {
        $"meetings/{Meeting}/documents",
        $"meetings/{Meeting}/documents/plan/versions",
        $"meetings/{Meeting}/minutes",
    };

    private async Task EnsureMeetingAsync()
    {
        using var existing = await World.Anonymous.GetAsync(new Uri($"{Base}/meetings/{Meeting}", UriKind.Relative));
        if (existing.IsSuccessStatusCode) return;
        var start = (await World.TodayAsync()).PlusDays(30).At(new LocalTime(19, 30));
        string Local(LocalDateTime t) => t.ToString("uuuu-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await Ok(Post(World.Chair, $"{Base}/meetings",
            $$"""{"id":"{{Meeting}}","kind":"alliance-meeting","start":"{{Local(start)}}","end":"{{Local(start.PlusHours(2))}}","place":"Buurthuis"}"""));
    }

    private async Task<long> DocumentRowsAsync()
    {
        await using var data = World.Server.CreateDataSource();
        await using var command = data.CreateCommand("select count(*) from app.documents");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<JsonElement> SendAsync(string path, string contentType, string body, params string[] codes)
    {
        await EnsureMeetingAsync();
        var before = await DocumentRowsAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        // The minutes are the secretary's; sharing and replacing the chair's (as for any partner).
        HttpClient? secretary = null;
        if (path.EndsWith("/minutes", StringComparison.Ordinal))
            (secretary, _) = await World.Server.ClientWithRolesAsync("Projectleider", new RoleGrant(Osdorp, Role.Secretary));
        using var owned = secretary;
        using var response = await (secretary ?? World.Chair).PostAsync(new Uri($"{Base}/{path}", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Contains(problem.GetProperty("code").GetString(), codes);
        Assert.Equal(before, await DocumentRowsAsync());
        return problem;
    }

    private static string Part(string name, string value) =>
        $"--b0undary\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n";

    private static string FilePart(string fileName) =>
        $"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 abc\r\n";

    private static string Fields => Part("id", "plan") + Part("item", "plan") + Part("partner", "ymere") + Part("title", "Plan")
        + Part("purpose", "information-only") + Part("reason", "Nieuwe versie");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Multipart_without_a_boundary_is_400_upload_malformed(string path) =>
        await SendAsync(path, "multipart/form-data", "x", "upload-malformed");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Multipart_with_a_wrong_boundary_is_400_upload_malformed(string path) =>
        await SendAsync(path, "multipart/form-data; boundary=other", Fields + FilePart("a.pdf") + "--b0undary--\r\n", "upload-malformed");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_truncated_multipart_body_is_400_upload_malformed(string path) =>
        await SendAsync(path, "multipart/form-data; boundary=b0undary", Fields + FilePart("a.pdf")[..^20], "upload-malformed");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task More_than_1024_parts_is_400_upload_malformed(string path) =>
        await SendAsync(path, "multipart/form-data; boundary=b0undary",
            string.Concat(Enumerable.Range(0, 1025).Select(i => Part($"f{i}", "x"))) + FilePart("a.pdf") + "--b0undary--\r\n", "upload-malformed");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_file_name_with_a_quote_is_400_and_stores_nothing(string path) =>
        // The part header cannot be parsed as the client meant it: malformed, or no file part at all.
        await SendAsync(path, "multipart/form-data; boundary=b0undary", Part("id", "x\"") + FilePart("a\"b.pdf") + "--b0undary--\r\n",
            "upload-malformed", "file-required", "validation", "invalid-id");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_control_character_in_the_file_name_is_400_invalid_text(string path)
    {
        var problem = await SendAsync(path, "multipart/form-data; boundary=b0undary", Fields + FilePart("a\u0001.pdf") + "--b0undary--\r\n", "invalid-text");
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }
}
