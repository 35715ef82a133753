using NodaTime;
using NodaTime.TimeZones;

namespace Governance.Domain;

public enum LeadTimeUnit
{
    /// <summary>Calendar days in civil time: 14 days before Tuesday 19:30 is Tuesday 19:30, across DST changes.</summary>
    Days,

    /// <summary>Elapsed hours: 48 hours is 48 hours on the clock of the world, whatever the wall clock does.</summary>
    Hours,
}

/// <summary>
/// A span counted back from a meeting (R1–R7) or forward from a moment (R9 motivation, R12 response time).
/// Valid by construction: positive and at most a year, since a longer lead time can only be a typo.
/// </summary>
public sealed record LeadTime
{
    public const int MaxDays = 366;

    public LeadTime(int amount, LeadTimeUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "A lead time counts days or hours.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amount, unit == LeadTimeUnit.Days ? MaxDays : MaxDays * 24);
        Amount = amount;
        Unit = unit;
    }

    public int Amount { get; }

    public LeadTimeUnit Unit { get; }

    public static LeadTime Days(int days) => new(days, LeadTimeUnit.Days);

    public static LeadTime Hours(int hours) => new(hours, LeadTimeUnit.Hours);

    /// <summary>The last moment before <paramref name="meetingStart"/> (in Europe/Amsterdam) that still meets this lead time.</summary>
    public Instant DueBefore(ZonedDateTime meetingStart) => Shift(meetingStart, -Amount);

    /// <summary>The moment this span after <paramref name="start"/> ends, e.g. when a motivation is due (R9).</summary>
    public Instant DueAfter(ZonedDateTime start) => Shift(start, Amount);

    public override string ToString() => (Amount, Unit) switch
    {
        (1, LeadTimeUnit.Days) => "1 day",
        (1, LeadTimeUnit.Hours) => "1 hour",
        (_, LeadTimeUnit.Days) => $"{Amount} days",
        _ => $"{Amount} hours",
    };

    // A civil time that the DST change skips (02:30 on the last Sunday of March) moves forward by the gap;
    // one that happens twice (02:30 on the last Sunday of October) counts at its first occurrence,
    // the stricter of the two.
    private Instant Shift(ZonedDateTime from, int amount) => Unit == LeadTimeUnit.Days
        ? from.LocalDateTime.PlusDays(amount).InZone(from.Zone, Resolvers.LenientResolver).ToInstant()
        : from.ToInstant() + Duration.FromHours(amount);
}
