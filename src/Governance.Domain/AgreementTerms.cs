using System.Collections.Immutable;
using NodaTime;

namespace Governance.Domain;

public sealed record Fraction(int Numerator, int Denominator)
{
    public static Fraction Half { get; } = new(1, 2);

    public override string ToString() => $"{Numerator}/{Denominator}";
}

/// <summary>R8: when consent fails, a proposal is adopted when the weighted votes for are more than <see cref="MoreThan"/> of the weighted votes counted.</summary>
public sealed record Majority(Fraction MoreThan, bool AbstentionsCount)
{
    public static Majority Default { get; } = new(Fraction.Half, AbstentionsCount: false);

    public bool IsAdopted(int weightFor, int weightAgainst, int weightAbstaining)
    {
        var counted = Counted(weightFor, weightAgainst, weightAbstaining);

        // R8: strictly more than, so a tie is not a majority and no votes adopt nothing.
        return (long)weightFor * MoreThan.Denominator > MoreThan.Numerator * counted;
    }

    /// <summary>R8: the weighted votes that count: for and against, and abstentions only when the alliance agreed they do.</summary>
    public long Counted(int weightFor, int weightAgainst, int weightAbstaining)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weightFor);
        ArgumentOutOfRangeException.ThrowIfNegative(weightAgainst);
        ArgumentOutOfRangeException.ThrowIfNegative(weightAbstaining);
        return (long)weightFor + weightAgainst + (AbstentionsCount ? weightAbstaining : 0);
    }

    /// <summary>
    /// R8: the line the weighted votes for must pass to adopt ("nodig voor een meerderheid": more than this), as the vote is
    /// counted: <see cref="MoreThan"/> of <see cref="Counted"/>. <see cref="IsAdopted"/> is exactly "for is above this line".
    /// </summary>
    public decimal Line(int weightFor, int weightAgainst, int weightAbstaining) =>
        (decimal)Counted(weightFor, weightAgainst, weightAbstaining) * MoreThan.Numerator / MoreThan.Denominator;

    internal bool IsValid =>
        MoreThan is { Numerator: > 0, Denominator: > 0 }
        && 2L * MoreThan.Numerator >= MoreThan.Denominator // below half, both sides could win
        && MoreThan.Numerator < MoreThan.Denominator; // "more than all" can never be reached
}

/// <summary>When a vote may be held: at least <see cref="OfMembers"/> of the member partners present.</summary>
public sealed record Quorum(Fraction OfMembers, bool ResidentsCollectiveRequired)
{
    public static Quorum Default { get; } = new(Fraction.Half, ResidentsCollectiveRequired: true);

    public bool IsMet(int membersPresent, int members, bool residentsCollectivePresent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(membersPresent);
        ArgumentOutOfRangeException.ThrowIfLessThan(members, membersPresent);
        return membersPresent > 0
            && (residentsCollectivePresent || !ResidentsCollectiveRequired)
            && (long)membersPresent * OfMembers.Denominator >= (long)OfMembers.Numerator * members;
    }

    internal bool IsValid => OfMembers is { Numerator: > 0, Denominator: > 0 } && OfMembers.Numerator <= OfMembers.Denominator;
}

/// <summary>R12: one step of the escalation ladder; its number is its position, counting from 1.</summary>
public sealed record EscalationStep(string Description, LeadTime ResponseTime);

/// <summary>R12: the steps agreed in advance to unblock a dispute.</summary>
public sealed record EscalationLadder
{
    public EscalationLadder(ImmutableArray<EscalationStep> steps) => Steps = steps.IsDefault ? [] : steps;

    public static EscalationLadder Default { get; } = new(
    [
        new EscalationStep("address each other directly", LeadTime.Days(14)),
        new EscalationStep("steering group with mandate", LeadTime.Days(14)),
        new EscalationStep("escalation contact of the programme (NPSNW)", LeadTime.Days(14)),
        new EscalationStep("alliance board", LeadTime.Days(14)),
    ]);

    public ImmutableArray<EscalationStep> Steps { get; }

    public EscalationStep Step(int number) => Steps[number - 1];

    // ImmutableArray compares by reference; two ladders with the same steps are the same agreement.
    public bool Equals(EscalationLadder? other) => other is not null && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var step in Steps)
        {
            hash.Add(step);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"EscalationLadder {{ {string.Join("; ", Steps.Select((s, i) => $"{i + 1}: {s.Description} ({s.ResponseTime})"))} }}";
}

/// <summary>R14: the weight of a partner's vote by the kind of body it is.</summary>
public sealed record VoteWeights(int ResidentsBody, int ProfessionalBody)
{
    public static VoteWeights Default { get; } = new(ResidentsBody: 2, ProfessionalBody: 1);

    public int For(PartnerBody body) => body switch
    {
        PartnerBody.Residents => ResidentsBody,
        PartnerBody.Professional => ProfessionalBody,
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, "Unknown partner body."),
    };
}

/// <summary>R18: on weekdays between <see cref="From"/> and <see cref="Until"/> residents are at work, so meetings then get a warning.</summary>
public sealed record OfficeHours(LocalTime From, LocalTime Until)
{
    public static OfficeHours Default { get; } = new(new LocalTime(9, 0), new LocalTime(17, 0));

    public bool Includes(LocalDateTime moment) =>
        moment.DayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Friday
        && moment.TimeOfDay >= From
        && moment.TimeOfDay < Until;

    /// <summary>
    /// Whether a meeting from <paramref name="start"/> to <paramref name="end"/> takes any time out of a weekday's
    /// office hours: one from 16:00 to 18:00 still costs a working resident time off, so the whole span counts.
    /// </summary>
    public bool Overlaps(LocalDateTime start, LocalDateTime end)
    {
        if (end <= start)
        {
            return false;
        }

        // A week or more always holds a weekday, and From < Until for valid agreements; this also bounds the loop.
        if (start.PlusDays(7) <= end)
        {
            return From < Until;
        }

        for (var date = start.Date; date <= end.Date; date = date.PlusDays(1))
        {
            if (date.DayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Friday && start < date + Until && date + From < end)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>R20: the least number of meetings and flyer rounds per period.</summary>
public sealed record Cadence(int ResidentsMeetingsPerQuarter, int CoreGroupMeetingsPerMonth, int FlyerRoundsPerYear)
{
    public static Cadence Default { get; } = new(ResidentsMeetingsPerQuarter: 1, CoreGroupMeetingsPerMonth: 1, FlyerRoundsPerYear: 2);
}
