using System.Text.Json;
using Governance.Domain.Meetings;
using JasperFx.Events;
using Marten;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using NodaTime;

namespace Governance.Projections.Punctuality;

/// <summary>
/// Keeps one <see cref="MeetingDeadlineDocument"/> per deadline of every meeting: for every event of a meeting, the meeting is
/// folded again (up to that event) and its whole deadline list replaces the old documents. The list is the domain's own
/// (<see cref="MeetingDeadlines.Of"/>), so compliance and punctuality can never disagree.
/// </summary>
public sealed partial class MeetingDeadlineProjection : EventProjection
{
    public MeetingDeadlineProjection()
    {
        Name = "meeting-deadlines";
        // The concrete meeting events: the daemon's filter matches stored types, so the abstract base would match nothing.
        foreach (var e in DomainJson.EventTypes.Where(e => e.Type.IsAssignableTo(typeof(MeetingEvent)))) IncludeType(e.Type);
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is not MeetingEvent) return;
        var tenant = operations.ForTenant(e.TenantId);
        var meeting = e.StreamKey!;
        // Fold exactly up to this event, so a rebuild and a live run write the same documents.
        var stream = await tenant.Events.FetchStreamAsync(meeting, e.Version, token: cancellation);
        var state = Meeting.Decider.Fold(stream.Select(x => x.Data).OfType<MeetingEvent>());
        var list = MeetingDeadlines.Of(state, Instant.MinValue);   // "now" before everything: open deadlines read as pending
        var scheduled = state as Meeting.State.Scheduled;
        var start = scheduled?.StartsAt.ToInstant();

        tenant.DeleteWhere<MeetingDeadlineDocument>(d => d.MeetingId == meeting);
        foreach (var d in start is null ? [] : list.Checks)
        {
            tenant.Store(new MeetingDeadlineDocument
            {
                Id = $"{meeting}/{d.Rule}/{d.Subject}",
                MeetingId = meeting,
                Rule = d.Rule,
                Subject = d.Subject.ToString(),
                SubjectTitle = Meetings.MeetingDocument.TitleOf(scheduled!, d.Subject),
                ResponsiblePartner = d.ResponsiblePartner?.Value,
                ResponsibleOffice = d.ResponsibleOffice is { } o ? JsonNamingPolicy.KebabCaseLower.ConvertName(o.ToString()) : null,
                MeetingStart = start!.Value.ToDateTimeOffset(),
                AgreedDueAt = d.AgreedDueAt.ToDateTimeOffset(),
                ExtendedDueAt = d.Extension?.NewDue.ToDateTimeOffset(),
                DueAt = d.DueAt.ToDateTimeOffset(),
                DoneAt = d.DoneAt?.ToDateTimeOffset(),
                Status = DeadlineStatuses.Kebab(d.Status),
                Open = d.DoneAt is null && d.Status != DeadlineStatus.Waived,
                AgreementsVersion = d.AgreementsVersion,
            });
        }
    }
}

/// <summary>
/// Every deadline of every meeting (R1–R7), as <see cref="MeetingDeadlines"/> computes it, for partner punctuality. A deadline not
/// yet done is open: its status (pending, extended or missing) is finished at read time against the clock, so no sweep is needed.
/// </summary>
public sealed class MeetingDeadlineDocument
{
    public string Id { get; set; } = "";
    public string MeetingId { get; set; } = "";
    public string Rule { get; set; } = "";
    public string Subject { get; set; } = "";

    /// <summary>The title of the item or document it is about, as the meeting knew it (null for the meeting or a channel).</summary>
    public string? SubjectTitle { get; set; }

    public string? ResponsiblePartner { get; set; }
    public string? ResponsibleOffice { get; set; }
    public DateTimeOffset MeetingStart { get; set; }
    public DateTimeOffset AgreedDueAt { get; set; }
    public DateTimeOffset? ExtendedDueAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string Status { get; set; } = "";
    public bool Open { get; set; }
    public int AgreementsVersion { get; set; }

    /// <summary>The due moment in force: the extension's when there is one (R19). Stored, so lists filter and sort on it.</summary>
    public DateTimeOffset DueAt { get; set; }
}

/// <summary>The punctuality read model in the one Marten setup (<see cref="GovernanceStore.Configure"/>).</summary>
public static class PunctualityProjections
{
    public static void Register(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<MeetingDeadlineProjection>(ProjectionLifecycle.Async);
        // A partner's deadlines in a period (counts and pages) and what falls due soon: the two ways they are read.
        options.Schema.For<MeetingDeadlineDocument>().Index(d => d.MeetingId)
            .Index([d => d.ResponsiblePartner!, d => d.AgreedDueAt], i => i.Name = "mt_doc_meetingdeadlinedocument_idx_partner_due")
            .Index(d => d.DueAt);
    }
}

public static class DeadlineStatuses
{
    public static string Kebab(DeadlineStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
