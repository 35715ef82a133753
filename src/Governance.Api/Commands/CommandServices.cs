using Governance.EventStore;
using JasperFx;
using JasperFx.CodeGeneration;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace Governance.Api.Commands;

/// <summary>
/// Wolverine in the host: one handler for every write (<see cref="ExecuteCommandHandler"/>), one for passed deadlines
/// (<see cref="DeadlineDueHandler"/>), transactions through Marten with Wolverine's PostgreSQL outbox, durable local queues
/// for scheduled deadlines, and the retries that turn a transient failure into a wait instead of an error.
/// </summary>
public static class CommandServices
{
    public static WebApplicationBuilder AddCommands(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(CommandServices).Assembly;
            opts.Discovery.DisableConventionalDiscovery().IncludeType(typeof(ExecuteCommandHandler)).IncludeType(typeof(DeadlineDueHandler));
            opts.Policies.AutoApplyTransactions();
            // A node that does not migrate (Governance:Database:MigrateOnStart=false) only checks that Wolverine's tables exist,
            // and refuses to start without them; `db migrate` creates them (LedgerServices.MigrateHostAsync).
            if (!Hosting.LedgerServices.MigratesOnStart(builder.Configuration)) opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
            opts.Policies.UseDurableLocalQueues();
            // Pre-generated handler code (Internal/Generated, `governance codegen write`): a node starts in seconds, not ten.
            opts.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue("Governance:Wolverine:DynamicCode", false)
                ? TypeLoadMode.Dynamic : TypeLoadMode.Static;
            // CommandBus of one alliance wait for its lock rather than conflict; a conflict can still come from a writer
            // outside the executor, a deadlock or a dropped connection: try again, a few times, with some room between.
            opts.OnException<Governance.EventStore.ConcurrencyException>().Or<JasperFx.ConcurrencyException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250));
            opts.OnException<PostgresException>(e => e.IsTransient || e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));
            Mail.MailServices.ConfigureWolverine(opts, builder.Configuration);
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CommandBus, WolverineCommandBus>();
        return builder;
    }
}
