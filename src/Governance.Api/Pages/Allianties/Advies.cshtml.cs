using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Projections.Alliances;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Pages.Allianties;

/// <summary>
/// Advice (R9, issue 5 §4): adopted decisions a partner declined to execute, in three lists: waiting for the
/// partner's motivation, motivation overdue, answered. Public, like the ledger.
/// </summary>
public sealed class AdviesModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals, TimeProvider clock)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    public sealed record Row(ProposalView Proposal, AdviceView Advice);

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public IReadOnlyList<Row> Overdue { get; private set; } = [];

    public IReadOnlyList<Row> Answered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var rows = (await Proposals.ListAsync(Alliance.Id, cancellationToken))
            .SelectMany(p => p.Advice.Select(a => new Row(p, a))).OrderBy(r => r.Advice.Due).ToList();
        Pending = [.. rows.Where(r => r.Advice.StatusAt(now) == "pending")];
        Overdue = [.. rows.Where(r => r.Advice.StatusAt(now) == "overdue")];
        Answered = [.. rows.Where(r => r.Advice.StatusAt(now) == "answered").OrderByDescending(r => r.Advice.Motivation!.RecordedAt)];
        return Page();
    }
}
