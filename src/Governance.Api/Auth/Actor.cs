using Governance.Domain;

namespace Governance.Api.Auth;

/// <summary>What a person may do in an alliance. Stored as kebab-case strings ("core-group").</summary>
public enum Role
{
    Admin,
    Chair,
    Secretary,
    Representative,
    CoreGroup,
    EscalationContact,
}

/// <summary>
/// One role of a person. <paramref name="Alliance"/> is null only for the system administrator (the first-run admin),
/// who may found alliances. A representative grant names the partner represented.
/// </summary>
public sealed record RoleGrant(AllianceId? Alliance, Role Role, PartnerId? Partner = null);

/// <summary>The signed-in person behind a request, with every role they hold. Anonymous requests have no actor.</summary>
public sealed record Actor(PersonId Person, IReadOnlyList<RoleGrant> Grants)
{
    public bool IsSystemAdmin => Grants.Any(g => g.Alliance is null && g.Role == Role.Admin);

    /// <summary>True when the person holds <paramref name="role"/> in <paramref name="alliance"/> (a system admin is admin everywhere).</summary>
    public bool Has(AllianceId alliance, Role role) =>
        Grants.Any(g => g.Role == role && (g.Alliance == alliance || (role == Role.Admin && g.Alliance is null)));

    public IEnumerable<PartnerId> RepresentedPartners(AllianceId alliance) =>
        Grants.Where(g => g.Alliance == alliance && g.Role == Role.Representative && g.Partner is not null).Select(g => g.Partner!.Value);

    /// <summary>The roles held in <paramref name="alliance"/>, for event metadata and display.</summary>
    public IEnumerable<Role> RolesIn(AllianceId alliance) =>
        Grants.Where(g => g.Alliance == alliance || (g.Alliance is null && g.Role == Role.Admin)).Select(g => g.Role).Distinct();
}

public static class RoleNames
{
    public static string ToKebab(this Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Chair => "chair",
        Role.Secretary => "secretary",
        Role.Representative => "representative",
        Role.CoreGroup => "core-group",
        Role.EscalationContact => "escalation-contact",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? value, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToKebab(), value, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}

public static class ActorHttpContextExtensions
{
    private static readonly object Key = new();

    /// <summary>The authenticated actor of this request, or null for the anonymous public.</summary>
    public static Actor? GetActor(this HttpContext context) => context.Items.TryGetValue(Key, out var actor) ? actor as Actor : null;

    /// <summary>Set once per request by the authentication middleware, after it has loaded the person's role grants.</summary>
    public static void SetActor(this HttpContext context, Actor actor) => context.Items[Key] = actor;
}
