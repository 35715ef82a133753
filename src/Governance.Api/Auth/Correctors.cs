using Governance.Domain;
using Governance.Domain.Alliances;

namespace Governance.Api.Auth;

/// <summary>
/// Issue 13: who corrects a record made in error. The domain's <see cref="Corrections.By"/> refuses anyone but the chair or the
/// secretary; the host says in which office the signed-in person acts, so that office is on the record beside the correction.
/// </summary>
public static class Correctors
{
    /// <summary>The roles a correction endpoint and form accept: the chair and the secretary, who keep the record of the table.</summary>
    public static readonly Role[] Roles = [Role.Chair, Role.Secretary];

    /// <summary>The office in which the signed-in person corrects a record: chair first, then secretary; null for neither (the decider refuses).</summary>
    public static Office? OfficeOf(HttpContext http, AllianceId alliance)
    {
        ArgumentNullException.ThrowIfNull(http);
        var actor = http.GetActor()!;
        return actor.Has(alliance, Role.Chair) ? Office.Chair
            : actor.Has(alliance, Role.Secretary) ? Office.Secretary
            : null;
    }
}
