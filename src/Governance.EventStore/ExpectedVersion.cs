namespace Governance.EventStore;

/// <summary>What the caller expects of a stream before appending: any state, no stream, an existing stream, or an exact version.</summary>
public readonly record struct ExpectedVersion
{
    internal const long AnyValue = -1, NoStreamValue = -2, StreamExistsValue = -3;

    private ExpectedVersion(long value) => Value = value;

    /// <summary>The encoded value: -1 any, -2 no stream, -3 stream exists, n ≥ 1 exact.</summary>
    internal long Value { get; }

    /// <summary>Append whatever the stream's state.</summary>
    public static ExpectedVersion Any { get; } = new(AnyValue);
    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(NoStreamValue);
    /// <summary>The stream must exist (at any version).</summary>
    public static ExpectedVersion StreamExists { get; } = new(StreamExistsValue);

    /// <summary>The stream must be at exactly <paramref name="version"/>; 0 means it must not exist.</summary>
    public static ExpectedVersion Exact(long version) => version switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(version), version, "A stream version is 0 or more."),
        0 => NoStream,
        _ => new(version),
    };

    /// <inheritdoc />
    public override string ToString() => Value switch
    {
        AnyValue => "any",
        NoStreamValue => "no stream",
        StreamExistsValue => "stream exists",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
