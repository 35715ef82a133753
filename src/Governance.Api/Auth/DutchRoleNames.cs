namespace Governance.Api.Auth;

/// <summary>Roles in the words the pages use (Dutch, B1).</summary>
public static class DutchRoleNames
{
    public static string Describe(RoleGrant grant) => grant.Role switch
    {
        Role.Admin when grant.Alliance is null => "beheerder van het hele logboek",
        Role.Admin => "beheerder",
        Role.Chair => "dagvoorzitter",
        Role.Secretary => "secretaris/projectleider",
        Role.Representative => $"vertegenwoordiger van {grant.Partner}",
        Role.CoreGroup => "kerngroep",
        Role.EscalationContact => "escalatiecontactpersoon",
        _ => grant.Role.ToKebab(),
    };
}
