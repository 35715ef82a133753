using System.CommandLine;
using System.Globalization;
using Governance.Api.Checkpoints;
using Governance.Api.Hosting;
using Governance.Api.PublicRecord;
using Governance.Domain;
using Governance.EventStore;
using Governance.Projections.Alliances;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Cli;

/// <summary>
/// `export public`: an alliance's public record (Woo) as one zip; `export verify`: check such a zip without the database;
/// `export redact`: leave one event's data out of the public record, on a Woo ground.
/// </summary>
public static class ExportCommands
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var export = new Command("export", "The public record of an alliance (Woo): export, verify, redact.");
        export.Subcommands.Add(Public(output, error));
        export.Subcommands.Add(Verify(output, error));
        export.Subcommands.Add(Redact(output, error));
        return export;
    }

    private static Command Public(TextWriter output, TextWriter error)
    {
        var alliance = new Option<string>("--alliance") { Description = "The alliance (e.g. osdorp-de-punt).", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Only what was recorded up to the end of this day (yyyy-MM-dd, Amsterdam) or this instant (ISO 8601)." };
        var file = new Option<string>("--out") { Description = "The zip to write.", Required = true };
        var command = new Command("public", "Write the alliance's public record: events with redactions, a signed checkpoint, a README.") { alliance, asOf, file };
        command.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var id = parse.GetValue(alliance)!;
            if (!AllianceId.TryParse(id, out var allianceId)) throw new CliException($"'{id}' is not a valid alliance id.");
            var at = parse.GetValue(asOf) is { } text ? ParseAsOf(text) : (DateTimeOffset?)null;
            using var key = CliKeys.Load(error);
            await using var db = await CliDatabase.OpenAsync(ct);
            var view = await new AllianceQueries(db.Ledger).GetAsync(allianceId, cancellationToken: ct)
                ?? throw new CliException($"There is no alliance '{id}'.");
            var exporter = new PublicExport(db.Store, db.Ledger, new Redactions(db.DataSource),
                new CheckpointSigner(db.Store, new CheckpointStore(db.DataSource), TimeProvider.System), TimeProvider.System);
            var path = parse.GetValue(file)!;
            var temporary = path + ".partial";
            ExportSummary summary;
            try
            {
                await using (var stream = File.Create(temporary))
                    summary = await exporter.WriteAsync(key, id, view.Name, at, stream, ct);
                File.Move(temporary, path, overwrite: true);
            }
            catch (CheckpointRefusedException ex)
            {
                File.Delete(temporary);
                throw new CliException($"Not exported: {ex.Message}", LedgerCommands.TamperedExitCode);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                File.Delete(temporary);
                throw new CliException($"Cannot write {path}: {ex.Message}");
            }
            await output.WriteLineAsync($"wrote {Path.GetFullPath(path)}: {summary.Events} events of {id}, {summary.Redacted} redacted, head {summary.HeadHash}, {summary.Checkpoint}");
            return 0;
        }));
        return command;
    }

    private static Command Verify(TextWriter output, TextWriter error)
    {
        var archive = new Argument<string>("archive") { Description = "The zip written by `export public` or the download button." };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Checkpoints kept elsewhere (file or URL) to check against, instead of the one inside." };
        var publicKey = new Option<string?>("--public-key") { Description = "Accept only checkpoints signed by this Ed25519 public key (base64)." };
        var command = new Command("verify", "Check a public record: data against digests, redaction grounds, the chain, and the signed checkpoint.")
            { archive, checkpoint, publicKey };
        command.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var path = parse.GetValue(archive)!;
            var given = parse.GetValue(checkpoint) is { } source ? await CheckpointSource.ReadAsync(source, ct) : null;
            ArchiveVerification result;
            try
            {
                await using var stream = File.OpenRead(path);
                result = await PublicRecordVerifier.VerifyAsync(stream, given, parse.GetValue(publicKey), ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"Cannot read {path}: {ex.Message}");
            }
            foreach (var r in result.Redacted)
                await output.WriteLineAsync($"redacted: position {r.Position} ({r.Type}): Woo {r.Ground}: {r.Reason}");
            foreach (var problem in result.Problems) await output.WriteLineAsync($"FAILED: {problem}");
            foreach (var check in result.Checkpoints)
                await output.WriteLineAsync(check.Holds ? $"{check.Checkpoint}: holds (key {check.Checkpoint.KeyId})" : $"{check.Checkpoint}: FAILED: {check.Problem}");
            await output.WriteLineAsync(result.Holds
                ? $"{result.Alliance}: verified {result.Events} events, {result.Redacted.Count} redacted, head {result.HeadHash}"
                : $"{result.Alliance}: the archive does NOT verify");
            return result.Holds ? 0 : LedgerCommands.TamperedExitCode;
        }));
        return command;
    }

    private static Command Redact(TextWriter output, TextWriter error)
    {
        var alliance = new Option<string>("--alliance") { Description = "The alliance.", Required = true };
        var position = new Option<long>("--position") { Description = "The event's position in the alliance's ledger.", Required = true };
        var ground = new Option<string>("--ground") { Description = "The Woo ground, e.g. 5.1.2.e (personal privacy).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, in a short Dutch sentence the public reads.", Required = true };
        var command = new Command("redact", "Leave one event's data out of the public record; it keeps only its digest, the ground and the reason.")
            { alliance, position, ground, reason };
        command.SetAction((parse, ct) => GovernanceCli.Guarded(error, async () =>
        {
            var id = parse.GetValue(alliance)!;
            if (!LedgerId.IsValid(id)) throw new CliException($"'{id}' is not a valid alliance id.");
            var redaction = new Redaction(parse.GetValue(ground)!, parse.GetValue(reason)!.Trim());
            if (!Redaction.IsGround(redaction.Ground)) throw new CliException($"'{redaction.Ground}' is not a Woo ground (article 5.1 to 5.7, e.g. 5.1.2.e).");
            if (redaction.Reason.Length is < 1 or > 500) throw new CliException("The reason is 1 to 500 characters.");
            var at = parse.GetValue(position);
            await using var db = await CliDatabase.OpenAsync(ct);
            ChainRow? row = null;
            await foreach (var r in LedgerVerifier.ReadChainAsync(db.Store, id, ct))
                if (r.Position == at) { row = r; break; }
            if (row is null || !row.HasEvent) throw new CliException($"{id} has no event at position {at}.");
            await new Redactions(db.DataSource).AddAsync(id, row.EventId, redaction, TimeProvider.System.GetUtcNow(), ct);
            await output.WriteLineAsync($"{id} position {at} ({row.Type}, event {row.EventId}): redacted on Woo {redaction.Ground}");
            return 0;
        }));
        return command;
    }

    private static DateTimeOffset ParseAsOf(string text)
    {
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
            return date.Value.PlusDays(1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).ToDateTimeOffset().AddTicks(-1);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant;
        throw new CliException($"--as-of '{text}' is neither a date (2026-03-12) nor an instant (2026-03-12T18:30:00Z).");
    }
}
