using System.Globalization;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Wolverine;

namespace Governance.Api.Mail;

/// <summary>Monday <paramref name="WeekOf"/> (ISO date, Amsterdam) has come: send the weekly digest (issue 14 §3).</summary>
public sealed record WeeklyDigestDue(string WeekOf);

public static class WeeklyDigestHandler
{
    public static Task Handle(WeeklyDigestDue message, IMessageBus bus, WeeklyDigest digest, CancellationToken cancellationToken) =>
        digest.RunAsync(message, bus, cancellationToken);
}

/// <summary>
/// The weekly digest, Mondays at 08:00 in Amsterdam: per alliance and partner what was promised, kept and broken in the past
/// week, what is due in the coming two weeks, and the keep rate (on time / due); then the mails the person chose to get "in
/// het weekoverzicht". For the core group unless they switch it off, and for anyone who chooses it. One run per Monday
/// (<c>app.mail_digest_runs</c>), whichever node gets the message; the run schedules the next Monday's.
/// </summary>
public sealed class WeeklyDigest(IOptions<MailSettings> settings, NpgsqlDataSource dataSource, AllianceQueries alliances, CommitmentQueries commitments,
    SmtpMailer mailer, TimeProvider clock)
{
    private static readonly LocalTime SendAt = new(8, 0);

    /// <summary>The Monday on or after <paramref name="now"/>'s next 08:00 in Amsterdam.</summary>
    public static ZonedDateTime NextMonday(Instant now)
    {
        var local = now.InZone(Meeting.Zone).LocalDateTime;
        var date = local.Date;
        while (date.DayOfWeek != IsoDayOfWeek.Monday || date.At(SendAt) <= local) date = date.PlusDays(1);
        return date.At(SendAt).InZoneLeniently(Meeting.Zone);
    }

    public static Task ScheduleAsync(IMessageBus bus, Instant after) =>
        bus.ScheduleAsync(new WeeklyDigestDue(LocalDatePattern.Iso.Format(NextMonday(after).Date)), NextMonday(after).ToDateTimeOffset()).AsTask();

    public async Task RunAsync(WeeklyDigestDue message, IMessageBus bus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(bus);
        if (!settings.Value.Enabled || !LocalDatePattern.Iso.Parse(message.WeekOf).TryGetValue(default, out var weekOf)) return;
        await using (var run = dataSource.CreateCommand("insert into app.mail_digest_runs (week_of, ran_at) values ($1, $2) on conflict do nothing"))
        {
            run.Parameters.Add(new() { Value = weekOf.ToDateOnly() });
            run.Parameters.Add(new() { Value = clock.GetUtcNow() });
            if (await run.ExecuteNonQueryAsync(ct) == 0) return;   // another node, or another copy of this message, ran it
        }
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        await ScheduleAsync(bus, now);

        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var firstAlliance = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alliance in await alliances.ListAsync(ct))
        {
            var overview = await OverviewAsync(alliance, now, ct);
            foreach (var person in await ReadersAsync(alliance.Id.Value, ct))
            {
                if (!sections.TryGetValue(person, out var lines)) sections[person] = lines = [];
                lines.AddRange(overview);
                firstAlliance.TryAdd(person, alliance.Id.Value);
            }
        }
        var waiting = await WaitingItemsAsync(ct);
        foreach (var person in sections.Keys.Union(waiting.Keys).Order(StringComparer.Ordinal))
        {
            var paragraphs = new List<string> { $"Dit is uw weekoverzicht van {DutchFormat.Date(weekOf)}." };
            if (sections.TryGetValue(person, out var lines)) paragraphs.AddRange(lines);
            var items = waiting.TryGetValue(person, out var its) ? its : [];
            if (items.Count > 0)
            {
                paragraphs.Add("Berichten van deze week die u in het weekoverzicht wilde krijgen:");
                paragraphs.AddRange(items.Select(i => $"– {i.Subject} ({i.Link})"));
            }
            var link = firstAlliance.TryGetValue(person, out var a) ? $"/allianties/{a}/beloftes" : "/account";
            var text = new MailText($"Weekoverzicht {DutchFormat.Date(weekOf)}", paragraphs, "Naar Wie beloofde wat", link);
            await bus.PublishAsync(new SendMail(person, MailKinds.WeeklyDigest.Id, text, Digest: true));
            if (items.Count > 0) await ForgetItemsAsync(person, items.Max(i => i.Id), ct);
        }
    }

    /// <summary>Per partner with promises: made, kept and broken in the past 7 days, due in the next 14, and the keep rate.</summary>
    private async Task<List<string>> OverviewAsync(AllianceView alliance, Instant now, CancellationToken ct)
    {
        var partners = alliance.Partners.Where(p => p.IsMember).ToList();
        var ids = partners.Select(p => p.Id).ToList();
        var today = now.InZone(Meeting.Zone).Date;
        var current = await commitments.RecordsAsync(alliance.Id, ids, null, now, ct);
        var weekAgo = await commitments.RecordsAsync(alliance.Id, ids, now.Minus(Duration.FromDays(7)).ToDateTimeOffset(), now, ct);
        var lines = new List<string> { $"{alliance.Name}:" };
        foreach (var partner in partners)
        {
            if (!current.TryGetValue(partner.Id, out var record) || record.Total == 0) continue;
            var before = weekAgo.TryGetValue(partner.Id, out var b) ? b : null;
            int Delta(params CommitmentStatus[] statuses) =>
                statuses.Sum(s => record.Counts.GetValueOrDefault(s) - (before?.Counts.GetValueOrDefault(s) ?? 0));
            var made = record.Total - (before?.Total ?? 0);
            var kept = Delta(CommitmentStatus.Fulfilled, CommitmentStatus.FulfilledLate);
            var broken = Delta(CommitmentStatus.Overdue, CommitmentStatus.CannotBeMet);
            var dueSoon = await commitments.ListAsync(alliance.Id, new CommitmentFilter(partner.Id, CommitmentStatus.Open, today.PlusDays(14)), null, now, 0, 20, ct);
            var rate = record.KeepRate.Rate is { } r
                ? $"Op tijd nagekomen: {Math.Round(r * 100).ToString(CultureInfo.InvariantCulture)}% ({record.KeepRate.KeptOnTime} van {record.KeepRate.Due})."
                : "Er was nog geen belofte klaar.";
            lines.Add($"{partner.Name}: deze week {made} beloofd, {Math.Max(kept, 0)} nagekomen, {Math.Max(broken, 0)} niet nagekomen. "
                + $"{dueSoon.Total} moet{(dueSoon.Total == 1 ? "" : "en")} binnen twee weken klaar zijn. {rate}");
            lines.AddRange(dueSoon.Items.Select(c => $"– ‘{c.State.What}’, {MailTexts.By(c.State.Due)}"));
        }
        if (lines.Count == 1) lines.Add("Geen beloftes.");
        return lines;
    }

    /// <summary>Who gets this alliance's overview: anyone with a role in it whose weekly digest is on (the core group's is by default).</summary>
    private async Task<IReadOnlyList<string>> ReadersAsync(string alliance, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select distinct g.person_id from app.role_grants g
            join app.people p on p.person_id = g.person_id and p.erased_at is null
            left join app.mail_preferences m on m.person_id = g.person_id and m.kind = 'weekly-digest'
            where g.alliance_id = $1
              and (m.delivery in ('immediate', 'digest')
                   or (m.delivery is null and exists (select 1 from app.role_grants c where c.person_id = g.person_id and c.role = 'core-group')))
            order by 1
            """);
        cmd.Parameters.Add(new() { Value = alliance });
        var people = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) people.Add(reader.GetString(0));
        return people;
    }

    private sealed record Item(long Id, string Subject, string Link);

    private async Task<Dictionary<string, List<Item>>> WaitingItemsAsync(CancellationToken ct)
    {
        var site = mailer.Site();
        var result = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
        await using var cmd = dataSource.CreateCommand("select id, person_id, subject, link from app.mail_digest_items order by person_id, id");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var person = reader.GetString(1);
            if (!result.TryGetValue(person, out var items)) result[person] = items = [];
            items.Add(new Item(reader.GetInt64(0), reader.GetString(2), new Uri(site, reader.GetString(3)).AbsoluteUri));
        }
        return result;
    }

    private async Task ForgetItemsAsync(string person, long upTo, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("delete from app.mail_digest_items where person_id = $1 and id <= $2");
        cmd.Parameters.Add(new() { Value = person });
        cmd.Parameters.Add(new() { Value = upTo });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>At start-up, when mail is configured, schedules the coming Monday's digest (a copy from another node runs no second time).</summary>
internal sealed class WeeklyDigestSchedule(IOptions<MailSettings> settings, IServiceProvider services, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled) return;
        // After the host has started: Wolverine's durable storage is ready then.
        await Task.Yield();
        using var scope = services.CreateScope();
        await WeeklyDigest.ScheduleAsync(scope.ServiceProvider.GetRequiredService<IMessageBus>(), Instant.FromDateTimeOffset(clock.GetUtcNow()));
    }
}
