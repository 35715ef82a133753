using System.Globalization;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.EventStore;
using Governance.Projections.Alliances;
using NodaTime;

namespace Governance.Api.Demo;

/// <summary>
/// Many promises in one existing alliance, for measuring "Wie beloofde wat" (`bench read`): owned by the member partners in turn
/// (through their first representative), due from 60 days ago to 59 days ahead. Those due already were promised orally 90 days
/// ago (R10 lets an oral promise be recorded later; nothing else may be backdated), the others in a decision. Every sixth has a
/// progress report, every third is fulfilled (late when its day has passed); the sweeper records the rest overdue when it runs.
/// The decider makes every event, and each promise is one append through the ledger. Promise <c>n</c> is <c>{prefix}-{n:00000}</c>.
/// </summary>
public static class PromiseVolume
{
    /// <summary>Appends promises <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 (numbered from 0).</summary>
    public static async Task<int> AppendAsync(Ledger ledger, AllianceView alliance, int first, int count, TimeProvider clock, string prefix = "belofte",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(alliance);
        ArgumentNullException.ThrowIfNull(clock);
        var members = alliance.Partners.Where(p => p.IsMember).Select(p => p.Id).ToHashSet();
        var owners = alliance.Representatives.Where(r => members.Contains(r.Partner)).GroupBy(r => r.Partner).Select(g => g.First()).ToList();
        if (owners.Count == 0) throw new InvalidOperationException($"Alliance {alliance.Id} has no representative to make a promise.");

        var chair = alliance.Officers.Count > 0 ? alliance.Officers[0].Person : (PersonId?)null;

        for (var n = first; n < first + count; n++)
        {
            var owner = owners[n % owners.Count];
            var witness = chair ?? owners[(n + 1) % owners.Count].Person;
            var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
            var due = now.InZone(Commitment.Zone).Date.PlusDays(n % 120 - 60);
            var id = CommitmentId.Parse($"{prefix}-{n.ToString("00000", CultureInfo.InvariantCulture)}");
            var state = Commitment.Initial;
            var events = new List<CommitmentEvent>();
            void Decide(CommitmentCommand command)
            {
                foreach (var e in Commitment.Decide(command, state))
                {
                    events.Add(e);
                    state = Commitment.Evolve(state, e);
                }
            }
            var what = $"Belofte nummer {n} over de buurt";
            Decide(Commitment.DueAt(due) > now
                ? new MakeCommitment(id, owner.Partner, owner.Person, what, due, CommitmentSource.InDecision("speeltuin-2026"), null, now)
                : new MakeCommitment(id, owner.Partner, owner.Person, what, due, CommitmentSource.Orally("Buurtschouw", witness),
                    now - Duration.FromDays(90), now));
            if (n % 6 == 0) Decide(new ReportCommitmentProgress("Er is een begin gemaakt.", now));
            if (n % 3 == 0) Decide(new FulfilCommitment("Gedaan", null, now));
            await ledger.AppendAsync(alliance.Id.Value, id.StreamId, ExpectedVersion.NoStream,
                [.. events.Select(e => new EventData(e, new EventMetadata(owner.Person.Value, "representative")))], cancellationToken);
        }
        return count;
    }
}
