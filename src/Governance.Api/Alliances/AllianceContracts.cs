using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.Projections.Alliances;

namespace Governance.Api.Alliances;

// What the alliance API reads and writes. Enum fields are kebab-case strings ("housing-corporation").

public sealed record FoundAllianceRequest(string? Id, string? Name, string? Neighbourhood);
public sealed record AdmitPartnerRequest(string? Id, string? Name, string? Kind, string? Body);
public sealed record PartnerDepartureRequest(string? Reason);
public sealed record AppointRepresentativeRequest(string? Person, string? Partner, bool? HasMandate);
public sealed record WithdrawRepresentativeRequest(string? Partner);
public sealed record AppointOfficerRequest(string? Office, string? Person, bool? DeclaresNoDirectInterest);
public sealed record VacateOfficeRequest(string? Reason);
public sealed record EscalationContactRequest(string? Person);
public sealed record DeclareInterestRequest(string? Person, string? Kind, string? Description, string? Partner, string? Organisation);
public sealed record AmendAgreementsRequest(WorkingAgreements? Agreements, string? DecisionReference);

public sealed record AllianceSummary(string Id, string Name, string Neighbourhood, int Partners, int AgreementsVersion);

public sealed record PersonRef(string Id, string Name);

public sealed record PartnerResponse(string Id, string Name, PartnerKind Kind, PartnerBody Body, bool IsMember, NodaTime.Instant JoinedAt, NodaTime.Instant? LeftAt, string? LeaveReason);

public sealed record RepresentativeResponse(PersonRef Person, string Partner, bool HasMandate, NodaTime.Instant Since);

public sealed record OfficerResponse(Office Office, PersonRef Person, NodaTime.Instant Since);

public sealed record DeclarationResponse(string Id, PersonRef Person, InterestKind Kind, string Description, string? Partner, string? Organisation, NodaTime.Instant DeclaredAt, NodaTime.Instant? EndedAt);

public sealed record AgreementsVersionResponse(int Version, NodaTime.Instant AdoptedAt, string? DecisionReference, WorkingAgreements Agreements);

public sealed record AllianceResponse(
    string Id, string Name, string Neighbourhood, long Version, long LedgerPosition, NodaTime.Instant FoundedAt,
    IReadOnlyList<PartnerResponse> Partners, IReadOnlyList<RepresentativeResponse> Representatives,
    IReadOnlyList<OfficerResponse> Officers, IReadOnlyList<PersonRef> EscalationContacts,
    int AgreementsVersion, WorkingAgreements Agreements);

public static class AllianceResponses
{
    /// <summary>The alliance as the API shows it; <paramref name="ledgerPosition"/> is its last event's place in the alliance's chain.</summary>
    public static AllianceResponse From(AllianceView v, long ledgerPosition, IReadOnlyDictionary<PersonId, string> names) => new(
        v.Id.Value, v.Name, v.Neighbourhood, v.StreamVersion, ledgerPosition, v.FoundedAt,
        [.. v.Partners.Select(p => new PartnerResponse(p.Id.Value, p.Name, p.Kind, p.Body, p.IsMember, p.JoinedAt, p.LeftAt, p.LeaveReason))],
        [.. v.Representatives.Select(r => new RepresentativeResponse(Person(r.Person, names), r.Partner.Value, r.HasMandate, r.Since))],
        [.. v.Officers.Select(o => new OfficerResponse(o.Office, Person(o.Person, names), o.Since))],
        [.. v.EscalationContacts.Select(c => Person(c, names))],
        v.Agreements.Version, v.Agreements);

    public static DeclarationResponse From(DeclarationView d, IReadOnlyDictionary<PersonId, string> names) =>
        new(d.Id.Value, Person(d.Person, names), d.Kind, d.Description, d.Partner?.Value, d.Organisation, d.DeclaredAt, d.EndedAt);

    public static PersonRef Person(PersonId id, IReadOnlyDictionary<PersonId, string> names) =>
        new(id.Value, names.TryGetValue(id, out var name) ? name : id.Value);

    public static IEnumerable<PersonId> PeopleIn(AllianceView v) =>
        v.Representatives.Select(r => r.Person).Concat(v.Officers.Select(o => o.Person)).Concat(v.EscalationContacts)
            .Concat(v.Declarations.Select(d => d.Person));
}
