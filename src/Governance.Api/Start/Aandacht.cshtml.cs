using Governance.Api.Auth;
using Governance.Api.Meetings;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.Escalations;
using Governance.Projections.Meetings;
using Governance.Projections.Proposals;
using Governance.Projections.Punctuality;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Governance.Api.Start;

/// <summary>
/// "Wat vraagt uw aandacht" (issue 13): where a person lands after signing in. Per alliance and per role, the question
/// that role comes with, answered from the read models at the app's clock: the core group (deadlines of the next meeting
/// and who has not met them, overdue promises per partner, advice waiting for a motivation (R9), disputes whose step
/// deadline passes this week); a representative (what their own partner must do, and by when); the day chair (the next
/// meeting and what may be decided there, R7); the secretary (their own deadlines before the next meeting, R1); the
/// escalation contact (the disputes of their alliances, most urgent first, R12). Every item links to where it is done.
/// Account settings and tokens stay on "Mijn account".
/// </summary>
[Authorize]
public sealed class AandachtModel(
    AllianceQueries alliances, MeetingQueries meetings, PunctualityQueries punctuality, CommitmentQueries commitments,
    ProposalQueries proposals, EscalationQueries escalations, TimeProvider clock) : PageModel
{
    /// <summary>"This week": a dispute's step deadline within this many days from now.</summary>
    public const int WeekDays = 7;

    /// <summary>How far ahead a representative sees their partner's deadlines.</summary>
    public const int RepresentativeHorizonDays = 42;

    /// <summary>At most this many rows in one list; the page it links to has them all.</summary>
    public const int MaxRows = 20;

    /// <summary>How many planned meetings are read to find the next alliance meeting among the other kinds.</summary>
    private const int PlannedLookAhead = 20;

    /// <summary>A meeting that started this long ago but was not opened yet still counts as "the next meeting".</summary>
    private static readonly Duration StartedRecently = Duration.FromHours(6);

    public sealed record NextMeeting(MeetingDocument Meeting, string Href);

    public sealed record DeadlineLine(string What, string Who, Instant DueAt, string Status, string? Href);

    public sealed record PromiseLine(string What, LocalDate Due, string Status, string Href);

    public sealed record OverdueLine(string Partner, int Count, string Href);

    public sealed record AdviceLine(string Title, string Partner, Instant Due, bool Overdue, string Href);

    public sealed record DisputeLine(string Alliance, string Subject, string Step, Instant? RespondBy, bool StepMissed, string Href);

    public sealed record DecisionLine(string Title, bool Decidable, string Why);

    public sealed record CoreGroupPart(NextMeeting? Next, IReadOnlyList<DeadlineLine> NotMet, int Met, IReadOnlyList<OverdueLine> Overdue,
        IReadOnlyList<AdviceLine> Advice, IReadOnlyList<DisputeLine> DisputesThisWeek);

    public sealed record RepresentativePart(string Partner, IReadOnlyList<DeadlineLine> Deadlines, IReadOnlyList<PromiseLine> Promises,
        IReadOnlyList<AdviceLine> Advice, string PromisesHref);

    public sealed record ChairPart(NextMeeting? Next, IReadOnlyList<DecisionLine> Decisions, string? LeadHref);

    public sealed record SecretaryPart(NextMeeting? Next, IReadOnlyList<DeadlineLine> Deadlines);

    public sealed record AllianceAttention(
        AllianceView Alliance, IReadOnlyList<string> Roles, bool IsAdmin, CoreGroupPart? CoreGroup, IReadOnlyList<RepresentativePart> Representative,
        ChairPart? Chair, SecretaryPart? Secretary)
    {
        public string BasePath => $"/allianties/{Alliance.Id.Value}";
    }

    public Instant Now { get; private set; }

    public IReadOnlyList<AllianceAttention> Alliances { get; private set; } = [];

    /// <summary>Null unless the person is an escalation contact somewhere (R12); then their disputes, most urgent first.</summary>
    public IReadOnlyList<DisputeLine>? ContactDisputes { get; private set; }

    public bool IsSystemAdmin { get; private set; }

    public bool HasNoRole { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (HttpContext.GetActor() is not { } actor) return Challenge();
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        IsSystemAdmin = actor.IsSystemAdmin;
        HasNoRole = actor.Grants.Count == 0;

        var result = new List<AllianceAttention>();
        foreach (var id in actor.Grants.Where(g => g.Alliance is not null).Select(g => g.Alliance!.Value).Distinct())
        {
            if (await alliances.GetAsync(id, cancellationToken: cancellationToken) is not { } alliance) continue;
            var grants = actor.Grants.Where(g => g.Alliance == id).ToList();
            var roles = grants.OrderBy(g => g.Role).ThenBy(g => g.Partner?.Value, StringComparer.Ordinal)
                .Select(g => DutchRoleNames.Describe(g, p => alliance.Partner(p)?.Name)).Distinct().ToList();
            bool Holds(Role role) => grants.Any(g => g.Role == role);
            // The chair, the secretary and the core group all ask about the next meeting: read it once.
            var next = Holds(Role.CoreGroup) || Holds(Role.Chair) || Holds(Role.Secretary) ? await NextMeetingAsync(alliance, cancellationToken) : null;
            var deadlines = next is null ? [] : await punctuality.ForMeetingAsync(alliance.Id.Value, next.Meeting.Id, Now, cancellationToken);
            var partners = actor.RepresentedPartners(id).Distinct().ToList();
            // The core group and every partner represented read the same list of advice awaiting a motivation (R9): once.
            var advice = Holds(Role.CoreGroup) || partners.Count > 0 ? await proposals.AwaitingMotivationAsync(alliance.Id, null, cancellationToken) : [];
            var represented = new List<RepresentativePart>();
            foreach (var partner in partners) represented.Add(await RepresentativeAsync(alliance, partner, advice, cancellationToken));
            result.Add(new AllianceAttention(
                alliance, roles, Holds(Role.Admin),
                Holds(Role.CoreGroup) ? await CoreGroupAsync(alliance, next, deadlines, advice, cancellationToken) : null,
                represented,
                Holds(Role.Chair) ? await ChairAsync(alliance, next, cancellationToken) : null,
                Holds(Role.Secretary) ? new SecretaryPart(next, [.. deadlines.Where(d => d.Office == "secretary").Select(d => Line(alliance, d))]) : null));
        }
        Alliances = [.. result.OrderBy(a => a.Alliance.Name, StringComparer.CurrentCulture)];

        if (actor.Grants.Any(g => g.Role == Role.EscalationContact))
        {
            var lines = new List<DisputeLine>();
            foreach (var (alliance, _, disputes) in await escalations.ForContactAsync(actor.Person, null, 0, 200, cancellationToken))
                lines.AddRange(disputes.Items.Where(d => !d.State.Resolved).Select(d => Dispute(alliance, d)));
            // Most urgent first: a last step whose deadline was missed, then by the step's deadline.
            ContactDisputes = [.. lines.OrderBy(l => l.StepMissed ? 0 : 1).ThenBy(l => l.RespondBy)];
        }
        return Page();
    }

    private async Task<NextMeeting?> NextMeetingAsync(AllianceView alliance, CancellationToken cancellationToken)
    {
        var after = (Now - StartedRecently).ToDateTimeOffset();
        // The alliance meeting, where partners' deadlines fall and decisions are taken; the core group's and residents' own
        // meetings in between are not "the next meeting" these parts ask about.
        var planned = await meetings.PlannedAfterAsync(alliance.Id, after, PlannedLookAhead, cancellationToken);
        return planned.FirstOrDefault(m => m.Kind == MeetingKind.AllianceMeeting) is { } next
            ? new NextMeeting(next, $"/allianties/{alliance.Id.Value}/vergaderingen/{next.Meeting}")
            : null;
    }

    private async Task<CoreGroupPart> CoreGroupAsync(AllianceView alliance, NextMeeting? next, IReadOnlyList<MeetingDeadlineRow> deadlines,
        IReadOnlyList<Projections.Proposals.AdviceRow> awaitingMotivation, CancellationToken cancellationToken)
    {
        var basePath = $"/allianties/{alliance.Id.Value}";
        var notMet = deadlines.Where(d => d.Deadline.DoneAt is null && d.Deadline.Status is not "waived").Select(d => Line(alliance, d)).ToList();
        var met = deadlines.Count - notMet.Count;

        // R10: overdue promises per partner, only the partners that have one.
        var owners = await commitments.OwnersAsync(alliance.Id, null, cancellationToken);
        var records = owners.Count == 0 ? new Dictionary<PartnerId, PromiseRecord>()
            : await commitments.RecordsAsync(alliance.Id, [.. owners], null, Now, cancellationToken);
        var overdue = records.Values
            .Select(r => (r.Partner, Count: r.Counts.GetValueOrDefault(CommitmentStatus.Overdue)))
            .Where(r => r.Count > 0)
            .Select(r => new OverdueLine(alliance.Partner(r.Partner)?.Name ?? r.Partner.Value, r.Count,
                $"{basePath}/beloftes?toon=te-laat&partner={Uri.EscapeDataString(r.Partner.Value)}"))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Partner, StringComparer.CurrentCulture).ToList();

        var advice = awaitingMotivation.Select(a => Advice(alliance, a)).ToList();

        var weekEnd = Now + Duration.FromDays(WeekDays);
        var count = await escalations.CountAsync(alliance.Id, null, cancellationToken);
        var disputes = count == 0 ? [] : (await escalations.ListAsync(alliance.Id, null, 0, (int)Math.Min(count, 500), cancellationToken)).Items
            .Where(d => !d.State.Resolved && !d.State.StepMissed && d.State.RespondBy >= Now && d.State.RespondBy < weekEnd)
            .OrderBy(d => d.State.RespondBy).Select(d => Dispute(alliance, d)).ToList();
        return new CoreGroupPart(next, notMet, met, overdue, advice, disputes);
    }

    private async Task<RepresentativePart> RepresentativeAsync(AllianceView alliance, PartnerId partner,
        IReadOnlyList<Projections.Proposals.AdviceRow> awaitingMotivation, CancellationToken cancellationToken)
    {
        var basePath = $"/allianties/{alliance.Id.Value}";
        var deadlines = await punctuality.OpenForPartnerAsync(alliance.Id.Value, partner.Value, Now + Duration.FromDays(RepresentativeHorizonDays), Now, MaxRows, cancellationToken);
        var promises = new List<PromiseLine>();
        foreach (var status in new[] { CommitmentStatus.Overdue, CommitmentStatus.Open })
        {
            var page = await commitments.ListAsync(alliance.Id, new CommitmentFilter(partner, status), null, Now, 0, MaxRows, cancellationToken);
            promises.AddRange(page.Items.Select(c => new PromiseLine(c.State.What, c.State.Due,
                status == CommitmentStatus.Overdue ? "te laat" : "open", $"{basePath}/beloftes/{c.Id.Value}")));
        }
        var advice = awaitingMotivation.Where(a => a.Advice.Partner == partner).Select(a => Advice(alliance, a)).ToList();
        return new RepresentativePart(alliance.Partner(partner)?.Name ?? partner.Value,
            [.. deadlines.Select(d => new DeadlineLine(Subject(d), alliance.Partner(partner)?.Name ?? partner.Value, d.DueAt, d.Status, MeetingPath(alliance, d.Meeting)))],
            [.. promises.OrderBy(p => p.Due)], advice,
            $"{basePath}/beloftes?partner={Uri.EscapeDataString(partner.Value)}");
    }

    private async Task<ChairPart> ChairAsync(AllianceView alliance, NextMeeting? next, CancellationToken cancellationToken)
    {
        if (next is null) return new ChairPart(null, [], null);
        var view = await meetings.GetAsync(alliance.Id, next.Meeting.MeetingId, cancellationToken: cancellationToken);
        var decisions = new List<DecisionLine>();
        if (view?.State is Meeting.State.Scheduled scheduled)
        {
            // R7: an item to decide on may be decided only when the residents had their information in time (or waived it).
            foreach (var item in scheduled.Items.Values
                         .Where(i => i.Kind == AgendaItemKind.Decision && i.Status is AgendaItemStatus.Accepted or AgendaItemStatus.Proposed)
                         .OrderBy(i => i.ProposedAt).ThenBy(i => i.Id.Value, StringComparer.Ordinal))
            {
                var decidability = scheduled.IsDecidable(item.Id);
                decisions.Add(new DecisionLine(item.Title, decidability.Decidable,
                    decidability.Decidable
                        ? decidability.UnderWaiver ? "Mag besluiten: de bewoners gaven ontheffing (afspraak R7)." : "Mag besluiten: de stukken waren er op tijd."
                        : LeidenModel.NotDecidableText(decidability)));
            }
        }
        return new ChairPart(next, decisions, $"{next.Href}/leiden");
    }

    private static DeadlineLine Line(AllianceView alliance, MeetingDeadlineRow row) => new(
        Subject(row.Deadline),
        row.Partner is { } p ? alliance.Partner(PartnerId.Parse(p))?.Name ?? p : TermijnenModel.OfficeText(row.Office),
        row.Deadline.DueAt, row.Deadline.Status, MeetingPath(alliance, row.Deadline.Meeting));

    private static string Subject(PartnerDeadline d) => $"{MeetingTexts.Rule(d.Rule)}: {DeadlineTexts.Subject(d.Subject, d.SubjectTitle)}";

    private static string? MeetingPath(AllianceView alliance, string meetingStream) =>
        meetingStream.StartsWith("meeting-", StringComparison.Ordinal) && meetingStream.Length > "meeting-".Length
            ? $"/allianties/{alliance.Id.Value}/vergaderingen/{meetingStream["meeting-".Length..]}#kop-termijnen"
            : null;

    private AdviceLine Advice(AllianceView alliance, Projections.Proposals.AdviceRow row) => new(
        row.Title, alliance.Partner(row.Advice.Partner)?.Name ?? row.Advice.Partner.Value, row.Advice.Due, row.StatusAt(Now) == "overdue",
        $"/allianties/{alliance.Id.Value}/besluiten/{row.Proposal.Value}");

    private static DisputeLine Dispute(AllianceView alliance, DisputeRow d)
    {
        var basePath = $"/allianties/{alliance.Id.Value}";
        var s = d.State;
        return new DisputeLine(alliance.Name, Escalations.GeschilModel.SubjectOf(d, basePath).Text,
            Presentation.DutchTerms.Capitalised(Commitments.PromiseTexts.Step(s.Step, s.Ladder.Steps.Length, d.StepDescription)),
            s.StepMissed ? null : s.RespondBy, s.StepMissed, $"{basePath}/geschillen/{d.Id.Value}");
    }

    /// <summary>When a meeting starts, "dinsdag 12 maart 2026, 19:30"; "datum nog niet bekend" without a start.</summary>
    public static string MeetingText(MeetingDocument meeting) =>
        meeting.StartsAt is { } start ? Presentation.DutchFormat.DateTime(Instant.FromDateTimeOffset(start)) : "een datum die nog niet bekend is";

    /// <summary>"nog 3 dagen", "vandaag", "2 dagen te laat": how far a moment is from now, in whole Amsterdam days.</summary>
    public string DaysLeft(Instant due)
    {
        return Presentation.DutchFormat.DaysBetween(Now, due.InZone(Presentation.DutchFormat.Amsterdam).Date) switch
        {
            0 => "vandaag",
            1 => "morgen",
            var days and > 1 => $"nog {days} dagen",
            -1 => "1 dag te laat",
            var days => $"{-days} dagen te laat",
        };
    }
}
