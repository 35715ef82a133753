using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain.Meetings;

/// <summary>Identifies one document of a meeting across its versions, e.g. <c>verkeersplan</c>; a replacement keeps the id and raises the version.</summary>
public readonly record struct DocumentId : IIdentifier, IParsable<DocumentId>
{
    private readonly string? _value;

    public DocumentId(string value)
    {
        if (!Slug.IsValid(value))
        {
            throw new FormatException($"'{value}' is not a valid document id: use {Slug.Rule}.");
        }

        _value = value;
    }

    public string Value => _value ?? throw new InvalidOperationException("This DocumentId was never initialised.");

    // Not Value: a debugger or log line must not throw on a default instance.
    public override string ToString() => _value ?? string.Empty;

    public static DocumentId Parse(string s) => new(s);

    // Explicit: ids do not depend on culture, and a public provider overload would make callers pass one (CA1305).
    static DocumentId IParsable<DocumentId>.Parse(string s, IFormatProvider? provider) => new(s);

    static bool IParsable<DocumentId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DocumentId result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out DocumentId result)
    {
        if (Slug.IsValid(s))
        {
            result = new DocumentId(s);
            return true;
        }

        result = default;
        return false;
    }
}
