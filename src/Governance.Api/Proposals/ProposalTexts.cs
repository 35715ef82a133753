using System.Globalization;
using Governance.Api.Presentation;
using Governance.Api.Proposals;
using Governance.Domain;
using Governance.Domain.Proposals;
using Governance.Projections.Proposals;
using NodaTime;

namespace Governance.Api.Proposals;

/// <summary>
/// The words of the decision pages (issue 5 §4): statuses, choices, findings and resolutions, and the record of a
/// decision as one plain Dutch sentence ("Aangenomen met 9 van 13 gewogen stemmen; Ymere onthield zich; bezwaar van
/// BCOP verwerkt in versie 2"). <paramref name="partnerName"/> and <paramref name="personName"/> give names, not ids.
/// </summary>
public static class ProposalTexts
{
    public static (string Text, string Colour) Status(ProposalStatus status) => status switch
    {
        ProposalStatus.Tabled => ("ingediend", "azure"),
        ProposalStatus.ConsentRound => ("consentronde", "yellow"),
        ProposalStatus.Voting => ("stemming", "yellow"),
        ProposalStatus.Adopted => ("aangenomen", "lime"),
        ProposalStatus.Rejected => ("verworpen", "red"),
        ProposalStatus.Void => ("stemming ongeldig", "orange"),
        ProposalStatus.Withdrawn => ("ingetrokken", "purple"),
        ProposalStatus.Deferred => ("uitgesteld", "purple"),
        ProposalStatus.AdvicePending => ("advies: wacht op motivatie", "orange"),
        ProposalStatus.AdviceAnswered => ("advies: gemotiveerd", "lime"),
        ProposalStatus.AdviceOverdue => ("advies: motivatie te laat", "red"),
        _ => (status.ToString(), "azure"),
    };

    public static string Method(DecisionMethod? method) => method switch
    {
        DecisionMethod.Consent => "met consent",
        DecisionMethod.Vote => "met een stemming",
        _ => "nog niet besloten",
    };

    public static string Choice(VoteChoice choice) => choice switch
    {
        VoteChoice.For => "voor",
        VoteChoice.Against => "tegen",
        _ => "onthouden",
    };

    public static string Ground(VoteGround ground) => ground switch
    {
        VoteGround.ConsentFailed => "er kwam geen consent (afspraak R8)",
        VoteGround.AgendaDeadlock => "de partners komen er niet uit over de agenda (afspraak R13)",
        VoteGround.YearPlanningDeadlock => "de partners komen er niet uit over de jaarplanning (afspraak R13)",
        VoteGround.BudgetDeadlock => "de partners komen er niet uit over een budget (afspraak R13)",
        _ => ground.ToString(),
    };

    /// <summary>The ground as a clause after "omdat", in Dutch subordinate word order (the verb last).</summary>
    public static string Because(VoteGround ground) => ground switch
    {
        VoteGround.ConsentFailed => "er geen consent kwam (afspraak R8)",
        VoteGround.AgendaDeadlock => "de partners er niet uit kwamen over de agenda (afspraak R13)",
        VoteGround.YearPlanningDeadlock => "de partners er niet uit kwamen over de jaarplanning (afspraak R13)",
        VoteGround.BudgetDeadlock => "de partners er niet uit kwamen over een budget (afspraak R13)",
        _ => ground.ToString(),
    };

    public static string Finding(ObjectionFinding? finding) => finding switch
    {
        ObjectionFinding.ValidObjection => "geldig bezwaar",
        ObjectionFinding.Concern => "zorg (houdt het besluit niet tegen)",
        _ => "nog niet getoetst",
    };

    public static string Contribution(ContributionKind kind) => kind == ContributionKind.Question ? "Vraag" : "Reactie";

    public static string Outcome(VoteOutcome outcome) => outcome switch
    {
        VoteOutcome.Adopted => "aangenomen",
        VoteOutcome.Rejected => "verworpen",
        _ => "ongeldig: er waren te weinig partners aanwezig om te mogen stemmen",
    };

    public static string AdviceStatus(string status) => status switch
    {
        "answered" => "gemotiveerd",
        "overdue" => "motivatie te laat",
        _ => "wacht op motivatie",
    };

    public static string AdviceColour(string status) => status switch
    {
        "answered" => "lime",
        "overdue" => "red",
        _ => "orange",
    };

    /// <summary>"3 van de 8 partners zijn aanwezig. Dat is genoeg om te mogen stemmen." — the quorum in words, without the word.</summary>
    public static string Quorum(QuorumStatus quorum)
    {
        ArgumentNullException.ThrowIfNull(quorum);
        var present = $"{quorum.MembersPresent} van de {quorum.Members} partners zijn aanwezig";
        // The working agreements call this the quorum; a resident needs only to know whether there may be a vote.
        if (quorum.Met) return present + ". Dat is genoeg om te mogen stemmen.";
        return present + (quorum.ResidentsCollectivePresent
            ? ". Dat is te weinig om te mogen stemmen."
            : ". Het bewonerscollectief is er niet. Zonder het bewonerscollectief mag er niet gestemd worden.");
    }

    /// <summary>What was done with an objection or concern (R21), in a few words.</summary>
    public static string Resolution(ObjectionView o, Func<PersonId, string> personName)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(personName);
        return o.Finding switch
        {
            null => "nog niet getoetst",
            ObjectionFinding.Concern => "genoteerd als zorg",
            _ => o.Resolution switch
            {
                ObjectionResolution.Amendment => $"verwerkt in versie {o.IntegratedInVersion}",
                ObjectionResolution.Withdrawal => "ingetrokken",
                ObjectionResolution.Deferral => $"uitgesteld: {(o.Owner is { } owner ? personName(owner) : "iemand")} komt erop terug"
                    + (o.Due is { } due ? $" voor {DutchFormat.Date(due)}" : ""),
                _ => "nog niet opgelost",
            },
        };
    }

    /// <summary>The record in one sentence, as the register and the decision page show it.</summary>
    public static string Record(ProposalView v, Func<PartnerId, string> partnerName, Func<PersonId, string> personName)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(partnerName);
        var parts = new List<string>();
        var s = v.State;
        var round = v.LastRound;
        if (s.Phase == Proposal.Phase.Withdrawn) parts.Add("Ingetrokken");
        else if (s.Phase == Proposal.Phase.Deferred) parts.Add("Uitgesteld");
        else if (s.Method == DecisionMethod.Consent) parts.Add($"Aangenomen met consent, in versie {s.DecidedVersion}");
        else if (round?.Closed is { } closed)
        {
            var counted = closed.ForWeight + closed.AgainstWeight + (round.Electorate.Majority.AbstentionsCount ? closed.AbstainWeight : 0);
            parts.Add(closed.Outcome switch
            {
                VoteOutcome.Adopted => string.Create(CultureInfo.InvariantCulture, $"Aangenomen met {closed.ForWeight} van {counted} gewogen stemmen"),
                VoteOutcome.Rejected => string.Create(CultureInfo.InvariantCulture, $"Verworpen: {closed.ForWeight} van {counted} gewogen stemmen voor"),
                _ => "Stemming ongeldig: er waren te weinig partners aanwezig om te mogen stemmen",
            });
            var ballots = Ballots(v, round.Round);
            var abstained = round.Electorate.Partners.Where(p => ballots.TryGetValue(p.Partner, out var c) && c == VoteChoice.Abstain)
                .Select(p => partnerName(p.Partner)).ToList();
            if (abstained.Count > 0) parts.Add($"{List(abstained)} {(abstained.Count == 1 ? "onthield" : "onthielden")} zich");
        }
        else if (s.Phase == Proposal.Phase.Voting) parts.Add("De stemming is bezig");
        else if (s.Phase == Proposal.Phase.ConsentRound) parts.Add("De consentronde is bezig");
        else parts.Add("Ingediend, nog niet besproken");

        foreach (var r in v.Recusals.GroupBy(r => r.Person).Select(g => g.First()))
            parts.Add($"{DutchTerms.PersonOf(personName(r.Person), partnerName(r.Partner))} stemde niet mee vanwege een belang");
        foreach (var o in v.Objections)
        {
            var by = o.Partner is { } p ? partnerName(p) : personName(o.By);
            parts.Add(o.Finding == ObjectionFinding.Concern ? $"zorg van {by} genoteerd" : $"bezwaar van {by} {Resolution(o, personName)}");
        }
        foreach (var a in v.Advice)
            parts.Add($"{partnerName(a.Partner)} voert het niet uit: het is een advies geworden");
        return string.Join("; ", parts) + ".";
    }

    /// <summary>The latest choice per partner in a round, without votes a recusal voided.</summary>
    public static IReadOnlyDictionary<PartnerId, VoteChoice> Ballots(ProposalView v, int round)
    {
        ArgumentNullException.ThrowIfNull(v);
        var ballots = new Dictionary<PartnerId, VoteChoice>();
        foreach (var c in v.Casts.Where(c => c.Round == round)) ballots[c.Partner] = c.Choice;
        foreach (var r in v.Recusals.Where(r => r.Round == round && r.VoidsVote)) ballots.Remove(r.Partner);
        return ballots;
    }

    /// <summary>"A", "A en B", "A, B en C".</summary>
    public static string List(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count switch
        {
            0 => "",
            1 => items[0],
            _ => string.Join(", ", items.Take(items.Count - 1)) + " en " + items[^1],
        };
    }

    /// <summary>The tally as the pages show it: names, weights and, when not secret, the choices (from the API's own shape).</summary>
    public static TallyPanel? Panel(ProposalView v, string allianceBase, Func<PartnerId, string> partnerName)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(partnerName);
        if (ProposalResponses.Tally(v) is not { } tally || v.LastRound is not { } round) return null;
        var weights = round.Electorate.Partners.ToDictionary(p => p.Partner.Value, p => p.Weight, StringComparer.Ordinal);
        var choices = tally.Options?.SelectMany(o => o.Partners.Select(p => (p, o.Choice))).ToDictionary(x => x.p, x => x.Choice, StringComparer.Ordinal);
        var rows = round.Electorate.Partners.Select(p =>
        {
            var id = p.Partner.Value;
            var state = tally.Voted.Contains(id) ? "heeft gestemd"
                : !tally.Open ? "niet gestemd"
                : tally.NotYetVoted.Contains(id) ? "nog niet gestemd" : "kan niet stemmen";
            return new TallyRow(partnerName(p.Partner), p.Weight, state,
                choices is not null && choices.TryGetValue(id, out var c) ? Choice(c) : null);
        }).ToList();
        var options = tally.Options?.Select(o => new TallyOption(Choice(o.Choice), [.. o.Partners.Select(p => partnerName(PartnerId.Parse(p)))], o.Count, o.Weight)).ToList();
        var summary = string.Create(CultureInfo.InvariantCulture, $"{tally.Voted.Count} van de {round.Electorate.Partners.Length} partners {(tally.Voted.Count == 1 ? "heeft" : "hebben")} gestemd.")
            + (tally.Open ? " De stemming is open." : $" De stemming is gesloten: {Outcome(tally.Outcome ?? VoteOutcome.Void)}.");
        var path = $"{allianceBase}/besluiten/{v.Id.Value}/stemming";
        // The bars only where the choices may be seen (not while a secret vote is open).
        var chart = tally.Options is { } counted
            ? VoteChart.For(v.Id.Value, tally.Open, WeightOf(counted, VoteChoice.For), WeightOf(counted, VoteChoice.Against), WeightOf(counted, VoteChoice.Abstain),
                round.Electorate.Partners.Where(p => p.Present).Sum(p => p.Weight), round.Electorate.Majority)
            : null;
        return new TallyPanel(tally.Open, tally.SecretUntilClose, rows, options, Quorum(tally.Quorum), summary, v.StreamVersion,
            $"/api/v1/alliances{allianceBase["/allianties".Length..]}/proposals/{v.Id.Value}/tally/stream", path, chart);
    }

    private static int WeightOf(IEnumerable<OptionResponse> options, VoteChoice choice) => options.Where(o => o.Choice == choice).Sum(o => o.Weight);

    /// <summary>Issue 13: who spoke, in the pages' words: "Anna de Vries (Ymere)", or "Anna de Vries (in eigen naam)".</summary>
    public static string Speaker(PersonId by, PartnerId? partner, Func<PersonId, string> name, Func<PartnerId, string> partnerName)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(partnerName);
        return partner is { } p ? DutchTerms.PersonOf(name(by), partnerName(p)) : $"{name(by)} (in eigen naam)";
    }
}

public sealed record TallyRow(string Partner, int Weight, string State, string? Choice);

public sealed record TallyOption(string Choice, IReadOnlyList<string> Partners, int Count, int Weight);

/// <summary>
/// The live tally (partial _Stemmingsstand): <see cref="Options"/> is null while a secret vote is open.
/// <see cref="Stream"/> is the server-sent-events address, <see cref="Source"/> the public page the script re-reads.
/// <see cref="Chart"/> draws the weighted votes with the majority line, when the choices may be seen.
/// </summary>
public sealed record TallyPanel(
    bool Open, bool Secret, IReadOnlyList<TallyRow> Rows, IReadOnlyList<TallyOption>? Options, string Quorum, string Summary,
    long Version, string Stream, string Source, Governance.Api.Presentation.Charts.BarChart? Chart = null);
