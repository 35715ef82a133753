using Governance.Api.Tests.Alliances;
using System.Text.Json;
using Governance.Api.Tests.Mail;
using MimeKit;

namespace Governance.Api.Tests.Checkpoints;

/// <summary>
/// Issue 15 §1: every new signed checkpoint is mailed once to the configured witnesses (through the outbox, also with two
/// nodes), with the checkpoint JSON attached and a Dutch text saying what it is and how to check it; the attachment is what
/// `ledger verify --checkpoints` reads. One server (and a second node) for the class.
/// </summary>
public sealed class CheckpointWitnessTests : IAsyncLifetime
{
    private const string Alliance = "osdorp-de-punt";
    private static readonly string[] Witnesses = ["bewonerscollectief@wijk.test", "programma@wijk.test"];
    private SmtpListener _smtp = null!;
    private GovernanceServer _server = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("witness-tests-").FullName;

    private Action<WebApplicationBuilder> Configure => builder =>
    {
        MailServer.SendsTo(_smtp.Port)(builder);
        builder.Configuration["Governance:Checkpoints:Poll"] = "00:00:01";
        builder.Configuration["Governance:Checkpoints:Interval"] = "00:00:01";
        // One key for both nodes, as a real deployment configures it.
        builder.Configuration["Governance:DataDirectory"] = _folder;
        for (var i = 0; i < Witnesses.Length; i++) builder.Configuration[$"Governance:Checkpoints:Witnesses:{i}"] = Witnesses[i];
    };

    public async Task InitializeAsync()
    {
        _smtp = await SmtpListener.StartAsync();
        _server = await GovernanceServer.StartAsync(Configure);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _smtp.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The witness mails of the checkpoint at <paramref name="position"/>: one per witness expected.</summary>
    private async Task<List<ReceivedMail>> WitnessMailsAsync(Func<long> position, TimeSpan within)
    {
        var all = await _smtp.AllWithinAsync(within);
        return [.. all.Where(m => m.Message.Attachments.OfType<MimePart>().Any(a => a.FileName is { } name && name == $"controlepunt-{Alliance}-{position()}.json"))];
    }

    private static async Task<string> AttachmentAsync(ReceivedMail mail)
    {
        var part = mail.Message.Attachments.OfType<MimePart>().Single();
        using var bytes = new MemoryStream();
        await part.Content!.DecodeToAsync(bytes);
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    [Fact]
    public async Task Each_new_checkpoint_is_mailed_once_to_every_witness_with_its_json_attached_also_with_two_nodes()
    {
        var (admin, _) = await _server.SystemAdminAsync();
        await Commitments.PromiseWorld.Ok(Commitments.PromiseWorld.Post(admin, "/api/v1/alliances",
            """{"id":"osdorp-de-punt","name":"Wijkalliantie Osdorp de Punt","neighbourhood":"Osdorp"}"""));

        // The first checkpoint: one mail per witness, to that witness alone.
        var first = await _smtp.NextAsync(TimeSpan.FromSeconds(60));
        var second = await _smtp.NextAsync(TimeSpan.FromSeconds(30));
        var mails = new[] { first, second };
        Assert.Equal(Witnesses.Order(), mails.SelectMany(m => m.Recipients).Order());
        var json = await AttachmentAsync(first);
        Assert.Equal(json, await AttachmentAsync(second));
        var checkpoint = JsonSerializer.Deserialize<JsonElement>(json);
        var position = checkpoint.GetProperty("position").GetInt64();
        var headHash = checkpoint.GetProperty("headHash").GetString()!;

        // The attachment is the checkpoint exactly as the API publishes it (signature included).
        using var client = _server.CreateClient();
        var published = JsonSerializer.Deserialize<JsonElement>(await client.GetStringAsync(new Uri($"/api/v1/alliances/{Alliance}/checkpoints/{position}", UriKind.Relative)));
        foreach (var field in new[] { "format", "alliance", "headHash", "time", "keyId", "publicKey", "signature" })
            Assert.Equal(published.GetProperty(field).GetString(), checkpoint.GetProperty(field).GetString());
        Assert.Equal("application/json", first.Message.Attachments.OfType<MimePart>().Single().ContentType.MimeType);

        // Dutch, B1: what it is, why keep it, how to check it; no unsubscribe link of a person, but who to ask.
        Assert.Equal($"Controlepunt van het logboek van Wijkalliantie Osdorp de Punt: {(position == 1 ? "1 stap" : $"{position} stappen")}", first.Message.Subject);
        Assert.Contains("Beste getuige,", first.Text, StringComparison.Ordinal);
        Assert.Contains($"de code van de laatste stap was {headHash}.", first.Text, StringComparison.Ordinal);
        Assert.Contains("U bent getuige. Bewaar deze e-mail met de bijlage.", first.Text, StringComparison.Ordinal);
        Assert.Contains($"governance ledger verify --checkpoints controlepunt-{Alliance}-{position}.json", first.Text, StringComparison.Ordinal);
        Assert.Contains(new Uri(_server.BaseAddress, $"/allianties/{Alliance}/controlepunten").AbsoluteUri, first.Text, StringComparison.Ordinal);
        Assert.Contains("Vraag de beheerder van het logboek om uw adres te verwijderen.", first.Text, StringComparison.Ordinal);
        Assert.Equal("auto-generated", first.Header("Auto-Submitted"));
        Assert.Null(first.Header("List-Unsubscribe"));
        Assert.Contains("<p>Beste getuige,</p>", first.Html, StringComparison.Ordinal);

        // What the witness keeps checks the ledger.
        var file = Path.Combine(_folder, $"controlepunt-{Alliance}-{position}.json");
        await File.WriteAllTextAsync(file, json);
        var (exit, output, error) = await CliRunner.RunAsync(_server.ConnectionString, "ledger", "verify", "--checkpoints", file);
        Assert.True(exit == 0, output + error);
        Assert.Contains($"checkpoint {Alliance}@{position} (", output, StringComparison.Ordinal);

        // A second node on the same database: the same checkpoint is not mailed again, and the next one is mailed once.
        await using var other = await GovernanceServer.StartOnDatabaseAsync(_server.ConnectionString, Configure);
        Assert.Empty(await WitnessMailsAsync(() => position, TimeSpan.FromSeconds(5)));
        await Commitments.PromiseWorld.Ok(Commitments.PromiseWorld.Post(admin, $"/api/v1/alliances/{Alliance}/partners",
            """{"id":"ymere","name":"Ymere","kind":"housing-corporation","body":"professional"}"""));
        var next = await _smtp.NextAsync(TimeSpan.FromSeconds(60));
        var nextPosition = JsonSerializer.Deserialize<JsonElement>(await AttachmentAsync(next)).GetProperty("position").GetInt64();
        Assert.True(nextPosition > position);
        var rest = await WitnessMailsAsync(() => nextPosition, TimeSpan.FromSeconds(8));
        Assert.Equal(Witnesses.Order(), rest.Append(next).SelectMany(m => m.Recipients).Order());
        admin.Dispose();
    }
}
