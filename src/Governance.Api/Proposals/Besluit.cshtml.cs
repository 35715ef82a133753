using Governance.Api.Commands;
using System.Globalization;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Proposals;

/// <summary>
/// One proposal's full record in plain Dutch (issue 5 §4; the timeline links here): every text version, every question,
/// objection and concern and what was done with it (R21), each vote with its tally per option, recusals (R16), and
/// advice with its due date and the motivation or "te laat" (R9). Public, like the ledger.
/// </summary>
public sealed class BesluitModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals, MeetingQueries meetings, TimeProvider clock)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    public ProposalView? Proposal { get; private set; }

    public string? MeetingTitle { get; private set; }

    public string? ItemTitle { get; private set; }

    public Instant Now { get; private set; }

    public string Record => ProposalTexts.Record(Proposal!, PartnerName, NameOf);

    public TallyPanel? Tally => ProposalTexts.Panel(Proposal!, BasePath, PartnerName);

    /// <summary>An earlier (or the last) round's count in one line: "voor 2 partners (3 gewogen), tegen …".</summary>
    /// <summary>
    /// The count of a closed vote: the weighted votes that decide (R8, R14) in one sentence, the partners behind them in
    /// another, so that no sentence mixes the two bases (issue 13).
    /// </summary>
    public static string Counts(VoteClosed c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Create(CultureInfo.InvariantCulture,
            $"Gewogen stemmen: {c.ForWeight} voor, {c.AgainstWeight} tegen, {c.AbstainWeight} onthouden. Partners: {c.ForCount} voor, {c.AgainstCount} tegen, {c.AbstainCount} onthouden");
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        Proposal = await LoadProposalAsync(cancellationToken);
        if (Proposal is null) return Page();
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (await meetings.GetAsync(Alliance.Id, Proposal.State.Meeting, null, cancellationToken) is { State: Domain.Meetings.Meeting.State.Scheduled m })
        {
            MeetingTitle = DutchFormat.DateTime(m.StartsAt.ToInstant());
            ItemTitle = m.Items.TryGetValue(Proposal.State.Item, out var item) ? item.Title : null;
        }
        return Page();
    }
}
