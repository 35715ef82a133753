using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Domain;
using Governance.EventStore;
using NodaTime;
using NodaTime.Text;

namespace Governance.Projections;

/// <summary>
/// How domain events and API bodies look as JSON: camelCase, enums as kebab-case strings, identifiers as their
/// plain string, NodaTime values in ISO form. One definition for the ledger and the API, so what is stored is what is shown.
/// </summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Adds our conventions to <paramref name="options"/> (also used for ASP.NET Core's own options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new IdentifierConverterFactory());
        options.Converters.Add(new PatternConverter<Instant>(InstantPattern.ExtendedIso));
        options.Converters.Add(new PatternConverter<LocalDate>(LocalDatePattern.Iso));
        options.Converters.Add(new PatternConverter<LocalTime>(LocalTimePattern.CreateWithInvariantCulture("HH':'mm")));
        options.Converters.Add(new PatternConverter<LocalDateTime>(LocalDateTimePattern.ExtendedIso));
        options.Converters.Add(new PatternConverter<Duration>(DurationPattern.Roundtrip));
        return options;
    }

    /// <summary>Every domain event type under its alias, for Marten (<see cref="GovernanceStore"/>).</summary>
    public static IReadOnlyList<LedgerEventType> EventTypes { get; } =
        [.. DomainEvents.All.Select(e => new LedgerEventType(e.Type, e.Alias, e.SchemaVersion))];

    private static readonly Dictionary<Type, string> Aliases = EventTypes.ToDictionary(e => e.Type, e => e.StoredName);

    /// <summary>The alias a domain event is stored under.</summary>
    public static string AliasOf(Type eventType) =>
        Aliases.TryGetValue(eventType, out var alias) ? alias : throw new ArgumentException($"Type {eventType.Name} is not a domain event.", nameof(eventType));

    private sealed class PatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} cannot be null.");
            var result = pattern.Parse(text);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not a valid {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(pattern.Format(value));
    }

    private sealed class IdentifierConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeof(IIdentifier).IsAssignableFrom(typeToConvert) && typeToConvert.IsValueType;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(IdentifierConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class IdentifierConverter<T> : JsonConverter<T> where T : struct, IIdentifier, IParsable<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return T.TryParse(text, CultureInfo.InvariantCulture, out var id)
                ? id
                : throw new JsonException($"'{text}' is not a valid {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
