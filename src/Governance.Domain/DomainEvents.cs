using System.Reflection;

namespace Governance.Domain;

public sealed record DomainEventType(Type Type, string Alias, int SchemaVersion);

/// <summary>Every event type of the domain with its storage alias, for the host's type registry.</summary>
public static class DomainEvents
{
    public static IReadOnlyList<DomainEventType> All { get; } =
        [.. typeof(DomainEvents).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true })
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<EventTypeAttribute>(inherit: false)))
            .Where(x => x.Attribute is not null)
            .Select(x => new DomainEventType(x.Type, x.Attribute!.Alias, x.Attribute.SchemaVersion))
            .OrderBy(x => x.Alias, StringComparer.Ordinal)];
}
