using System.Collections.Immutable;
using System.Text.Json;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using NodaTime;

namespace Governance.Projections.Proposals;

/// <summary>
/// One proposal as <see cref="ProposalProjection"/> keeps it (inline: written in the transaction that appends to its stream):
/// the columns the lists filter and sort on, and the whole record the pages and the API show (<see cref="ToView"/>). The same
/// <see cref="Apply"/> folds a stream live (as of an instant), so the document and a live fold cannot disagree.
/// </summary>
public sealed class ProposalDocument
{
    /// <summary>The stream: <c>proposal-&lt;id&gt;</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The proposal's id (without the stream prefix).</summary>
    public string Proposal { get; set; } = "";

    public string Meeting { get; set; } = "";

    public string Item { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The status in kebab-case (<c>advice-pending</c>); a plain string, so that a query can filter on it.</summary>
    public string Status { get; set; } = "";

    /// <summary>Adopted (also when it became advice) or rejected: a line of the decision register.</summary>
    public bool Decided { get; set; }

    public DateTimeOffset TabledAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The stream's version after the last event applied.</summary>
    public long StreamVersion { get; set; }

    /// <summary>The decider's state, in a shape JSON keeps.</summary>
    public ProposalStateData State { get; set; } = null!;

    public List<TextVersionView> Versions { get; set; } = [];

    public List<ContributionView> Contributions { get; set; } = [];

    public List<ObjectionView> Objections { get; set; } = [];

    public List<VoteRoundView> Rounds { get; set; } = [];

    public List<CastView> Casts { get; set; } = [];

    public List<RecusalView> Recusals { get; set; } = [];

    public List<AdviceView> Advice { get; set; } = [];

    public ProposalWithdrawn? Withdrawn { get; set; }

    public ProposalDeferred? Deferred { get; set; }

    public ProposalView ToView() => new(
        ProposalId.Parse(Proposal), State.ToState(), StreamVersion, Instant.FromDateTimeOffset(TabledAt), Versions, Contributions, Objections, Rounds,
        Casts, Recusals, Advice, DecidedAt is { } d ? Instant.FromDateTimeOffset(d) : null, Withdrawn, Deferred);

    /// <summary>
    /// Applies one event of the proposal's stream to <paramref name="document"/> (null before the first) and returns it; null while the
    /// stream holds no tabling. <paramref name="recordedAt"/> is the envelope's time, kept to the microsecond as PostgreSQL stores it.
    /// </summary>
    public static ProposalDocument? Apply(ProposalDocument? document, string stream, ProposalEvent e, long version, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(e);
        var before = document?.State.ToState() ?? Domain.Proposals.Proposal.Initial;
        if (Domain.Proposals.Proposal.Decider.Evolve(before, e) is not Domain.Proposals.Proposal.State.Tabled state) return null;
        var d = document ?? new ProposalDocument { Id = stream };
        var at = Instant.FromDateTimeOffset(Microseconds(recordedAt));
        var round = d.Rounds.Count;
        switch (e)
        {
            case ProposalTabled t:
                d.TabledAt = t.TabledAt.ToDateTimeOffset();
                d.Versions.Add(new(1, t.Text, null, t.TabledAt));
                break;
            case ProposalAmended a:
                d.Versions.Add(new(a.Version, a.Text, a.Reason, a.AmendedAt));
                break;
            case ContributionRecorded c:
                d.Contributions.Add(new(c.Number, c.Kind, c.By, c.Partner, c.Summary, c.Version, at));
                break;
            case ObjectionRaised o:
                d.Objections.Add(new(o.Objection, o.By, o.Partner, o.Reasons, o.Version, at, null, null, null, null, null, null, null));
                break;
            case ObjectionCorrected c:
                Replace(d.Objections, o => o.Number == c.Objection, o => o with { By = c.By, Partner = c.Partner, Corrections = [.. o.Corrections, c] });
                break;
            case ObjectionTested t:
                Replace(d.Objections, o => o.Number == t.Objection, o => o with { Finding = t.Finding, TestNote = t.Note });
                break;
            case ObjectionResolved r:
                Replace(d.Objections, o => o.Number == r.Objection, o => o with
                {
                    Resolution = r.Resolution, ResolutionNote = r.Note, IntegratedInVersion = r.Version, Owner = r.Owner, Due = r.Due,
                });
                break;
            case ConsentReached c:
                d.DecidedAt = c.DecidedAt.ToDateTimeOffset();
                break;
            case VoteOpened o:
                d.Rounds.Add(new(o.Round, o.Ground, o.Version, o.Electorate, o.OpenedAt, null));
                break;
            case VoteCast c:
                d.Casts.Add(new(round, c.Partner, c.By, c.Choice, c.Replaces, c.CastAt));
                break;
            case RepresentativeRecused r:
                d.Recusals.Add(new(round, r.Person, r.Partner, r.Ground, r.Declaration, r.Reason, r.VoidsVote, at));
                break;
            case VoteClosed c when d.Rounds.Count > 0:
                d.Rounds[^1] = d.Rounds[^1] with { Closed = c };
                if (c.Outcome != VoteOutcome.Void) d.DecidedAt = c.ClosedAt.ToDateTimeOffset();
                break;
            case ProposalWithdrawn w:
                d.Withdrawn = w;
                break;
            case ProposalDeferred p:
                d.Deferred = p;
                break;
            case ExecutionDeclined x:
                d.Advice.Add(new(x.Partner, x.By, x.Reason, x.DeclinedAt, x.MotivationDue, x.AgreementsVersion, null, null));
                break;
            case AdviceMotivationRecorded m:
                Replace(d.Advice, a => a.Partner == m.Partner, a => a with { Motivation = m });
                break;
            case AdviceMotivationOverdue o:
                Replace(d.Advice, a => a.Partner == o.Partner, a => a with { OverdueRecordedAt = o.RecordedAt });
                break;
        }

        d.State = ProposalStateData.From(state);
        d.Proposal = state.Id.Value;
        d.Meeting = state.Meeting.Value;
        d.Item = state.Item.Value;
        d.Title = state.Title;
        d.Status = JsonNamingPolicy.KebabCaseLower.ConvertName(state.Status.ToString());
        d.Decided = state.DecidedVersion is not null;
        d.StreamVersion = version;
        return d;
    }

    /// <summary>PostgreSQL keeps microseconds: a time from the clock is cut to them, so a live run, a rebuild and a fold agree.</summary>
    public static DateTimeOffset Microseconds(DateTimeOffset t) => t.AddTicks(-(t.Ticks % 10));

    private static void Replace<T>(List<T> list, Predicate<T> match, Func<T, T> change)
    {
        var index = list.FindIndex(match);
        if (index >= 0) list[index] = change(list[index]);
    }
}

/// <summary>
/// <see cref="Proposal.State.Tabled"/> in a shape JSON writes and reads back unchanged: its dictionaries keyed by ids become lists.
/// A round-trip test holds it to the decider's state.
/// </summary>
public sealed record ProposalStateData(
    ProposalId Id,
    MeetingId Meeting,
    AgendaItemId Item,
    string Title,
    PartnerId ProposerPartner,
    PersonId Proposer,
    IReadOnlyList<PartnerId> Concerns,
    bool UnderWaiver,
    int Version,
    string Text,
    Proposal.Phase Phase,
    int Contributions,
    IReadOnlyList<Proposal.Objection> Objections,
    int Round,
    Electorate? Electorate,
    IReadOnlyList<ProposalStateData.Vote> Ballots,
    IReadOnlyList<ProposalStateData.Recusal> Recused,
    DecisionMethod? Method,
    int? DecidedVersion,
    VoteOutcome? LastVoteOutcome,
    IReadOnlyList<Proposal.Advice> Advice)
{
    public sealed record Vote(PartnerId Partner, PersonId By, VoteChoice Choice);

    public sealed record Recusal(PersonId Person, PartnerId Partner);

    public static ProposalStateData From(Proposal.State.Tabled s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Meeting, s.Item, s.Title, s.ProposerPartner, s.Proposer, [.. s.Concerns], s.UnderWaiver, s.Version, s.Text, s.Phase,
            s.Contributions, [.. s.Objections.Values], s.Round, s.Electorate, [.. s.Ballots.Select(b => new Vote(b.Key, b.Value.By, b.Value.Choice))],
            [.. s.Recused.Select(r => new Recusal(r.Key, r.Value))], s.Method, s.DecidedVersion, s.LastVoteOutcome, [.. s.Advice.Values]);
    }

    public Proposal.State.Tabled ToState() => new(
        Id, Meeting, Item, Title, ProposerPartner, Proposer, [.. Concerns], UnderWaiver, Version, Text, Phase, Contributions,
        Objections.ToImmutableSortedDictionary(o => o.Number, o => o), Round, Electorate,
        Ballots.ToImmutableDictionary(b => b.Partner, b => new Ballot(b.By, b.Choice)),
        Recused.ToImmutableDictionary(r => r.Person, r => r.Partner), Method, DecidedVersion, LastVoteOutcome,
        Advice.ToImmutableDictionary(a => a.Partner, a => a));
}
