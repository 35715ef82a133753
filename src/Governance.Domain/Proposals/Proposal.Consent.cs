namespace Governance.Domain.Proposals;

/// <summary>The consent round (R8): contributions, objections raised, corrected, tested and resolved, and consent.</summary>
public static partial class Proposal
{
    private static IReadOnlyList<ProposalEvent> OpenRound(OpenConsentRound c, State.Tabled s)
    {
        if (s.Phase == Phase.ConsentRound)
        {
            return [];
        }

        Undecided(s, allowVoid: false);
        return [new ConsentRoundOpened(s.Version, c.Now)];
    }

    private static IReadOnlyList<ProposalEvent> Contribute(RecordContribution c, State.Tabled s)
    {
        InConsentRound(s);
        if (!Enum.IsDefined(c.Kind))
        {
            throw new RuleViolated("consent.contribution-kind-unknown", $"'{c.Kind}' is neither a question nor a reaction.");
        }

        var summary = Required(c.Summary, "consent.summary-required", "A question or reaction is recorded in summary.");
        return [new ContributionRecorded(s.Contributions + 1, c.Kind, c.By, c.Partner, summary, s.Version)];
    }

    private static IReadOnlyList<ProposalEvent> Object(RaiseObjection c, State.Tabled s)
    {
        InConsentRound(s);
        var reasons = Required(c.Reasons, "objection.reasons-required", "An objection gives its reasons.");
        return [new ObjectionRaised(s.Objections.Count + 1, c.By, c.Partner, reasons, s.Version)];
    }

    /// <summary>
    /// Issue 13: who objected, corrected by the chair or the secretary with a reason. Not bound to the round: the record of who
    /// spoke stays correctable after the decision (R21 shows it), and the speaker decides nothing about the outcome. The same
    /// values again decide nothing (a repeated form).
    /// </summary>
    private static IReadOnlyList<ProposalEvent> Correct(CorrectObjection c, State.Tabled s)
    {
        var office = Corrections.By(c.CorrectedAs);
        var objection = KnownObjection(s, c.Objection);
        if ((c.By, c.Partner) == (objection.By, objection.Partner))
        {
            return [];
        }

        var reason = Corrections.Reason(c.Reason);
        return [new ObjectionCorrected(c.Objection, objection.By, objection.Partner, c.By, c.Partner, c.CorrectedBy, office, reason, c.Now)];
    }

    private static IReadOnlyList<ProposalEvent> Test(TestObjection c, State.Tabled s)
    {
        InConsentRound(s);
        var objection = KnownObjection(s, c.Objection);
        if (!Enum.IsDefined(c.Finding))
        {
            throw new RuleViolated("objection.finding-unknown", $"'{c.Finding}' is neither a valid objection nor a concern.");
        }

        if (objection.Finding is { } finding)
        {
            return finding == c.Finding
                ? []
                : throw new RuleViolated("objection.already-tested", $"Objection {c.Objection} was tested as {finding}.");
        }

        return [new ObjectionTested(c.Objection, c.Finding, c.Note?.Trim() ?? string.Empty)];
    }

    private static IReadOnlyList<ProposalEvent> Resolve(ResolveObjection c, State.Tabled s)
    {
        InConsentRound(s);
        var objection = KnownObjection(s, c.Objection);
        switch (objection.Finding)
        {
            case null:
                throw new RuleViolated("objection.untested", $"Objection {c.Objection} has not been tested yet.");
            case ObjectionFinding.Concern:
                throw new RuleViolated("objection.is-a-concern", $"Objection {c.Objection} is a concern: recorded, it does not block.");
        }

        if (!Enum.IsDefined(c.Resolution))
        {
            throw new RuleViolated("objection.resolution-unknown", $"'{c.Resolution}' is not a way to resolve an objection.");
        }

        if (objection.Resolution is { } done)
        {
            return done == c.Resolution
                ? []
                : throw new RuleViolated("objection.already-resolved", $"Objection {c.Objection} was resolved by {done}.");
        }

        var note = c.Note?.Trim() ?? string.Empty;
        return c.Resolution switch
        {
            // Integrated: the text the round decides on is newer than the one objected to.
            ObjectionResolution.Amendment when s.Version <= objection.Version =>
                throw new RuleViolated("objection.not-amended", $"Objection {c.Objection} was raised against version {objection.Version}; amend the proposal first."),
            ObjectionResolution.Amendment => [new ObjectionResolved(c.Objection, c.Resolution, note, s.Version, null, null)],
            ObjectionResolution.Deferral when c.Owner is null || c.Due is null =>
                throw new RuleViolated("objection.deferral-needs-owner-and-date", "A deferred objection has an owner and a date."),
            ObjectionResolution.Deferral => [new ObjectionResolved(c.Objection, c.Resolution, note, null, c.Owner, c.Due)],
            _ => [new ObjectionResolved(c.Objection, c.Resolution, note, null, null, null)],
        };
    }

    private static IReadOnlyList<ProposalEvent> Consent(ReachConsent c, State.Tabled s)
    {
        InConsentRound(s);
        if (s.Objections.Values.FirstOrDefault(o => o.Finding is null) is { } untested)
        {
            throw new RuleViolated("objection.untested", $"Objection {untested.Number} has not been tested yet.");
        }

        // R8: consent is the absence of a valid objection that still stands; concerns do not block.
        if (s.Objections.Values.FirstOrDefault(o => o.Blocks) is { } standing)
        {
            throw new RuleViolated("R8.unresolved-objection", $"Valid objection {standing.Number} has not been resolved.");
        }

        return [new ConsentReached(s.Version, c.Now)];
    }

    private static State.Tabled WithObjection(State.Tabled s, int number, Func<Objection, Objection> change) =>
        s.Objections.TryGetValue(number, out var o) ? s with { Objections = s.Objections.SetItem(number, change(o)) } : s;

    private static Objection KnownObjection(State.Tabled s, int number) =>
        s.Objections.TryGetValue(number, out var o) ? o : throw new RuleViolated("objection.unknown", $"There is no objection {number}.");

    private static void InConsentRound(State.Tabled s)
    {
        if (s.Phase != Phase.ConsentRound)
        {
            Undecided(s, allowVoid: false);
            throw s.Phase == Phase.Voting
                ? new RuleViolated("vote.open", "The round is over: the proposal is being voted on.")
                : new RuleViolated("consent.not-open", "The chair has not opened the consent round.");
        }
    }
}
