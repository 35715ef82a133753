using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Projections.Alliances;

namespace Governance.Api.Alliances;

/// <summary>
/// The working agreements in force, in plain Dutch with their rule numbers, and every version since the founding:
/// when it took effect, on which decision, and which rules it changed. `?versie=N` shows an older version's text.
/// </summary>
public sealed class WerkafsprakenModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline)
    : AlliancePageModel(queries, people, pipeline)
{
    public sealed record VersionRow(AgreementsVersionView Version, IReadOnlyList<string> Changed);

    /// <summary>The version shown: the one in force, or the one asked for.</summary>
    public AgreementsVersionView Shown { get; private set; } = null!;

    public bool IsCurrent => Shown.Version == Alliance.AgreementsHistory[^1].Version;

    public IReadOnlyList<AgreementTexts.Line> Lines { get; private set; } = [];

    /// <summary>Newest first.</summary>
    public IReadOnlyList<VersionRow> History { get; private set; } = [];

    public async Task OnGetAsync(int? versie, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return;
        var history = Alliance.AgreementsHistory;
        Shown = history.FirstOrDefault(v => v.Version == versie) ?? history[^1];
        Lines = AgreementTexts.For(Shown.Agreements);
        History = [.. history.Select((v, i) => new VersionRow(v, i == 0 ? [] : AgreementTexts.Changed(history[i - 1].Agreements, v.Agreements))).Reverse()];
    }
}
