using Governance.Domain;
using Governance.Domain.Proposals;
using Governance.EventStore;
using NodaTime;

namespace Governance.Projections.Proposals;

/// <summary>One version of a proposal's text; version 1 has no reason.</summary>
public sealed record TextVersionView(int Version, string Text, string? Reason, Instant At);

public sealed record ContributionView(int Number, ContributionKind Kind, PersonId? By, PartnerId? Partner, string Summary, int Version, Instant RecordedAt);

/// <summary>An objection and everything the round did with it (R21).</summary>
public sealed record ObjectionView(
    int Number,
    PersonId By,
    PartnerId? Partner,
    string Reasons,
    int Version,
    Instant RaisedAt,
    ObjectionFinding? Finding,
    string? TestNote,
    ObjectionResolution? Resolution,
    string? ResolutionNote,
    int? IntegratedInVersion,
    PersonId? Owner,
    LocalDate? Due);

/// <summary>One vote as cast (a change is a new line with the choice it replaces), in the round it belongs to.</summary>
public sealed record CastView(int Round, PartnerId Partner, PersonId By, VoteChoice Choice, VoteChoice? Replaces, Instant CastAt);

public sealed record RecusalView(int Round, PersonId Person, PartnerId Partner, RecusalGround Ground, DeclarationId? Declaration, string? Reason, bool VoidsVote, Instant RecordedAt);

/// <summary>One vote (a void vote can be held again): its snapshot and, once closed, its count.</summary>
public sealed record VoteRoundView(int Round, VoteGround Ground, int Version, Electorate Electorate, Instant OpenedAt, VoteClosed? Closed);

/// <summary>R9: advice to one partner. Its status is judged at read time, like every deadline.</summary>
public sealed record AdviceView(
    PartnerId Partner,
    PersonId By,
    string Reason,
    Instant DeclinedAt,
    Instant Due,
    int AgreementsVersion,
    AdviceMotivationRecorded? Motivation,
    Instant? OverdueRecordedAt)
{
    /// <summary><c>answered</c>, <c>overdue</c> (due passed without a motivation, whether or not the sweeper has recorded it yet) or <c>pending</c>.</summary>
    public string StatusAt(Instant now) => Motivation is not null ? "answered" : OverdueRecordedAt is not null || now > Due ? "overdue" : "pending";
}

/// <summary>A proposal as its stream folds with <see cref="Proposal.Decider"/>, plus the history the state keeps only in its latest form.</summary>
public sealed record ProposalView(
    ProposalId Id,
    Proposal.State.Tabled State,
    long StreamVersion,
    Instant TabledAt,
    IReadOnlyList<TextVersionView> Versions,
    IReadOnlyList<ContributionView> Contributions,
    IReadOnlyList<ObjectionView> Objections,
    IReadOnlyList<VoteRoundView> Rounds,
    IReadOnlyList<CastView> Casts,
    IReadOnlyList<RecusalView> Recusals,
    IReadOnlyList<AdviceView> Advice,
    Instant? DecidedAt,
    ProposalWithdrawn? Withdrawn,
    ProposalDeferred? Deferred)
{
    public VoteRoundView? LastRound => Rounds.Count == 0 ? null : Rounds[^1];

    public string? DecidedText => State.DecidedVersion is { } v ? Versions.FirstOrDefault(t => t.Version == v)?.Text : null;
}

/// <summary>Reads proposals by folding their streams (live), optionally as they stood at an instant, like the meeting queries.</summary>
public sealed class ProposalQueries(Ledger store)
{
    public async Task<ProposalView?> GetAsync(AllianceId alliance, ProposalId proposal, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(alliance.Value, proposal.StreamId, asOf, cancellationToken);
        return Fold(proposal, events.Select(e => (e, (ProposalEvent)e.Data)));
    }

    /// <summary>Every proposal of an alliance (streams of type <c>proposal</c>), in the order they were tabled.</summary>
    public async Task<IReadOnlyList<ProposalView>> ListAsync(AllianceId alliance, CancellationToken cancellationToken = default)
    {
        var views = new List<ProposalView>();
        foreach (var stream in await store.ListStreamsAsync(alliance.Value, "proposal-", cancellationToken))
        {
            if (!stream.StartsWith("proposal-", StringComparison.Ordinal) || !ProposalId.TryParse(stream["proposal-".Length..], out var id)) continue;
            if (await GetAsync(alliance, id, cancellationToken: cancellationToken) is { } view) views.Add(view);
        }
        return [.. views.OrderBy(v => v.TabledAt).ThenBy(v => v.Id.Value, StringComparer.Ordinal)];
    }

    /// <summary>Folds one proposal stream; null when it holds no tabling.</summary>
    public static ProposalView? Fold(ProposalId id, IEnumerable<(RecordedEvent Envelope, ProposalEvent Event)> stream)
    {
        var state = Proposal.Initial;
        long version = 0;
        Instant tabledAt = default;
        Instant? decidedAt = null;
        ProposalWithdrawn? withdrawn = null;
        ProposalDeferred? deferred = null;
        var versions = new List<TextVersionView>();
        var contributions = new List<ContributionView>();
        var objections = new List<ObjectionView>();
        var rounds = new List<VoteRoundView>();
        var casts = new List<CastView>();
        var recusals = new List<RecusalView>();
        var advice = new List<AdviceView>();
        foreach (var (envelope, e) in stream)
        {
            state = Proposal.Decider.Evolve(state, e);
            version = envelope.StreamVersion;
            var at = Instant.FromDateTimeOffset(envelope.RecordedAt);
            var round = rounds.Count;
            switch (e)
            {
                case ProposalTabled t:
                    tabledAt = t.TabledAt;
                    versions.Add(new(1, t.Text, null, t.TabledAt));
                    break;
                case ProposalAmended a:
                    versions.Add(new(a.Version, a.Text, a.Reason, a.AmendedAt));
                    break;
                case ContributionRecorded c:
                    contributions.Add(new(c.Number, c.Kind, c.By, c.Partner, c.Summary, c.Version, at));
                    break;
                case ObjectionRaised o:
                    objections.Add(new(o.Objection, o.By, o.Partner, o.Reasons, o.Version, at, null, null, null, null, null, null, null));
                    break;
                case ObjectionTested t:
                    Replace(objections, t.Objection, o => o with { Finding = t.Finding, TestNote = t.Note });
                    break;
                case ObjectionResolved r:
                    Replace(objections, r.Objection, o => o with
                    {
                        Resolution = r.Resolution, ResolutionNote = r.Note, IntegratedInVersion = r.Version, Owner = r.Owner, Due = r.Due,
                    });
                    break;
                case ConsentReached c:
                    decidedAt = c.DecidedAt;
                    break;
                case VoteOpened o:
                    rounds.Add(new(o.Round, o.Ground, o.Version, o.Electorate, o.OpenedAt, null));
                    break;
                case VoteCast c:
                    casts.Add(new(round, c.Partner, c.By, c.Choice, c.Replaces, c.CastAt));
                    break;
                case RepresentativeRecused r:
                    recusals.Add(new(round, r.Person, r.Partner, r.Ground, r.Declaration, r.Reason, r.VoidsVote, at));
                    break;
                case VoteClosed c when rounds.Count > 0:
                    rounds[^1] = rounds[^1] with { Closed = c };
                    if (c.Outcome != VoteOutcome.Void) decidedAt = c.ClosedAt;
                    break;
                case ProposalWithdrawn w:
                    withdrawn = w;
                    break;
                case ProposalDeferred d:
                    deferred = d;
                    break;
                case ExecutionDeclined d:
                    advice.Add(new(d.Partner, d.By, d.Reason, d.DeclinedAt, d.MotivationDue, d.AgreementsVersion, null, null));
                    break;
                case AdviceMotivationRecorded m:
                    ReplaceAdvice(advice, m.Partner, a => a with { Motivation = m });
                    break;
                case AdviceMotivationOverdue o:
                    ReplaceAdvice(advice, o.Partner, a => a with { OverdueRecordedAt = o.RecordedAt });
                    break;
            }
        }

        return state is Proposal.State.Tabled tabled
            ? new ProposalView(id, tabled, version, tabledAt, versions, contributions, objections, rounds, casts, recusals, advice, decidedAt, withdrawn, deferred)
            : null;
    }

    private static void Replace(List<ObjectionView> objections, int number, Func<ObjectionView, ObjectionView> change)
    {
        var index = objections.FindIndex(o => o.Number == number);
        if (index >= 0) objections[index] = change(objections[index]);
    }

    private static void ReplaceAdvice(List<AdviceView> advice, PartnerId partner, Func<AdviceView, AdviceView> change)
    {
        var index = advice.FindIndex(a => a.Partner == partner);
        if (index >= 0) advice[index] = change(advice[index]);
    }
}
