using Governance.Api.Auth;
using Governance.Domain;

namespace Governance.Api.Http;

/// <summary>Who may do what in an alliance, shared by the JSON API and the pages so the two never disagree.</summary>
public static class AllianceRoles
{
    /// <summary>R16: the people at the table may declare interests (their own); the secretary keeps the register.</summary>
    public static readonly IReadOnlyList<Role> InterestRegister = [Role.Admin, Role.Secretary, Role.Chair, Role.Representative, Role.CoreGroup];

    /// <summary>R16: the register is kept by the secretary (and admin); others may only declare for themselves.</summary>
    public static bool MayKeepRegisterFor(this Actor actor, AllianceId alliance, PersonId person) =>
        actor.Person == person || actor.Has(alliance, Role.Admin) || actor.Has(alliance, Role.Secretary);

    /// <summary>A new register entry's id: time-ordered and never reused, so a public reference to it keeps its meaning.</summary>
    // The whole version-7 GUID: time-ordered, with 74 random bits (a 16-hex prefix kept only 12 per millisecond).
    public static DeclarationId NewDeclarationId() => new("d-" + Guid.CreateVersion7().ToString("N"));
}
