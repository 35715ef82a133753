using System.Globalization;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.EventStore;
using Governance.Projections.Alliances;
using NodaTime;

namespace Governance.Api.Demo;

/// <summary>
/// Many decisions in one existing alliance, for measuring the decision pages (`seed decisions`) and for tests of their page links:
/// each a proposal tabled by the first representative with mandate, a consent round and consent; every tenth is declined by a
/// concerned partner and so becomes advice (R9). The decider makes every event, and each proposal is one append through the ledger.
/// Decision <c>n</c> is <c>{prefix}-{n:00000}</c>, numbered from <c>first</c> (1 unless a run continues where another stopped).
/// </summary>
public static class DecisionVolume
{
    public static async Task<int> AppendAsync(Ledger ledger, AllianceView alliance, int count, TimeProvider clock, string prefix = "volume",
        int first = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(alliance);
        ArgumentNullException.ThrowIfNull(clock);
        var members = alliance.Partners.Where(p => p.IsMember).Select(p => p.Id).ToHashSet();
        var speakers = alliance.Representatives.Where(r => r.HasMandate && members.Contains(r.Partner)).ToList();
        if (speakers.Count == 0) throw new InvalidOperationException($"Alliance {alliance.Id} has no representative with mandate to table a proposal.");
        var proposer = speakers[0];
        var decliner = speakers.FirstOrDefault(r => r.Partner != proposer.Partner) ?? proposer;
        var meeting = MeetingId.Parse(prefix);
        var item = AgendaItemId.Parse(prefix);

        for (var i = first; i < first + count; i++)
        {
            var number = i.ToString("00000", CultureInfo.InvariantCulture);
            var id = ProposalId.Parse($"{prefix}-{number}");
            var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
            var state = Proposal.Initial;
            var events = new List<ProposalEvent>();
            void Decide(ProposalCommand command)
            {
                foreach (var e in Proposal.Decide(command, state))
                {
                    events.Add(e);
                    state = Proposal.Evolve(state, e);
                }
            }
            Decide(new TableProposal(id, meeting, item, $"Besluit {number}", $"De alliantie besluit over onderwerp {number}.", proposer.Partner,
                proposer.Person, [decliner.Partner], Decidability.Yes(item, underWaiver: false, alliance.Agreements.Version), now));
            Decide(new OpenConsentRound(now));
            Decide(new ReachConsent(now));
            if (i % 10 == 0) Decide(new DeclineExecution(decliner.Partner, decliner.Person, "Geen budget dit jaar.", alliance.Agreements, now));
            await ledger.AppendAsync(alliance.Id.Value, id.StreamId, ExpectedVersion.NoStream,
                [.. events.Select(e => new EventData(e, new EventMetadata(proposer.Person.Value, "representative")))], cancellationToken);
        }
        return count;
    }
}
