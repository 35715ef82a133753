using Governance.Api.Auth;
using Governance.Api.Escalations;
using Governance.Api.Pages.Allianties;
using Governance.Projections.Alliances;
using Governance.Projections.Escalations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Governance.Api.Pages;

/// <summary>
/// "Geschillen" (R12): the escalation contact's overview of the disputes of every alliance that assigned them, as
/// GET /api/v1/escalations; someone else sees the disputes of the alliances where they may read them
/// (<see cref="EscalationEndpoints.MayRead"/>). Sign in first.
/// </summary>
public sealed class GeschillenModel(EscalationQueries escalations, AllianceQueries alliances, TimeProvider clock) : PageModel
{
    public sealed record Row(AllianceView Alliance, EscalationView Dispute, string Subject, string Href, int AgeDays);

    public Instant Now { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool IsContact { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (HttpContext.GetActor() is not { } actor) return Challenge();
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var shown = new Dictionary<string, (AllianceView Alliance, IReadOnlyList<EscalationView> Disputes)>(StringComparer.Ordinal);
        foreach (var (alliance, _, disputes) in await escalations.ForContactAsync(actor.Person, null, cancellationToken))
        {
            shown[alliance.Id.Value] = (alliance, disputes);
            IsContact = true;
        }
        foreach (var alliance in await alliances.ListAsync(cancellationToken))
        {
            if (shown.ContainsKey(alliance.Id.Value) || !EscalationEndpoints.MayRead(HttpContext, alliance)) continue;
            shown[alliance.Id.Value] = (alliance, await escalations.ListAsync(alliance.Id, null, cancellationToken));
        }
        Rows = [.. shown.Values.OrderBy(a => a.Alliance.Name, StringComparer.CurrentCulture).SelectMany(a => a.Disputes.Select(d =>
        {
            var basePath = $"/allianties/{a.Alliance.Id.Value}";
            var (subject, _) = GeschilModel.SubjectOf(d, basePath);
            return new Row(a.Alliance, d, subject, $"{basePath}/geschillen/{d.Id.Value}", Math.Max(0, (int)Math.Floor((Now - d.Raised.RaisedAt).TotalDays)));
        }))];
        return Page();
    }
}
