using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;

namespace Governance.EventStore;

/// <summary>An event type and the stable alias it is stored under.</summary>
/// <param name="Type">The CLR type.</param>
/// <param name="Alias">The alias in <c>mt_events.type</c> (<c>commitment.made</c>); a schema version above 1 is stored as <c>alias-vN</c>.</param>
/// <param name="SchemaVersion">The version of the body's shape.</param>
public sealed record LedgerEventType(Type Type, string Alias, int SchemaVersion = 1)
{
    /// <summary>What Marten stores: the alias, with <c>-vN</c> from schema version 2 on (so an upcaster can tell them apart).</summary>
    public string StoredName => SchemaVersion == 1 ? Alias : $"{Alias}-v{SchemaVersion}";
}

/// <summary>The one place Marten's event store is set up for the ledger.</summary>
public static class LedgerConfiguration
{
    /// <summary>Marten's schema (events, streams, documents, the daemon's progress).</summary>
    public const string MartenSchema = "marten";

    /// <summary>The header names the ledger writes into <c>mt_events.headers</c>.</summary>
    public static class Headers
    {
        /// <summary>The pseudonymous actor.</summary>
        public const string Actor = "actor";
        /// <summary>The role acted in.</summary>
        public const string Role = "role";
        /// <summary>The command's id (an Idempotency-Key keeps it across retries).</summary>
        public const string Command = "command";
        /// <summary>When it happened, where that differs from when it was recorded (ISO 8601).</summary>
        public const string OccurredAt = "occurredAt";
    }

    /// <summary>
    /// Conjoined tenancy with one tenant per alliance, string stream ids, an alias for every event type, actor, role,
    /// correlation, causation and command id on every event, recorded times from <paramref name="clock"/>, and the
    /// hash chain (<see cref="LedgerSchema"/>). Features that rewrite stored events stay off; the chain's guards
    /// refuse them anyway.
    /// </summary>
    public static StoreOptions UseLedger(this StoreOptions options, IEnumerable<LedgerEventType> eventTypes, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(eventTypes);
        options.DatabaseSchemaName = MartenSchema;
        options.Events.DatabaseSchemaName = MartenSchema;
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.TenancyStyle = TenancyStyle.Conjoined;
        // Timestamps come from the app's clock (a simulated one in demos), as the old store did: the chain covers them.
        options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        options.Events.TimeProvider = clock;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.UseArchivedStreamPartitioning = false;
        // An event id is stored once: a retry racing its first attempt fails instead of doubling (then answers as a retry).
        options.Events.EnableUniqueIndexOnEventId = true;
        foreach (var e in eventTypes) options.Events.MapEventType(e.Type, EventAliases.Require(e.StoredName));
        options.Storage.Add(new LedgerSchema(options));
        return options;
    }
}

/// <summary>The shape of an event alias.</summary>
public static partial class EventAliases
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9-]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Pattern();

    /// <summary>Throws unless <paramref name="alias"/> looks like <c>stream.kebab-name</c>.</summary>
    public static string Require(string alias) =>
        alias is not null && Pattern().IsMatch(alias) && alias.Length <= 200
            ? alias
            : throw new ArgumentException($"Event type alias '{alias}' must look like 'meeting.document-shared'.", nameof(alias));
}
