using Governance.Domain;
using Governance.Domain.Escalations;
using Governance.Domain.Meetings;
using Governance.Projections.Commitments;
using Governance.Projections.Escalations;
using Governance.Projections.Proposals;

namespace Governance.Api.Meetings;

// The page of one meeting (Vergadering.cshtml.cs): once it was held, what it led to (issue 13): the proposals decided
// there, the promises made at its table or in those decisions (R10), and the disputes about either (R12).
public sealed partial class VergaderingModel
{
    /// <summary>What a past meeting led to; null while the meeting has not been held.</summary>
    public sealed record Outcome(IReadOnlyList<ProposalView> Proposals, IReadOnlyList<CommitmentView> Promises, IReadOnlyList<DisputeRow> Disputes);

    public Outcome? HeldOutcome { get; private set; }

    private async Task LoadOutcomeAsync(CancellationToken cancellationToken)
    {
        if (Scheduled is not { Phase: MeetingPhase.Open or MeetingPhase.Closed }) return;
        var tabled = await proposals.ForMeetingAsync(Alliance.Id, View.Id, cancellationToken);
        var ids = tabled.Select(p => p.Id.Value).ToHashSet(StringComparer.Ordinal);
        var promised = await commitments.MadeAtAsync(Alliance.Id, View.Id, ids, cancellationToken);
        var promiseIds = promised.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        var count = await escalations.CountAsync(Alliance.Id, null, cancellationToken);
        // Disputes are few per alliance; a dispute names its promise or proposal by id.
        var disputes = count == 0 ? [] : (await escalations.ListAsync(Alliance.Id, null, 0, (int)Math.Min(count, 500), cancellationToken)).Items
            .Where(d => d.State.Subject.Reference is { } r && d.State.Subject.Kind switch
            {
                EscalationSubjectKind.OverdueCommitment => promiseIds.Contains(r),
                EscalationSubjectKind.AdviceWithoutMotivation or EscalationSubjectKind.DecisionNotExecuted => ids.Contains(r),
                _ => false,
            })
            .ToList();
        HeldOutcome = new Outcome(tabled, promised, disputes);
        await AddNamesAsync(promised.Select(c => c.State.OwnerPerson), cancellationToken);
    }

    public string DisputeSubject(DisputeRow dispute) => Escalations.GeschilModel.SubjectOf(dispute, BasePath).Text;
}
