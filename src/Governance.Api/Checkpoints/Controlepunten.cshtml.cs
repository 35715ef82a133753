using Governance.Api.Alliances;
using Governance.Api.Commands;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.EventStore;
using Governance.Projections.Alliances;

namespace Governance.Api.Checkpoints;

/// <summary>The alliance's signed checkpoints for residents: what they are, the newest ones, and where to get them as JSON.</summary>
public sealed class ControlepuntenModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, CheckpointStore checkpoints)
    : AlliancePageModel(queries, people, pipeline)
{
    public Paged<Checkpoint> Shown { get; private set; } = new([], PageRequest.First, 0);

    public async Task OnGetAsync(int? pagina, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return;
        var request = PageRequest.Lenient(pagina);
        var (items, total) = await checkpoints.PageAsync(Alliance.Id.Value, request.Page, request.Size, cancellationToken);
        Shown = new Paged<Checkpoint>(items, request, total);
    }
}
