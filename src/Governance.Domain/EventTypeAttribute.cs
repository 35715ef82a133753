using System.Text.RegularExpressions;

namespace Governance.Domain;

/// <summary>
/// The storage name and schema version of an event type. The database stores this alias, never the CLR
/// name, so that types can be renamed or moved without rewriting history; an upcaster handles a new
/// schema version.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed partial class EventTypeAttribute(string alias, int schemaVersion) : Attribute
{
    /// <summary><c>stream.kebab-name</c>, e.g. <c>alliance.partner-admitted</c>.</summary>
    public string Alias { get; } = alias;

    public int SchemaVersion { get; } = schemaVersion;

    public static bool IsWellFormedAlias(string? alias) => alias is not null && AliasPattern().IsMatch(alias);

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();
}
