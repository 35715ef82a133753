using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Projections.Alliances;
using Governance.Projections.Proposals;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.Proposals;

/// <summary>
/// Advice (R9, issue 5 §4): adopted decisions a partner declined to execute, in three lists: waiting for the
/// partner's motivation, motivation overdue, answered. Public, like the ledger.
/// </summary>
public sealed class AdviesModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals, TimeProvider clock)
    : ProposalPageModel(queries, people, pipeline, proposals)
{
    /// <summary>One of the three lists: its status in the API's words, the page parameter of its page links, and the page shown.</summary>
    public sealed record Section(string Status, string Parameter, Paged<AdviceRow> Rows);

    public Section Pending { get; private set; } = Empty("pending");

    public Section Overdue { get; private set; } = Empty("overdue");

    public Section Answered { get; private set; } = Empty("answered");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        Pending = await SectionAsync("pending", now, cancellationToken);
        Overdue = await SectionAsync("overdue", now, cancellationToken);
        // The newest answer first; the others by due date.
        Answered = await SectionAsync("answered", now, cancellationToken);
        return Page();
    }

    private async Task<Section> SectionAsync(string status, Instant now, CancellationToken cancellationToken)
    {
        var parameter = ParameterOf(status);
        var request = PageRequest.Lenient(int.TryParse(Request.Query[parameter], out var n) ? n : null);
        var (rows, total) = await Proposals.AdviceAsync(Alliance.Id, status, now, request.Page, request.Size, newestAnswerFirst: status == "answered", cancellationToken);
        return new Section(status, parameter, new Paged<AdviceRow>(rows, request, total));
    }

    private static string ParameterOf(string status) => status switch
    {
        "pending" => "pagina-wacht",
        "overdue" => "pagina-te-laat",
        _ => "pagina-gemotiveerd",
    };

    private static Section Empty(string status) => new(status, ParameterOf(status), new Paged<AdviceRow>([], PageRequest.First, 0));
}
