using NodaTime;

namespace Governance.Domain.Meetings;

/// <summary>One meeting as the year planning counts it: its kind, its day, and whether flyers announced it (R6).</summary>
public sealed record PlannedMeeting(MeetingKind Kind, LocalDate Date, bool AnnouncedByFlyers);

public enum CadenceRequirement
{
    ResidentsMeetingsPerQuarter,
    CoreGroupMeetingsPerMonth,

    /// <summary>Counted as the residents' meetings announced by flyers, the only flyer rounds the ledger sees.</summary>
    FlyerRoundsPerYear,
}

/// <summary>R20: a period (<paramref name="From"/> to <paramref name="To"/>, both inclusive) that holds fewer meetings than the agreements ask.</summary>
public sealed record CadenceGap(CadenceRequirement Requirement, LocalDate From, LocalDate To, int Required, int Planned);

/// <summary>
/// R20: residents' meetings at least once per quarter, the core group at least monthly, flyers to every household
/// twice a year, with the numbers of the agreements in force. Pure, so the year-planning view calls it with the
/// meetings it folded (cancelled ones left out) and shows every gap of the year.
/// </summary>
public static class MeetingCadence
{
    /// <summary>
    /// The gaps of <paramref name="year"/>. Only periods that begin on or after <paramref name="foundedOn"/> are judged: an
    /// alliance founded on 6 July owes no core-group meeting for January, nor for the July it was founded in.
    /// </summary>
    public static IReadOnlyList<CadenceGap> Gaps(IEnumerable<PlannedMeeting> meetings, int year, Cadence cadence, LocalDate? foundedOn = null)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(cadence);
        var inYear = meetings.Where(m => m.Date.Year == year).ToList();
        var gaps = new List<CadenceGap>();

        for (var quarter = 0; quarter < 4; quarter++)
        {
            var from = new LocalDate(year, (quarter * 3) + 1, 1);
            Check(CadenceRequirement.ResidentsMeetingsPerQuarter, from, from.PlusMonths(3).PlusDays(-1), cadence.ResidentsMeetingsPerQuarter,
                m => m.Kind == MeetingKind.ResidentsMeeting);
        }

        for (var month = 1; month <= 12; month++)
        {
            var from = new LocalDate(year, month, 1);
            Check(CadenceRequirement.CoreGroupMeetingsPerMonth, from, from.PlusMonths(1).PlusDays(-1), cadence.CoreGroupMeetingsPerMonth,
                m => m.Kind == MeetingKind.CoreGroupMeeting);
        }

        Check(CadenceRequirement.FlyerRoundsPerYear, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), cadence.FlyerRoundsPerYear,
            m => m.Kind == MeetingKind.ResidentsMeeting && m.AnnouncedByFlyers);

        return gaps.OrderBy(g => g.From).ThenBy(g => g.Requirement).ToList();

        void Check(CadenceRequirement requirement, LocalDate from, LocalDate to, int required, Func<PlannedMeeting, bool> counts)
        {
            if (foundedOn is { } founded && from < founded) return;
            var planned = inYear.Count(m => counts(m) && m.Date >= from && m.Date <= to);
            if (planned < required)
            {
                gaps.Add(new CadenceGap(requirement, from, to, required, planned));
            }
        }
    }
}
