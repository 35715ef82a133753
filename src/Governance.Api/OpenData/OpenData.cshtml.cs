using Governance.Api.Alliances;
using Governance.Api.Commands;
using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.OpenData;

/// <summary>The page "Open data": what the alliance publishes as files, and under which licence (CC0, ADR 8).</summary>
public sealed class OpenDataModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline) : AlliancePageModel(queries, people, pipeline)
{
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);
}
