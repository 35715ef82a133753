using System.Globalization;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Governance.Projections.Alliances;
using NodaTime;

namespace Governance.Api.Demo;

/// <summary>
/// Many meetings in one existing alliance, for measuring the meeting pages (`bench read`, ops/measure/meetings.sh): weekly from
/// <see cref="FirstDay"/> (three alliance meetings, then a residents' meeting), each with three agenda items from the member partners
/// in turn and one document. The decider makes every event (each command dated as if given weeks before the meeting), and each
/// meeting is one append through the ledger. Meeting <c>n</c> is <c>{prefix}-{n:000}</c>, so a run can continue where another stopped.
/// </summary>
public static class MeetingVolume
{
    public static readonly LocalDate FirstDay = new(2022, 1, 4);

    /// <summary>Appends meetings <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 (numbered from 0).</summary>
    public static async Task<int> AppendAsync(Ledger ledger, AllianceView alliance, int first, int count, string prefix = "vergadering",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(alliance);
        var partners = alliance.Partners.Where(p => p.IsMember).Select(p => p.Id).ToList();
        if (partners.Count == 0) throw new InvalidOperationException($"Alliance {alliance.Id} has no member partner to put items on an agenda.");

        for (var n = first; n < first + count; n++)
        {
            var kind = n % 4 == 3 ? MeetingKind.ResidentsMeeting : MeetingKind.AllianceMeeting;
            var start = FirstDay.PlusDays(7 * n).At(new LocalTime(19, 30));
            var at = start.InZoneLeniently(Meeting.Zone).ToInstant();
            var id = MeetingId.Parse($"{prefix}-{n.ToString("000", CultureInfo.InvariantCulture)}");
            var state = Meeting.Initial;
            var events = new List<MeetingEvent>();
            void Decide(MeetingCommand command)
            {
                foreach (var e in Meeting.Decide(command, state))
                {
                    events.Add(e);
                    state = Meeting.Evolve(state, e);
                }
            }
            Decide(new ScheduleMeeting(id, kind, start, start.PlusHours(2), "Buurthuis De Tump", alliance.Agreements, at - Duration.FromDays(40)));
            for (var i = 0; i < 3; i++)
            {
                Decide(new ProposeAgendaItem(AgendaItemId.Parse($"punt-{i}"), partners[(n + i) % partners.Count], $"Agendapunt {n}.{i} over de buurt",
                    AgendaItemKind.Decision, null, at - Duration.FromDays(14 + (n + i) % 5)));
            }
            Decide(new ShareDocument(DocumentId.Parse("stuk-0"), AgendaItemId.Parse("punt-0"), partners[n % partners.Count], $"Stuk {n}",
                DocumentPurpose.DecisionOrDiscussion, Sha256Digest.FromBytes(new byte[32]), 1000, $"key-{n}", at - Duration.FromDays(13 + n % 3)));
            await ledger.AppendAsync(alliance.Id.Value, id.StreamId, ExpectedVersion.NoStream,
                [.. events.Select(e => new EventData(e, EventMetadata.None))], cancellationToken);
        }
        return count;
    }
}
