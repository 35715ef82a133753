using Governance.Domain.Meetings;

namespace Governance.Domain.Proposals;

/// <summary>A decision a partner will not carry out becomes advice that partner must answer with a motivation (R9).</summary>
public static partial class Proposal
{
    private static IReadOnlyList<ProposalEvent> Decline(DeclineExecution c, State.Tabled s)
    {
        if (s.Phase != Phase.Adopted)
        {
            throw new RuleViolated("R9.not-adopted", "Only an adopted decision can become advice.");
        }

        if (!s.Concerns.Contains(c.Partner))
        {
            throw new RuleViolated("R9.not-concerned", $"The decision does not concern '{c.Partner}'.");
        }

        if (s.Advice.ContainsKey(c.Partner))
        {
            return [];
        }

        var reason = Required(c.Reason, "R9.reason-required", "Declining says why the partner will not or cannot execute it.");
        if (c.Agreements is null)
        {
            throw new RuleViolated("agreements.incomplete", "Advice applies the working agreements in force.");
        }

        // R9: the motivation is due a lead time after the refusal, counted in Amsterdam civil time like every lead time.
        var due = c.Agreements.AdviceMotivation.DueAfter(c.Now.InZone(Meeting.Zone));
        return [new ExecutionDeclined(c.Partner, c.By, reason, c.Now, due, c.Agreements.Version)];
    }

    private static IReadOnlyList<ProposalEvent> Motivate(RecordAdviceMotivation c, State.Tabled s)
    {
        if (!s.Advice.TryGetValue(c.Partner, out var advice))
        {
            throw new RuleViolated("R9.no-advice", $"The decision is no advice to '{c.Partner}'.");
        }

        var motivation = Required(c.Motivation, "R9.motivation-required", "A motivation is written.");
        if (advice.Motivation is { } recorded)
        {
            return (recorded.Motivation, recorded.FollowsAdvice) == (motivation, c.FollowsAdvice)
                ? []
                : throw new RuleViolated("R9.motivation-recorded", $"'{c.Partner}' has given its motivation already.");
        }

        // A late motivation is still the motivation R9 asks for; the record says it was late.
        return [new AdviceMotivationRecorded(c.Partner, c.By, motivation, c.FollowsAdvice, c.Now, Late: c.Now > advice.Due)];
    }

    private static IReadOnlyList<ProposalEvent> Overdue(RecordAdviceMotivationOverdue c, State.Tabled s) =>
        [.. s.Advice.Values
            .Where(a => a.Motivation is null && !a.Overdue && c.Now > a.Due)
            .OrderBy(a => a.Due)
            .ThenBy(a => a.Partner.Value, StringComparer.Ordinal)
            .Select(a => new AdviceMotivationOverdue(a.Partner, a.Due, c.Now))];
}
