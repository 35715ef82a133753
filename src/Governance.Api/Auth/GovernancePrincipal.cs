using System.Security.Claims;
using Governance.Domain;

namespace Governance.Api.Auth;

/// <summary>What an authenticated principal carries: only the PersonId (claim <c>sub</c>), and on a session cookie the security stamp. Roles are read per request.</summary>
public static class GovernancePrincipal
{
    public const string PersonClaim = "sub";

    /// <summary>On a session cookie: the account's security stamp at sign-in (see <see cref="AccountService.EndSessionsAsync"/>).</summary>
    public const string SecurityStampClaim = "stamp";

    public static ClaimsPrincipal For(PersonId person, string authenticationType, params Claim[] extra) =>
        new(new ClaimsIdentity([new Claim(PersonClaim, person.Value), .. extra], authenticationType, PersonClaim, "role"));

    public static PersonId? PersonOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && PersonId.TryParse(user.FindFirst(PersonClaim)?.Value, out var person) ? person : null;
}
