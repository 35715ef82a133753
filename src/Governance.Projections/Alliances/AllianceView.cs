using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using NodaTime;

namespace Governance.Projections.Alliances;

public sealed record PartnerView(PartnerId Id, string Name, PartnerKind Kind, PartnerBody Body, Instant JoinedAt, Instant? LeftAt, string? LeaveReason)
{
    public bool IsMember => LeftAt is null;
}

public sealed record RepresentativeView(PersonId Person, PartnerId Partner, bool HasMandate, Instant Since);

public sealed record OfficerView(Office Office, PersonId Person, Instant Since);

public sealed record DeclarationView(
    DeclarationId Id, PersonId Person, InterestKind Kind, string Description, PartnerId? Partner, string? Organisation,
    Instant DeclaredAt, Instant? EndedAt)
{
    public bool IsActive => EndedAt is null;
}

/// <summary>One version of the working agreements: when it took effect, by whom, and on which decision.</summary>
public sealed record AgreementsVersionView(int Version, WorkingAgreements Agreements, Instant RecordedAt, string? DecisionReference, string? ActorId);

/// <summary>Everything about one alliance that its pages and API show, folded from its stream.</summary>
public sealed record AllianceView(
    AllianceId Id,
    string Name,
    string Neighbourhood,
    long StreamVersion,
    long TenantPosition,
    Instant FoundedAt,
    IReadOnlyList<PartnerView> Partners,
    IReadOnlyList<RepresentativeView> Representatives,
    IReadOnlyList<OfficerView> Officers,
    IReadOnlyList<PersonId> EscalationContacts,
    IReadOnlyList<DeclarationView> Declarations,
    IReadOnlyList<AgreementsVersionView> AgreementsHistory)
{
    public WorkingAgreements Agreements => AgreementsHistory[^1].Agreements;

    public PartnerView? Partner(PartnerId id) => Partners.LastOrDefault(p => p.Id == id);

    /// <summary>Folds an alliance stream (a live projection: the stream is small, and a fold is always current).</summary>
    public static AllianceView? Fold(IEnumerable<(RecordedEvent Envelope, AllianceEvent Event)> stream)
    {
        AllianceView? view = null;
        foreach (var (envelope, e) in stream) view = Apply(view, envelope, e);
        return view;
    }

    private static AllianceView? Apply(AllianceView? v, RecordedEvent envelope, AllianceEvent e)
    {
        var at = Instant.FromDateTimeOffset(envelope.RecordedAt);
        if (e is AllianceFounded f)
            return new AllianceView(f.Alliance, f.Name, f.Neighbourhood, envelope.StreamVersion, envelope.TenantPosition, at, [], [], [], [], [], []);
        if (v is null) return null;
        v = v with { StreamVersion = envelope.StreamVersion, TenantPosition = envelope.TenantPosition };
        return e switch
        {
            WorkingAgreementsAdopted a => v with { AgreementsHistory = [.. v.AgreementsHistory, new(a.Agreements.Version, a.Agreements, at, null, envelope.Metadata.ActorId)] },
            WorkingAgreementsAmended a => v with { AgreementsHistory = [.. v.AgreementsHistory, new(a.Agreements.Version, a.Agreements, at, a.DecisionReference, envelope.Metadata.ActorId)] },
            PartnerAdmitted p => v with { Partners = [.. v.Partners, new(p.Partner, p.Name, p.Kind, p.Body, at, null, null)] },
            PartnerLeft p => v with { Partners = [.. v.Partners.Select(x => x.Id == p.Partner && x.IsMember ? x with { LeftAt = at, LeaveReason = p.Reason } : x)] },
            RepresentativeAppointed r => v with { Representatives = [.. v.Representatives, new(r.Person, r.Partner, r.HasMandate, at)] },
            RepresentativeMandateChanged r => v with { Representatives = [.. v.Representatives.Select(x => x.Person == r.Person && x.Partner == r.Partner ? x with { HasMandate = r.HasMandate } : x)] },
            RepresentativeWithdrawn r => v with { Representatives = [.. v.Representatives.Where(x => !(x.Person == r.Person && x.Partner == r.Partner))] },
            OfficerAppointed o => v with { Officers = [.. v.Officers.Where(x => x.Office != o.Office), new(o.Office, o.Person, at)] },
            OfficeVacated o => v with { Officers = [.. v.Officers.Where(x => x.Office != o.Office)] },
            EscalationContactAssigned c => v with { EscalationContacts = [.. v.EscalationContacts, c.Person] },
            EscalationContactUnassigned c => v with { EscalationContacts = [.. v.EscalationContacts.Where(x => x != c.Person)] },
            InterestDeclared d => v with { Declarations = [.. v.Declarations, new(d.Declaration, d.Person, d.Kind, d.Description, d.Partner, d.Organisation, at, null)] },
            InterestDeclarationEnded d => v with { Declarations = [.. v.Declarations.Select(x => x.Id == d.Declaration && x.IsActive ? x with { EndedAt = at } : x)] },
            _ => v,
        };
    }
}
