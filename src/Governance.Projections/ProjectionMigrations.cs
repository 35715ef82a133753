using Governance.EventStore;

namespace Governance.Projections;

public static class ProjectionMigrations
{
    /// <summary>The read models' tables (schema `projections`), applied as module "projections".</summary>
    public static IReadOnlyList<MigrationRunner.Migration> All { get; } = MigrationRunner.FromAssembly(typeof(ProjectionMigrations).Assembly);
}
