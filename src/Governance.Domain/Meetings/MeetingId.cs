using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain.Meetings;

/// <summary>
/// The slug of a meeting within its alliance, e.g. <c>2026-03-12-wijkalliantie</c>. At most <see cref="MaxLength"/>
/// characters, so that its stream id (<c>meeting-</c> and the slug) is still a valid stream id of the store.
/// </summary>
public readonly record struct MeetingId : IIdentifier, IParsable<MeetingId>
{
    public const int MaxLength = 100 - 8; // the store's ids are slugs of at most 100 characters; "meeting-" takes 8

    private readonly string? _value;

    public MeetingId(string value)
    {
        if (!IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid meeting id: use {Slug.Rule}, at most {MaxLength}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This MeetingId was never initialised.");

    /// <summary>The id of this meeting's stream within its alliance's tenant.</summary>
    public string StreamId => "meeting-" + Value;

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static MeetingId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static MeetingId IParsable<MeetingId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<MeetingId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MeetingId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out MeetingId result)
    {
        if (IsValid(s))
        {
            result = new MeetingId(s);
            return true;
        }

        result = default;
        return false;
    }

    private static bool IsValid([NotNullWhen(true)] string? value) => Slug.IsValid(value) && value.Length <= MaxLength;
}
