namespace Governance.Api.Auth;

/// <summary>Roles in the words the pages use (Dutch, B1).</summary>
public static class DutchRoleNames
{
    public static string Describe(RoleGrant grant) => Describe(grant, _ => null);

    /// <summary>The role with the partner's name (not its address, <c>bcop</c>) when <paramref name="partnerName"/> knows it.</summary>
    public static string Describe(RoleGrant grant, Func<Domain.PartnerId, string?> partnerName) => grant.Role switch
    {
        Role.Admin when grant.Alliance is null => "beheerder van het hele logboek",
        Role.Admin => "beheerder",
        Role.Chair => "dagvoorzitter",
        Role.Secretary => "secretaris/projectleider",
        Role.Representative => $"vertegenwoordiger van {(grant.Partner is { } p ? partnerName(p) ?? p.Value : "een partner")}",
        Role.CoreGroup => "kerngroep",
        Role.EscalationContact => "escalatiecontactpersoon",
        _ => grant.Role.ToKebab(),
    };
}
