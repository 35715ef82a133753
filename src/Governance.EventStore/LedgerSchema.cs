using Marten;
using Marten.Events;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;
using static Weasel.Postgresql.SchemaUtils;

namespace Governance.EventStore;

/// <summary>
/// What we add to Marten's event tables, as a Weasel feature so that Marten's own migration (<c>db migrate</c>, start-up)
/// creates and checks it: schema <c>ledger</c> with each alliance's head (<c>ledger.heads</c>) and its chain of
/// positions and hashes (<c>ledger.chain</c>), a trigger on <c>mt_events</c> that links every inserted event into
/// its alliance's chain in the same transaction (whoever appends: the app, Wolverine, a CLI verb), a trigger on
/// <c>mt_streams</c> that takes the alliance's lock before a stream is created (so every writer locks in one order),
/// and guards that refuse any update, delete or truncate of stored events.
/// </summary>
/// <remarks>
/// Marten's migrations drop columns added to its own tables, hence tables of our own. The function bodies below are
/// written exactly as PostgreSQL renders them (<c>pg_get_functiondef</c>): Weasel compares that rendering, and any
/// difference would recreate them at every start.
/// </remarks>
public sealed class LedgerSchema(StoreOptions options) : FeatureSchemaBase("ledger-chain", options.Advanced.Migrator)
{
    /// <summary>Our schema.</summary>
    public const string Schema = "ledger";

    /// <summary>The format tag at the start of every link's envelope (see <see cref="ChainFormat"/>).</summary>
    public const string FormatTag = ChainFormat.Tag;

    private string Marten => options.Events.DatabaseSchemaName;

    /// <inheritdoc />
    public override IEnumerable<Type> DependentTypes()
    {
        // Marten's event tables must exist before the triggers on them.
        yield return typeof(EventGraph);
    }

    /// <inheritdoc />
    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var heads = new Table(Name("heads"));
        heads.AddColumn<string>("tenant_id").AsPrimaryKey();
        heads.AddColumn<long>("position").NotNull().DefaultValueByExpression("0");
        heads.AddColumn("hash", "bytea").NotNull().DefaultValueByExpression(
            "'\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea");
        yield return heads;

        var chain = new Table(Name("chain"));
        chain.AddColumn<string>("tenant_id").AsPrimaryKey();
        chain.AddColumn<long>("position").AsPrimaryKey();
        chain.AddColumn<long>("seq_id").NotNull();
        chain.AddColumn("hash", "bytea").NotNull();
        // A copy of the event's timestamp, so "the position as it stood at t" is an index range, not a join.
        chain.AddColumn("recorded_at", "timestamp with time zone").NotNull();
        chain.Indexes.Add(new IndexDefinition("chain_seq_id") { Columns = ["seq_id"], IsUnique = true });
        chain.Indexes.Add(new IndexDefinition("chain_recorded_at") { Columns = ["tenant_id", "recorded_at"] });
        yield return chain;

        yield return new Function(Name("lock_head", IdentifierUsage.Function), $$"""
            CREATE OR REPLACE FUNCTION ledger.lock_head(p_tenant character varying, OUT head_position bigint, OUT head_hash bytea)
             RETURNS record
             LANGUAGE plpgsql
            AS $function$
            begin
                -- The alliance's single-writer lock: every append of one alliance passes here first and holds it until commit.
                select h.position, h.hash into head_position, head_hash from ledger.heads h where h.tenant_id = p_tenant for update;
                if not found then
                    -- Two first appends may race: the loser's insert waits for the winner's row, then its no-op update locks it.
                    insert into ledger.heads as h (tenant_id) values (p_tenant)
                        on conflict (tenant_id) do update set tenant_id = excluded.tenant_id
                        returning h.position, h.hash into head_position, head_hash;
                end if;
            end
            $function$;
            """);

        yield return new Function(Name("link_event", IdentifierUsage.Function), $$"""
            CREATE OR REPLACE FUNCTION ledger.link_event()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            declare
                v_position bigint;
                v_hash bytea;
            begin
                if NEW.tenant_id !~ '{{LedgerId.Pattern}}' or NEW.stream_id !~ '{{LedgerId.Pattern}}' then
                    raise exception 'ledger: tenant and stream ids are lower-case letters, digits and hyphens (got % / %)', NEW.tenant_id, NEW.stream_id
                        using errcode = '22023';
                end if;
                select h.head_position, h.head_hash into v_position, v_hash from ledger.lock_head(NEW.tenant_id) h;
                v_position := v_position + 1;
                -- {{ChainFormat.Tag}}: SHA-256(previous hash || envelope || SHA-256(data)); ChainFormat.cs builds the same bytes.
                v_hash := sha256(v_hash
                    || convert_to(concat_ws(E'\n', '{{ChainFormat.Tag}}', NEW.tenant_id, v_position::text, NEW.stream_id, NEW.version::text,
                           NEW.id::text, NEW.type, (extract(epoch from NEW."timestamp") * 1000000)::bigint::text,
                           coalesce(to_jsonb(NEW.correlation_id)::text, 'null'), coalesce(to_jsonb(NEW.causation_id)::text, 'null'),
                           coalesce(NEW.headers::text, 'null')) || E'\n', 'UTF8')
                    || sha256(convert_to(NEW.data::text, 'UTF8')));
                insert into ledger.chain (tenant_id, "position", seq_id, hash, recorded_at)
                    values (NEW.tenant_id, v_position, NEW.seq_id, v_hash, NEW."timestamp");
                update ledger.heads set "position" = v_position, hash = v_hash where tenant_id = NEW.tenant_id;
                return NEW;
            end
            $function$;
            """);

        yield return new Function(Name("lock_head_for_stream", IdentifierUsage.Function), $$"""
            CREATE OR REPLACE FUNCTION ledger.lock_head_for_stream()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
                -- A new stream takes the alliance's lock before its row exists, so that every writer locks head, then
                -- stream: the same order as an append to an existing stream (events first, then the stream's version).
                perform ledger.lock_head(NEW.tenant_id);
                return NEW;
            end
            $function$;
            """);

        yield return new Function(Name("refuse_change", IdentifierUsage.Function), $$"""
            CREATE OR REPLACE FUNCTION ledger.refuse_change()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
                -- Archiving, masking, compaction and overwriting rewrite history; in this ledger a correction is a new event.
                raise exception 'ledger: % on %.% is refused: recorded events never change', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                    using errcode = '55000';
            end
            $function$;
            """);

        var events = new PostgresqlObjectName(Marten, "mt_events", IdentifierUsage.General);
        yield return new Trigger(Name("mt_events_link"), events, "ledger.link_event()")
        {
            Timing = TriggerTiming.Before, Events = TriggerEvents.Insert, ForEachRow = true,
        };
        // One trigger per event: PostgreSQL renders "DELETE OR UPDATE" where Weasel writes "UPDATE OR DELETE", and the
        // difference would recreate a combined trigger at every start.
        yield return new Trigger(Name("mt_events_no_update"), events, "ledger.refuse_change()")
        {
            Timing = TriggerTiming.Before, Events = TriggerEvents.Update, ForEachRow = true,
        };
        yield return new Trigger(Name("mt_events_no_delete"), events, "ledger.refuse_change()")
        {
            Timing = TriggerTiming.Before, Events = TriggerEvents.Delete, ForEachRow = true,
        };
        yield return new Trigger(Name("mt_events_no_truncate"), events, "ledger.refuse_change()")
        {
            Timing = TriggerTiming.Before, Events = TriggerEvents.Truncate, ForEachRow = false,
        };
        yield return new Trigger(Name("mt_streams_lock_head"), new PostgresqlObjectName(Marten, "mt_streams", IdentifierUsage.General),
            "ledger.lock_head_for_stream()")
        {
            Timing = TriggerTiming.Before, Events = TriggerEvents.Insert, ForEachRow = true,
        };
        var chainTable = new PostgresqlObjectName(Schema, "chain", IdentifierUsage.General);
        yield return new Trigger(Name("chain_no_update"), chainTable, "ledger.refuse_change()")
        {
            Timing = TriggerTiming.Before, Events = TriggerEvents.Update, ForEachRow = true,
        };
        yield return new Trigger(Name("chain_no_delete"), chainTable, "ledger.refuse_change()")
        {
            Timing = TriggerTiming.Before, Events = TriggerEvents.Delete, ForEachRow = true,
        };
    }

    private static PostgresqlObjectName Name(string name, IdentifierUsage usage = IdentifierUsage.General) => new(Schema, name, usage);
}
