namespace Governance.Domain;

/// <summary>
/// The alliance's own rulebook: every number of R1–R21, versioned. Adopted at founding as version 1
/// (<see cref="Default"/>) and changed only by amendment, each of which raises <see cref="Version"/> by one.
/// Every check that applies one of these numbers records the version it applied.
/// </summary>
public sealed record WorkingAgreements(
    int Version,
    LeadTime DraftAgenda,
    LeadTime Documents,
    LeadTime AgendaItemIntake,
    LeadTime InformationDocuments,
    LeadTime UrgentItems,
    LeadTime ResidentsMeetingAnnouncement,
    LeadTime ResidentsMeetingFlyers,
    LeadTime InformationPeriod,
    Majority Majority,
    LeadTime AdviceMotivation,
    EscalationLadder EscalationLadder,
    VoteWeights VoteWeights,
    bool ProfessionalsMayNotOutnumberResidents,
    OfficeHours OfficeHours,
    Cadence Cadence,
    Quorum Quorum,
    bool SecretVotesUntilClose)
{
    public static WorkingAgreements Default { get; } = new(
        Version: 1,
        DraftAgenda: LeadTime.Days(21), // R1
        Documents: LeadTime.Days(14), // R2
        AgendaItemIntake: LeadTime.Days(15), // R3
        InformationDocuments: LeadTime.Days(7), // R4
        UrgentItems: LeadTime.Hours(48), // R5
        ResidentsMeetingAnnouncement: LeadTime.Days(28), // R6, social media and mail
        ResidentsMeetingFlyers: LeadTime.Days(14), // R6, flyers
        InformationPeriod: LeadTime.Days(14), // R7
        Majority: Majority.Default, // R8
        AdviceMotivation: LeadTime.Days(28), // R9
        EscalationLadder: EscalationLadder.Default, // R12
        VoteWeights: VoteWeights.Default, // R14
        ProfessionalsMayNotOutnumberResidents: true, // R15
        OfficeHours: OfficeHours.Default, // R18
        Cadence: Cadence.Default, // R20
        Quorum: Quorum.Default,
        SecretVotesUntilClose: false);

    /// <summary>
    /// The codes of every number that cannot work as an agreement, empty when all can. Lead times are
    /// valid by construction; what remains are the numbers whose validity depends on each other.
    /// </summary>
    public IReadOnlyList<string> Violations()
    {
        if (DraftAgenda is null || Documents is null || AgendaItemIntake is null || InformationDocuments is null
            || UrgentItems is null || ResidentsMeetingAnnouncement is null || ResidentsMeetingFlyers is null
            || InformationPeriod is null || Majority?.MoreThan is null || AdviceMotivation is null
            || EscalationLadder is null || VoteWeights is null || OfficeHours is null || Cadence is null
            || Quorum?.OfMembers is null)
        {
            return ["agreements.incomplete"];
        }

        var found = new List<string>();
        if (!Majority.IsValid)
        {
            found.Add("R8.majority-invalid");
        }

        if (EscalationLadder.Steps.IsEmpty)
        {
            found.Add("R12.escalation-ladder-empty");
        }

        if (EscalationLadder.Steps.Any(s => s is null || string.IsNullOrWhiteSpace(s.Description) || s.ResponseTime is null))
        {
            found.Add("R12.escalation-step-incomplete");
        }

        if (VoteWeights.ResidentsBody < 1 || VoteWeights.ProfessionalBody < 1)
        {
            found.Add("R14.weight-below-one");
        }

        // R14: "the residents' vote weighs heavier" is the rule itself; only how much heavier is amendable.
        if (VoteWeights.ResidentsBody <= VoteWeights.ProfessionalBody)
        {
            found.Add("R14.residents-weigh-heavier");
        }

        if (OfficeHours.From >= OfficeHours.Until)
        {
            found.Add("R18.office-hours-invalid");
        }

        // R20 says "at least once": zero would switch the rule off, which is not an amendment of a number.
        if (Cadence.ResidentsMeetingsPerQuarter < 1 || Cadence.CoreGroupMeetingsPerMonth < 1 || Cadence.FlyerRoundsPerYear < 1)
        {
            found.Add("R20.cadence-below-one");
        }

        if (!Quorum.IsValid)
        {
            found.Add("agreements.quorum-invalid");
        }

        return found;
    }

    /// <summary>Whether <paramref name="other"/> holds the same numbers, whatever its version.</summary>
    public bool HasSameTermsAs(WorkingAgreements other) => this == other with { Version = Version };
}
