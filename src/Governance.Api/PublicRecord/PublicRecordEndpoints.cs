using Governance.Api.Checkpoints;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.PublicRecord;

/// <summary>The alliance page's download button: the public record as a zip, the same as `governance export public`.</summary>
public static class PublicRecordEndpoints
{
    public static IServiceCollection AddPublicRecord(this IServiceCollection services)
    {
        services.AddSingleton<Redactions>();
        services.AddSingleton<PublicExport>();
        return services;
    }

    public static IEndpointRouteBuilder MapPublicRecord(this IEndpointRouteBuilder app)
    {
        app.MapGet("/allianties/{alliance}/openbaar-archief", Download).WithTags("Public record").WithName("DownloadPublicRecord").AllowAnonymous();
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(string alliance, AllianceQueries alliances,
        PublicExport exporter, CheckpointKeyHolder keys, TimeProvider clock, ILogger<PublicExport> logger, CancellationToken ct)
    {
        if (!AllianceId.TryParse(alliance, out var id) || await alliances.GetAsync(id, cancellationToken: ct) is not { } view)
            return EndpointResults.AllianceNotFound(alliance);
        if (keys.Key is not { } key)
            return TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "The public record cannot be signed.",
                "No checkpoint signing key is configured.", "checkpoint-key-missing"));
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var summary = await exporter.WriteAsync(key, id.Value, view.Name, asOf: null, file, ct);
            file.Position = 0;
            return TypedResults.File(file, "application/zip", $"{id.Value}-{summary.Events}.zip");
        }
        catch (CheckpointRefusedException ex)
        {
            await file.DisposeAsync();
            logger.LogError("Public record of {Alliance} refused: {Reason}", id.Value, ex.Message);
            return TypedResults.Problem(ApiProblems.Problem(StatusCodes.Status409Conflict, "The ledger does not verify.",
                "The public record is not made while the ledger does not verify against its checkpoints.", "ledger-tampered"));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
