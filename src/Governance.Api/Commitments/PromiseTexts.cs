using System.Globalization;
using Governance.Api.Alliances;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Proposals;
using Governance.Domain.YearPlans;
using Governance.Projections.Commitments;
using NodaTime;

namespace Governance.Api.Commitments;

/// <summary>
/// The words of the promise, year-plan and dispute pages (issue 6): statuses as badges, where a promise comes from,
/// and every event of a promise, a dispute or an advice as one plain Dutch line.
/// </summary>
public static class PromiseTexts
{
    /// <summary>
    /// One line of a history: when it was recorded, when it happened (if earlier) and what happened; <paramref name="Link"/>
    /// is an http(s) address that belongs to it (the evidence of a kept promise), shown as a link, not as text.
    /// </summary>
    public sealed record Line(Instant RecordedAt, Instant? HappenedAt, string Text, string? Link = null);

    /// <summary>The address if it is an absolute http(s) link (what the form accepts), else null: a page links nothing else.</summary>
    public static string? WebLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    /// <summary>Every status of a promise as a word and a badge colour; never colour alone.</summary>
    public static (string Text, string Colour) Badge(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Open => ("open", "azure"),
        CommitmentStatus.Overdue => ("te laat", "red"),
        CommitmentStatus.Fulfilled => ("nagekomen", "lime"),
        CommitmentStatus.FulfilledLate => ("te laat nagekomen", "orange"),
        CommitmentStatus.CannotBeMet => ("kan niet", "purple"),
        CommitmentStatus.Withdrawn => ("ingetrokken", "yellow"),
        _ => (status.ToString(), "yellow"),
    };

    /// <summary>An advice's status (<c>pending</c>, <c>overdue</c>, <c>answered</c>) as a badge.</summary>
    public static (string Text, string Colour) AdviceBadge(string status) => status switch
    {
        "overdue" => ("antwoord te laat", "red"),
        "answered" => ("beantwoord", "lime"),
        _ => ("wacht op antwoord", "yellow"),
    };

    /// <summary>"2 open, 1 te laat" — the counts that are not zero, in the order of the statuses.</summary>
    public static string Counts(IReadOnlyDictionary<CommitmentStatus, int> counts)
    {
        var parts = Enum.GetValues<CommitmentStatus>().Where(s => counts.TryGetValue(s, out var n) && n > 0)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{counts[s]} {Badge(s).Text}")).ToList();
        return parts.Count == 0 ? "geen beloftes" : string.Join(", ", parts);
    }

    /// <summary>R10's keep rate in words: "2 van 3 op tijd nagekomen".</summary>
    public static string KeepRate(KeepRate rate) => rate.Due == 0
        ? "nog geen belofte die al klaar moest zijn"
        : string.Create(CultureInfo.InvariantCulture, $"{rate.KeptOnTime} van {rate.Due} op tijd nagekomen");

    public static string Days(double days) =>
        days == 1 ? "1 dag" : string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"{days:0.#} dagen");

    public static string Days(int days) => days == 1 ? "1 dag" : string.Create(CultureInfo.InvariantCulture, $"{days} dagen");

    public static string SubjectKind(EscalationSubjectKind kind) => kind switch
    {
        EscalationSubjectKind.OverdueCommitment => "een belofte die te laat is",
        EscalationSubjectKind.AdviceWithoutMotivation => "een advies zonder antwoord",
        EscalationSubjectKind.DecisionNotExecuted => "een besluit dat niet is uitgevoerd",
        EscalationSubjectKind.Conduct => "gedrag",
        _ => kind.ToString(),
    };

    public static string Horizon(GoalHorizon horizon) => horizon switch
    {
        GoalHorizon.ShortTerm => "doel voor dit jaar",
        GoalHorizon.LongTerm => "doel voor de lange termijn",
        GoalHorizon.Dream => "droom",
        _ => horizon.ToString(),
    };

    /// <summary>"stap 3 van 4: de escalatiecontactpersoon van het programma (NPSNW)".</summary>
    public static string Step(int step, int steps, string description) =>
        string.Create(CultureInfo.InvariantCulture, $"stap {step} van {steps}: {AgreementTexts.Step(description)}");

    /// <summary>What happened to a promise, in one line per event.</summary>
    public static Line Commitment(LedgerEntry entry, Func<PersonId, string> name, Func<PartnerId, string> partner)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = entry.Event switch
        {
            CommitmentMade m when m.Source.Kind == CommitmentSourceKind.Oral =>
                $"{DutchTerms.PersonOf(name(m.OwnerPerson), partner(m.Owner))} beloofde mondeling: {m.What} Klaar op {DutchFormat.Date(m.Due)}. "
                + $"Dat was {m.Source.Occasion}, met als getuigen {Names(m.Source.Witnesses, name)}. Vastgelegd op {DutchFormat.DateTime(m.RecordedAt)}.",
            CommitmentMade m => $"{DutchTerms.PersonOf(name(m.OwnerPerson), partner(m.Owner))} beloofde: {m.What} Klaar op {DutchFormat.Date(m.Due)}.",
            CommitmentProgressReported p => $"Voortgang: {p.Note}",
            CommitmentDueDateRenegotiated r =>
                $"Nieuwe datum: {DutchFormat.Date(r.NewDue)} in plaats van {DutchFormat.Date(r.PreviousDue)}. Waarom: {r.Reason} Akkoord gegeven door {name(r.AgreedBy)} (afspraak R19).",
            CommitmentFulfilled f => (f.OnTime ? "Nagekomen, op tijd. " : "Nagekomen, maar te laat. ") + $"Bewijs: {f.Evidence}"
                + (f.Link is not null && WebLink(f.Link) is null ? $" ({f.Link})" : ""),
            CommitmentReportedNotPossible n => $"Gemeld dat het niet lukt. Uitleg: {n.Motivation} (afspraak R10)",
            CommitmentWithdrawn w => $"Ingetrokken in overleg. Waarom: {w.Reason} Akkoord gegeven door {name(w.AgreedBy)}.",
            CommitmentBecameOverdue o => $"Te laat: de belofte was niet nagekomen op {DutchFormat.Date(o.Due)}.",
            CommitmentCorrected c => $"Correctie: {Corrected(c, name, partner)} Gecorrigeerd door {name(c.CorrectedBy)} ({Office(c.CorrectedAs)}) omdat: {c.Reason}",
            _ => entry.Type,
        };
        var happened = entry.Event is CommitmentMade made && made.MadeAt != made.RecordedAt ? made.MadeAt : (Instant?)null;
        return new Line(entry.RecordedAt, happened, text, entry.Event is CommitmentFulfilled { Link: var link } ? WebLink(link) : null);
    }

    /// <summary>What a correction of a promise changed, old and new side by side, so the original stays readable.</summary>
    public static string Corrected(CommitmentCorrected c, Func<PersonId, string> name, Func<PartnerId, string> partner)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(partner);
        var parts = new List<string>();
        if (c.Owner != c.PreviousOwner || c.OwnerPerson != c.PreviousOwnerPerson)
            parts.Add($"de belofte is van {DutchTerms.PersonOf(name(c.OwnerPerson), partner(c.Owner))}, niet van {DutchTerms.PersonOf(name(c.PreviousOwnerPerson), partner(c.PreviousOwner))}.");
        if (c.Due != c.PreviousDue)
            parts.Add($"klaar op {DutchFormat.Date(c.Due)}, niet op {DutchFormat.Date(c.PreviousDue)}.");
        return string.Join(" En ", parts);
    }

    /// <summary>The office of who corrected a record, in the pages' words.</summary>
    public static string Office(Domain.Alliances.Office office) => office switch
    {
        Domain.Alliances.Office.Chair => "dagvoorzitter",
        Domain.Alliances.Office.Secretary => "secretaris",
        _ => "vertrouwenspersoon",
    };

    /// <summary>What happened in a dispute, in one line per event.</summary>
    public static Line Escalation(LedgerEntry entry, Func<PersonId, string> name)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = entry.Event switch
        {
            EscalationRaised r => $"{name(r.RaisedBy)} begon het geschil over {SubjectKind(r.Subject.Kind)}. Waarom: {r.Reason}",
            EscalationStepEntered s => string.Create(CultureInfo.InvariantCulture,
                $"Stap {s.Step}: {AgreementTexts.Step(s.Description)}. Antwoord uiterlijk {DutchFormat.DateTime(s.RespondBy)}."),
            EscalationResponseRecorded r => string.Create(CultureInfo.InvariantCulture, $"Antwoord bij stap {r.Step} van {name(r.By)}: {r.Response}"),
            EscalationAdviceGiven a => string.Create(CultureInfo.InvariantCulture,
                $"Advies van {name(a.By)} bij stap {a.Step} ({(a.Solicited ? "gevraagd" : "niet gevraagd")}): {a.Advice}"),
            EscalationStepDeadlineMissed m => string.Create(CultureInfo.InvariantCulture,
                $"Stap {m.Step}: geen antwoord voor {DutchFormat.DateTime(m.RespondBy)}. De termijn is gemist."),
            EscalationMovedToNextStep m when m.DeadlinePassed => string.Create(CultureInfo.InvariantCulture,
                $"Door naar stap {m.ToStep}, omdat de termijn van stap {m.FromStep} voorbij is."),
            EscalationMovedToNextStep m => string.Create(CultureInfo.InvariantCulture,
                $"Door naar stap {m.ToStep} op verzoek van {(m.RequestedBy is { } p ? name(p) : "iemand")}. Waarom: {m.Reason}"),
            EscalationResolved r => string.Create(CultureInfo.InvariantCulture, $"Opgelost bij stap {r.Step}. Uitkomst: {r.Outcome}")
                + (r.Settles.Count == 0 ? "" : $" Dit regelt: {string.Join(", ", r.Settles)}."),
            EscalationReopened r => string.Create(CultureInfo.InvariantCulture, $"Weer geopend bij stap {r.Step} door {name(r.By)}. Waarom: {r.Reason}"),
            _ => entry.Type,
        };
        // One date for one event (issue 13): a step the sweeper moved on began when the previous deadline passed, which is
        // the date the ladder shows, not the morning the sweeper recorded it.
        Instant? happened = entry.Event switch
        {
            EscalationStepEntered s => s.EnteredAt,
            EscalationStepDeadlineMissed m => m.RespondBy,
            _ => null,
        };
        return new Line(entry.RecordedAt, happened == entry.RecordedAt ? null : happened, text);
    }

    /// <summary>What happened to a proposal a dispute refers to; the advice's events in full, the rest by name.</summary>
    public static Line Proposal(LedgerEntry entry, Func<PersonId, string> name, Func<PartnerId, string> partner)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = entry.Event switch
        {
            ProposalTabled t => $"Voorstel ingediend: {t.Title}",
            ExecutionDeclined d => $"{partner(d.Partner)} voert het besluit niet uit. Het is nu een advies aan {partner(d.Partner)}. "
                + $"Reden: {d.Reason} Een schriftelijke uitleg moest er zijn op {DutchFormat.DateTime(d.MotivationDue)} (afspraak R9).",
            AdviceMotivationRecorded m => $"{partner(m.Partner)} gaf uitleg{(m.Late ? ", te laat" : "")}: {m.Motivation}",
            AdviceMotivationOverdue o => $"{partner(o.Partner)} gaf geen uitleg voor {DutchFormat.DateTime(o.Due)}. Het antwoord is te laat.",
            ConsentReached => "Er was consent: niemand had nog een geldig bezwaar.",
            ConsentRoundOpened => "De consentronde begon.",
            ObjectionTested { Finding: ObjectionFinding.ValidObjection } => "Een bezwaar is getoetst: het is een geldig bezwaar.",
            ObjectionTested => "Een bezwaar is getoetst: het is een zorg, geen geldig bezwaar.",
            ProposalWithdrawn => "Het voorstel is ingetrokken.",
            ProposalDeferred => "Het voorstel is uitgesteld.",
            VoteClosed => "De stemming is gesloten.",
            _ => ProposalEventName(entry.Type),
        };
        return new Line(entry.RecordedAt, null, text);
    }

    private static string ProposalEventName(string type) => type switch
    {
        "proposal.amended" => "Het voorstel is aangepast.",
        "proposal.contribution-recorded" => "Er is een inbreng vastgelegd.",
        "proposal.objection-raised" => "Iemand had een bezwaar.",
        "proposal.objection-tested" => "Een bezwaar is getoetst.",
        "proposal.objection-resolved" => "Een bezwaar is opgelost.",
        "proposal.vote-opened" => "De stemming begon.",
        "proposal.representative-recused" => "Een vertegenwoordiger deed niet mee (belang).",
        "proposal.vote-cast" => "Er is een stem uitgebracht.",
        _ => type,
    };

    private static string Names(IReadOnlyList<PersonId> people, Func<PersonId, string> name) =>
        people.Count switch
        {
            0 => "niemand",
            1 => name(people[0]),
            _ => string.Join(", ", people.Take(people.Count - 1).Select(name)) + " en " + name(people[^1]),
        };
}
