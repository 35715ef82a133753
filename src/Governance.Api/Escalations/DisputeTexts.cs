using Governance.Api.Commitments;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Escalations;
using Governance.Domain.Proposals;
using Governance.Projections.Escalations;

namespace Governance.Api.Escalations;

/// <summary>
/// The dispute pages' answers to "who missed what" and "what now" (issue 13, R12), shared by "Geschil" and "Geschillen".
/// </summary>
public static class DisputeTexts
{
    /// <summary>
    /// The partners the dispute is about, who were to answer at each step: the owner of the overdue promise, or the
    /// partners that declined the decision (R9). Empty for a dispute about conduct, which names no partner.
    /// </summary>
    public static IReadOnlyList<PartnerId> Concerned(EscalationView dispute)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        var subject = dispute.State.Subject;
        if (subject.Reference is not { } reference) return [];
        return subject.Kind switch
        {
            EscalationSubjectKind.OverdueCommitment =>
                [.. dispute.Commitments.Where(c => c.Id.Value == reference).Select(c => c.State.Owner).Take(1)],
            EscalationSubjectKind.AdviceWithoutMotivation or EscalationSubjectKind.DecisionNotExecuted =>
                [.. dispute.Proposals.Where(p => p.Id == reference).SelectMany(p => p.Events).Select(e => e.Event)
                    .OfType<ExecutionDeclined>().Select(d => d.Partner).Distinct()],
            _ => [],
        };
    }

    /// <summary>"Stadsdeel Nieuw-West gaf geen antwoord vóór …": who missed a step, or that nobody answered when no partner is named.</summary>
    public static string Missed(IReadOnlyList<PartnerId> concerned, Func<PartnerId, string> partnerName, MissedStep missed)
    {
        ArgumentNullException.ThrowIfNull(concerned);
        ArgumentNullException.ThrowIfNull(partnerName);
        ArgumentNullException.ThrowIfNull(missed);
        var who = concerned.Count == 0 ? "Niemand" : Proposals.ProposalTexts.List([.. concerned.Select(partnerName)]);
        return $"{who} gaf geen antwoord voor {DutchFormat.DateTime(missed.RespondBy)}.";
    }

    /// <summary>R12: what happens once the dispute is at the last step of the ladder (<paramref name="lastStep"/>, in Dutch).</summary>
    public static string AfterLastStep(bool deadlinePassed, string lastStep) =>
        (deadlinePassed ? $"Ook de termijn van de laatste stap ({lastStep}) is voorbij. " : $"Dit is de laatste stap van de ladder: {lastStep}. ")
        + "Hoger kan het geschil niet (afspraak R12). Wat nu: bij deze stap wordt besloten hoe het verder gaat. "
        + "De dagvoorzitter, de projectleider of de kerngroep schrijft die uitkomst hier op bij ‘Geschil oplossen’. "
        + "Tot dan blijft het geschil open en staat het in de lijst van geschillen.";
}
