using System.Text.Json.Serialization;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using NodaTime;

namespace Governance.Projections.Alliances;

public sealed record PartnerView(PartnerId Id, string Name, PartnerKind Kind, PartnerBody Body, Instant JoinedAt, Instant? LeftAt, string? LeaveReason)
{
    [JsonIgnore]
    public bool IsMember => LeftAt is null;
}

public sealed record RepresentativeView(PersonId Person, PartnerId Partner, bool HasMandate, Instant Since);

public sealed record OfficerView(Office Office, PersonId Person, Instant Since);

public sealed record DeclarationView(
    DeclarationId Id, PersonId Person, InterestKind Kind, string Description, PartnerId? Partner, string? Organisation,
    Instant DeclaredAt, Instant? EndedAt)
{
    [JsonIgnore]
    public bool IsActive => EndedAt is null;
}

/// <summary>One version of the working agreements: when it took effect, by whom, and on which decision.</summary>
public sealed record AgreementsVersionView(int Version, WorkingAgreements Agreements, Instant RecordedAt, string? DecisionReference, string? ActorId);

/// <summary>
/// Everything about one alliance that its pages and API show, folded from its stream: kept current in an inline
/// document (<see cref="AllianceProjection"/>), or folded live as it stood at an instant.
/// </summary>
public sealed record AllianceView(
    AllianceId Id,
    string Name,
    string Neighbourhood,
    long StreamVersion,
    Instant FoundedAt,
    IReadOnlyList<PartnerView> Partners,
    IReadOnlyList<RepresentativeView> Representatives,
    IReadOnlyList<OfficerView> Officers,
    IReadOnlyList<PersonId> EscalationContacts,
    IReadOnlyList<DeclarationView> Declarations,
    IReadOnlyList<AgreementsVersionView> AgreementsHistory)
{
    // Not stored with the document: it is derived, and a view folded up to its founding alone has no agreements yet.
    [JsonIgnore]
    public WorkingAgreements Agreements => AgreementsHistory[^1].Agreements;

    public PartnerView? Partner(PartnerId id) => Partners.LastOrDefault(p => p.Id == id);

    /// <summary>Folds an alliance stream as read from the ledger (live, or as it stood at an instant).</summary>
    public static AllianceView? Fold(IEnumerable<(RecordedEvent Envelope, AllianceEvent Event)> stream)
    {
        AllianceView? view = null;
        foreach (var (envelope, e) in stream)
            view = Apply(view, new Envelope(RecordedAt(envelope.RecordedAt), envelope.StreamVersion, envelope.Metadata.ActorId), e);
        return view;
    }

    /// <summary>
    /// A recorded time as the ledger keeps it: PostgreSQL stores microseconds, so the inline document (which sees the
    /// event before it is stored) drops the rest, exactly as a fold of the stored events does.
    /// </summary>
    public static Instant RecordedAt(DateTimeOffset recorded)
    {
        var ticks = recorded.UtcTicks;
        return Instant.FromDateTimeOffset(new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero));
    }

    /// <summary>What a fold step needs from an event's envelope: when it was recorded, the stream version after it, and who did it.</summary>
    public readonly record struct Envelope(Instant RecordedAt, long StreamVersion, string? ActorId);

    /// <summary>One step of the fold: the same for the live fold and the inline document, so the two never disagree.</summary>
    public static AllianceView? Apply(AllianceView? v, Envelope envelope, AllianceEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var at = envelope.RecordedAt;
        if (e is AllianceFounded f)
            return new AllianceView(f.Alliance, f.Name, f.Neighbourhood, envelope.StreamVersion, at, [], [], [], [], [], []);
        if (v is null) return null;
        v = v with { StreamVersion = envelope.StreamVersion };
        return e switch
        {
            WorkingAgreementsAdopted a => v with { AgreementsHistory = [.. v.AgreementsHistory, new(a.Agreements.Version, a.Agreements, at, null, envelope.ActorId)] },
            WorkingAgreementsAmended a => v with { AgreementsHistory = [.. v.AgreementsHistory, new(a.Agreements.Version, a.Agreements, at, a.DecisionReference, envelope.ActorId)] },
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
