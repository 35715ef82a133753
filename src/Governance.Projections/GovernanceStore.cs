using Governance.EventStore;
using Governance.Projections.Commitments;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Governance.Projections.Daemon;
using Governance.Projections.Proposals;
using Governance.Projections.Punctuality;
using Governance.Projections.Timeline;
using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;

namespace Governance.Projections;

/// <summary>
/// The one Marten setup of the product, used by the host and by every CLI verb: the ledger (<see cref="LedgerConfiguration.UseLedger"/>)
/// with the domain's event types, our JSON conventions for events and documents, every read model's projection, and
/// documents per alliance (conjoined tenancy, like the events).
/// </summary>
public static class GovernanceStore
{
    public static StoreOptions Configure(StoreOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseLedger([.. DomainJson.EventTypes, new LedgerEventType(typeof(BenchAppended), BenchAppended.Alias)], clock);
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, o => DomainJson.Configure(o));
        options.Policies.AllDocumentsAreMultiTenanted();
        // Schema changes are applied by `db migrate` and at start-up, never lazily in the middle of a request.
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

        // Like the ledger itself, a read model never steps over an event silently: an unknown type or a failing Apply stops that
        // projection where it is (and says so in the daemon's log and progress) until a fix is deployed and it is rebuilt.
        options.Projections.Errors.SkipUnknownEvents = false;
        options.Projections.Errors.SkipApplyErrors = false;
        options.Projections.Errors.SkipSerializationErrors = false;

        AllianceProjections.Register(options);
        MeetingProjections.Register(options);
        PunctualityProjections.Register(options);
        options.Projections.Add<TimelineProjection>(ProjectionLifecycle.Async);
        options.Projections.Add<EventCountProjection>(ProjectionLifecycle.Async);
        options.Schema.For<TimelineEntryDocument>().Index(d => d.Sequence).Index(d => d.RecordedAt);
        ProposalProjections.Register(options);
        PromiseProjections.Register(options);
        return options;
    }

    /// <summary>A document store on <paramref name="dataSource"/> for a CLI verb (the host registers its own through AddMarten).</summary>
    public static DocumentStore Create(Npgsql.NpgsqlDataSource dataSource, TimeProvider clock) =>
        DocumentStore.For(o =>
        {
            o.Connection(dataSource);
            Configure(o, clock);
            // A verb runs the daemon itself when it needs one (rebuild, bench catch-up); no warning on stdout about a missing one.
            o.Projections.AsyncMode = JasperFx.Events.Daemon.DaemonMode.ExternallyManaged;
        });
}

/// <summary>The event `governance bench` appends: not a domain event, so no read model but the event counts looks at it.</summary>
public sealed record BenchAppended(int Writer, long I, string Text)
{
    public const string Alias = "bench.appended";
}
