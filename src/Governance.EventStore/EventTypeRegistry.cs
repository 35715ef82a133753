using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Governance.EventStore;

/// <summary>
/// Maps event types to stable aliases and schema versions, serialises them, and upcasts older shapes on read.
/// The CLR type name never reaches the database.
/// </summary>
public sealed partial class EventTypeRegistry(JsonSerializerOptions serializerOptions)
{
    private readonly Dictionary<string, (Type Type, int SchemaVersion)> _byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, (string Alias, int SchemaVersion)> _byType = [];
    private readonly Dictionary<(string Alias, int FromVersion), Func<JsonObject, JsonObject>> _upcasters = [];

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();

    /// <summary>Throws unless <paramref name="alias"/> looks like <c>stream.kebab-name</c>.</summary>
    public static string RequireAlias(string alias) =>
        alias is not null && AliasPattern().IsMatch(alias) && alias.Length <= 200
            ? alias
            : throw new ArgumentException($"Event type alias '{alias}' must look like 'meeting.document-shared'.", nameof(alias));

    /// <summary>The serializer options used for event bodies.</summary>
    public JsonSerializerOptions SerializerOptions => serializerOptions;

    /// <summary>Registers <paramref name="type"/> under <paramref name="alias"/> at its current <paramref name="schemaVersion"/>.</summary>
    public EventTypeRegistry Register(Type type, string alias, int schemaVersion = 1)
    {
        RequireAlias(alias);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(schemaVersion);
        if (_byAlias.ContainsKey(alias)) throw new ArgumentException($"Alias '{alias}' is registered twice.", nameof(alias));
        if (_byType.ContainsKey(type)) throw new ArgumentException($"Type {type.Name} is registered twice.", nameof(type));
        _byAlias[alias] = (type, schemaVersion);
        _byType[type] = (alias, schemaVersion);
        return this;
    }

    /// <summary>Registers <typeparamref name="T"/>.</summary>
    public EventTypeRegistry Register<T>(string alias, int schemaVersion = 1) => Register(typeof(T), alias, schemaVersion);

    /// <summary>Registers how a body of <paramref name="alias"/> at <paramref name="fromVersion"/> becomes version <paramref name="fromVersion"/> + 1.</summary>
    public EventTypeRegistry Upcast(string alias, int fromVersion, Func<JsonObject, JsonObject> upcast)
    {
        _upcasters[(RequireAlias(alias), fromVersion)] = upcast;
        return this;
    }

    /// <summary>Every registered alias with its type.</summary>
    public IReadOnlyDictionary<string, Type> Aliases => _byAlias.ToDictionary(kv => kv.Key, kv => kv.Value.Type);

    /// <summary>The alias of <paramref name="type"/>.</summary>
    public string AliasOf(Type type) =>
        _byType.TryGetValue(type, out var entry) ? entry.Alias : throw new ArgumentException($"Type {type.Name} is not registered.", nameof(type));

    /// <summary>Turns <paramref name="event"/> into an <see cref="EventData"/> ready to append.</summary>
    public EventData ToEventData(object @event, EventMetadata metadata, Guid? eventId = null, DateTimeOffset? occurredAt = null)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (!_byType.TryGetValue(@event.GetType(), out var entry))
            throw new ArgumentException($"Event type {@event.GetType().Name} is not registered.", nameof(@event));
        var json = JsonSerializer.Serialize(@event, @event.GetType(), serializerOptions);
        return new EventData(eventId ?? Guid.CreateVersion7(), entry.Alias, entry.SchemaVersion, json, metadata, occurredAt);
    }

    /// <summary>
    /// Deserialises a stored event, upcasting older schema versions first.
    /// An alias that is not registered is an error that names it and its position; it is never skipped.
    /// </summary>
    public object Deserialize(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (!_byAlias.TryGetValue(recorded.Type, out var entry))
            throw new UnknownEventTypeException(recorded.Type, recorded.SchemaVersion, recorded.TenantId, recorded.TenantPosition);
        if (recorded.SchemaVersion == entry.SchemaVersion)
            return JsonSerializer.Deserialize(recorded.Data, entry.Type, serializerOptions)!;
        if (recorded.SchemaVersion > entry.SchemaVersion)
            throw new UnknownEventTypeException(recorded.Type, recorded.SchemaVersion, recorded.TenantId, recorded.TenantPosition);

        var node = JsonNode.Parse(recorded.Data)!.AsObject();
        for (var v = recorded.SchemaVersion; v < entry.SchemaVersion; v++)
        {
            if (!_upcasters.TryGetValue((recorded.Type, v), out var upcast))
                throw new InvalidOperationException(
                    $"No upcaster for '{recorded.Type}' from schema version {v} (position {recorded.TenantPosition} of tenant '{recorded.TenantId}').");
            node = upcast(node);
        }
        return node.Deserialize(entry.Type, serializerOptions)!;
    }
}
