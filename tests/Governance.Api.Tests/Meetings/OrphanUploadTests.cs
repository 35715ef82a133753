using System.Net;
using Governance.Api.Auth;
using Governance.Api.Meetings;
using Governance.Api.Tests.Alliances;
using Governance.Api.Tests.Commands;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using NodaTime;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Meetings;

/// <summary>
/// Issue 12 §4 against real PostgreSQL: a document's bytes exist only for a recorded share. A refused upload removes its
/// bytes at once; the cleanup removes an unreferenced file older than the grace period and keeps a referenced and a fresh one.
/// </summary>
public sealed class OrphanUploadTests(PromiseWorldFixture fixture) : IClassFixture<PromiseWorldFixture>
{
    private PromiseWorld World => fixture.World;

    private string Base => World.Base;

    private AllianceId Osdorp => World.Osdorp;

    private const string Meeting = "wezen";

    private async Task EnsureMeetingAsync()
    {
        using var existing = await World.Anonymous.GetAsync(new Uri($"{Base}/meetings/{Meeting}", UriKind.Relative));
        if (existing.IsSuccessStatusCode) return;
        var start = (await World.TodayAsync()).PlusDays(30).At(new LocalTime(19, 30));
        string Local(LocalDateTime t) => t.ToString("uuuu-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await Ok(Post(World.Chair, $"{Base}/meetings",
            $$"""{"id":"{{Meeting}}","kind":"alliance-meeting","start":"{{Local(start)}}","end":"{{Local(start.PlusHours(2))}}","place":"Buurthuis"}"""));
        await Ok(Post(World.Chair, $"{Base}/meetings/{Meeting}/items", """{"id":"plan","partner":"ymere","title":"Plan","kind":"information"}"""));
    }

    private static MultipartFormDataContent Upload(byte[] bytes, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", "plan.pdf");
        return form;
    }

    private async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var data = World.Server.CreateDataSource();
        await using var command = data.CreateCommand(sql);
        foreach (var v in values) command.Parameters.Add(new() { Value = v });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<long> RowsAsync() => ScalarAsync("select count(*) from app.documents");

    private Task<long> RowsAsync(string key) => ScalarAsync("select count(*) from app.documents where storage_key = $1", key);

    /// <summary>The storage key of the (one) stored file with these bytes.</summary>
    private async Task<string> KeyOfAsync(byte[] bytes)
    {
        await using var data = World.Server.CreateDataSource();
        await using var command = data.CreateCommand("select storage_key from app.documents where sha256 = $1");
        command.Parameters.Add(new() { Value = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task RefusedAsync(HttpClient client, string path, MultipartFormDataContent form)
    {
        await EnsureMeetingAsync();
        var before = await RowsAsync();
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path}: expected a refusal, got {(int)response.StatusCode}: {text}");
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task A_share_the_rules_refuse_leaves_no_row()
    {
        // R2: the item is not on the agenda, so the decider refuses after the bytes were stored.
        using var form = Upload([1, 2, 3], ("id", "los"), ("item", "nergens"), ("partner", "ymere"), ("title", "Los"), ("purpose", "information-only"));
        await RefusedAsync(World.Chair, $"{Base}/meetings/{Meeting}/documents", form);
    }

    [Fact]
    public async Task A_new_version_of_an_unknown_document_leaves_no_row()
    {
        using var form = Upload([4, 5, 6], ("reason", "Nieuwe versie"));
        await RefusedAsync(World.Chair, $"{Base}/meetings/{Meeting}/documents/bestaat-niet/versions", form);
    }

    [Fact]
    public async Task Minutes_of_a_meeting_not_held_leave_no_row()
    {
        var (secretary, _) = await World.Server.ClientWithRolesAsync("Notulist", new RoleGrant(Osdorp, Role.Secretary));
        using var owned = secretary;
        using var form = Upload([7, 8, 9]);
        await RefusedAsync(secretary, $"{Base}/meetings/{Meeting}/minutes", form);
    }

    [Fact]
    public async Task A_recorded_share_keeps_its_bytes_and_a_duplicate_id_removes_the_second_copy()
    {
        await EnsureMeetingAsync();
        using (var form = Upload([1, 1, 1], ("id", "bewaard"), ("item", "plan"), ("partner", "ymere"), ("title", "Bewaard"), ("purpose", "information-only")))
            await Ok(World.Chair.PostAsync(new Uri($"{Base}/meetings/{Meeting}/documents", UriKind.Relative), form));
        var key = await KeyOfAsync([1, 1, 1]);
        Assert.Equal(1, await RowsAsync(key));
        using var again = Upload([2, 2, 2], ("id", "bewaard"), ("item", "plan"), ("partner", "ymere"), ("title", "Ander"), ("purpose", "information-only"));
        await RefusedAsync(World.Chair, $"{Base}/meetings/{Meeting}/documents", again);
        Assert.Equal(1, await RowsAsync(key));
    }

    [Fact]
    public async Task The_cleanup_removes_an_old_orphan_and_keeps_a_referenced_and_a_fresh_file()
    {
        await EnsureMeetingAsync();
        using (var form = Upload([3, 3, 3], ("id", "verwezen"), ("item", "plan"), ("partner", "ymere"), ("title", "Verwezen"), ("purpose", "information-only")))
            await Ok(World.Chair.PostAsync(new Uri($"{Base}/meetings/{Meeting}/documents", UriKind.Relative), form));
        var referenced = await KeyOfAsync([3, 3, 3]);
        var files = World.Server.Services.GetRequiredService<DocumentFiles>();
        var person = PersonId.Parse("p-000000000099");
        var old = await files.StoreAsync(Osdorp, person, [4, 4], "application/pdf", "oud.pdf", CancellationToken.None);
        var fresh = await files.StoreAsync(Osdorp, person, [5, 5], "application/pdf", "vers.pdf", CancellationToken.None);
        // The old orphan and the referenced file were uploaded two hours before now; the fresh orphan just now.
        await ScalarAsync("update app.documents set uploaded_at = uploaded_at - interval '2 hours' where storage_key = any($1) returning 1",
            (object)new[] { old.StorageKey, referenced });
        var clock = World.Server.Services.GetRequiredService<TimeProvider>();

        var removed = await files.RemoveOrphansAsync(clock.GetUtcNow() - OrphanDocumentCleanup.DefaultGrace, CancellationToken.None);

        Assert.True(removed >= 1);
        Assert.Equal(0, await RowsAsync(old.StorageKey));
        Assert.Equal(1, await RowsAsync(referenced));
        Assert.Equal(1, await RowsAsync(fresh.StorageKey));
        using var download = await World.Anonymous.GetAsync(new Uri($"{Base}/meetings/{Meeting}/documents/verwezen/versions/1/file", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task The_cleanup_runs_on_its_own()
    {
        await using var server = await GovernanceServer.StartAsync(null, "--Governance:Documents:OrphanCleanupInterval=00:00:00.2");
        var files = server.Services.GetRequiredService<DocumentFiles>();
        var old = await files.StoreAsync(Osdorp, PersonId.Parse("p-000000000099"), [6], "application/pdf", "oud.pdf", CancellationToken.None);
        var fresh = await files.StoreAsync(Osdorp, PersonId.Parse("p-000000000099"), [7], "application/pdf", "vers.pdf", CancellationToken.None);
        await using var data = server.CreateDataSource();
        await using (var backdate = data.CreateCommand("update app.documents set uploaded_at = uploaded_at - interval '2 hours' where storage_key = $1"))
        {
            backdate.Parameters.Add(new() { Value = old.StorageKey });
            await backdate.ExecuteNonQueryAsync();
        }
        async Task<long> Count(string key)
        {
            await using var c = data.CreateCommand("select count(*) from app.documents where storage_key = $1");
            c.Parameters.Add(new() { Value = key });
            return (long)(await c.ExecuteScalarAsync())!;
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await Count(old.StorageKey) > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, await Count(old.StorageKey));
        Assert.Equal(1, await Count(fresh.StorageKey));
    }
}
