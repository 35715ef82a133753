using System.Security.Cryptography;
using Governance.Domain;
using Governance.Domain.Meetings;
using Npgsql;

namespace Governance.Api.Meetings;

/// <summary>A file as stored in <c>app.documents</c>.</summary>
public sealed record StoredFile(string StorageKey, Sha256Digest Sha256, long SizeBytes, string ContentType, string FileName, byte[] Content);

/// <summary>
/// Keeps the bytes of shared documents and minutes in PostgreSQL (<c>app.documents</c>). The host hashes here, so
/// the SHA-256 in the event is of exactly the bytes stored (issue 4: "the ledger proves what was shared when").
/// A file is stored before its event is appended; a refused command leaves an unreferenced row, which is harmless.
/// </summary>
public sealed class DocumentFiles(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Uploads are at most 20 MiB: enough for a scanned plan, far below what would strain the database.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public async Task<StoredFile> StoreAsync(AllianceId alliance, PersonId uploadedBy, IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return await StoreAsync(alliance, uploadedBy, buffer.ToArray(), file.ContentType, file.FileName, cancellationToken);
    }

    /// <summary>Stores <paramref name="content"/> as given (the demo seed's documents; uploads come through the overload above).</summary>
    public async Task<StoredFile> StoreAsync(
        AllianceId alliance, PersonId uploadedBy, byte[] content, string? contentType, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sha = Sha256Digest.FromBytes(SHA256.HashData(content));
        var key = "doc-" + Guid.CreateVersion7().ToString("N");
        contentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType;
        var name = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(name)) name = "document";

        await using var cmd = dataSource.CreateCommand("""
            insert into app.documents (storage_key, tenant_id, sha256, size_bytes, content_type, file_name, content, uploaded_at, uploaded_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        cmd.Parameters.Add(new() { Value = key });
        cmd.Parameters.Add(new() { Value = alliance.Value });
        cmd.Parameters.Add(new() { Value = sha.Value });
        cmd.Parameters.Add(new() { Value = (long)content.Length });
        cmd.Parameters.Add(new() { Value = contentType });
        cmd.Parameters.Add(new() { Value = name });
        cmd.Parameters.Add(new() { Value = content });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        cmd.Parameters.Add(new() { Value = uploadedBy.Value });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        return new StoredFile(key, sha, content.Length, contentType, name, content);
    }

    /// <summary>The file under <paramref name="storageKey"/> of <paramref name="alliance"/>, or null.</summary>
    public async Task<StoredFile?> LoadAsync(AllianceId alliance, string storageKey, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("""
            select storage_key, sha256, size_bytes, content_type, file_name, content
              from app.documents where storage_key = $1 and tenant_id = $2
            """);
        cmd.Parameters.Add(new() { Value = storageKey });
        cmd.Parameters.Add(new() { Value = alliance.Value });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredFile(reader.GetString(0), Sha256Digest.Parse(reader.GetString(1)), reader.GetInt64(2),
            reader.GetString(3), reader.GetString(4), (byte[])reader[5]);
    }
}
