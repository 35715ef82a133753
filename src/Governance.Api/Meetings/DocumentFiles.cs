using System.Security.Cryptography;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.EventStore;
using Npgsql;

namespace Governance.Api.Meetings;

/// <summary>A file as stored in <c>app.documents</c>.</summary>
public sealed record StoredFile(string StorageKey, Sha256Digest Sha256, long SizeBytes, string ContentType, string FileName, byte[] Content);

/// <summary>
/// Keeps the bytes of shared documents and minutes in PostgreSQL (<c>app.documents</c>). The host hashes here, so
/// the SHA-256 in the event is of exactly the bytes stored (issue 4: "the ledger proves what was shared when").
/// A file is stored before its event is appended (the event carries its key and digest). Issue 12 §4: bytes exist only
/// for a recorded share. <see cref="StoreForAsync"/> removes them again when the command is refused or fails, and
/// <see cref="RemoveOrphansAsync"/> (run on its own by <see cref="OrphanDocumentCleanup"/>) removes what an interrupted
/// request left behind. Both delete a row only when no recorded event names its storage key (<c>data->>'storageKey'</c>).
/// </summary>
public sealed class DocumentFiles(NpgsqlDataSource dataSource, Ledger ledger, TimeProvider clock)
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

    /// <summary>
    /// Stores <paramref name="file"/>, then runs <paramref name="record"/> (the command that names it, on
    /// <paramref name="stream"/>). Unless the outcome records an event with the new storage key, the bytes are removed
    /// again, but only if no recorded event of the stream names them. A cancelled request leaves them to the cleanup (its
    /// append may still commit), so a referenced file is never deleted.
    /// </summary>
    public async Task<(StoredFile Stored, T Outcome)> StoreForAsync<T>(
        AllianceId alliance, string stream, PersonId uploadedBy, IFormFile file, Func<StoredFile, Task<T>> record,
        Func<T, string, bool> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(references);
        var stored = await StoreAsync(alliance, uploadedBy, file, cancellationToken);
        var keep = false;
        try
        {
            var outcome = await record(stored);
            keep = references(outcome, stored.StorageKey);
            return (stored, outcome);
        }
        catch (OperationCanceledException)
        {
            keep = true;
            throw;
        }
        finally
        {
            if (!keep) await RemoveUnreferencedAsync(alliance, stream, stored.StorageKey);
        }
    }

    /// <summary>True when an event of <paramref name="events"/> names <paramref name="storageKey"/>.</summary>
    public static bool References(IEnumerable<object>? events, string storageKey) => events?.Any(e => e switch
    {
        DocumentShared s => s.StorageKey == storageKey,
        DocumentReplaced r => r.StorageKey == storageKey,
        MinutesPublished m => m.StorageKey == storageKey,
        _ => false,
    }) == true;

    /// <summary>The property of <c>meeting.document-shared</c>, <c>meeting.document-replaced</c> and <c>meeting.minutes-published</c> that names the bytes.</summary>
    public const string KeyProperty = "storageKey";

    private async Task RemoveUnreferencedAsync(AllianceId alliance, string stream, string storageKey)
    {
        // Only the stream the command went to can name a key made for that command (an index lookup).
        if ((await ledger.FindReferencedAsync(KeyProperty, [storageKey], alliance.Value, stream, CancellationToken.None)).Count > 0) return;
        await using var cmd = dataSource.CreateCommand("delete from app.documents where storage_key = $1");
        cmd.Parameters.Add(new() { Value = storageKey });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>
    /// Deletes the files uploaded before <paramref name="uploadedBefore"/> that no recorded event names (in any stream of
    /// any tenant). One node at a time: a transaction-scoped advisory lock, another node skips the pass and returns 0. A
    /// file older than the grace period is not about to be named (no request takes that long), and a named one is never
    /// removed. Returns how many rows were deleted.
    /// </summary>
    public async Task<int> RemoveOrphansAsync(DateTimeOffset uploadedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCmd = new NpgsqlCommand("select pg_try_advisory_xact_lock(hashtext('app.documents orphan cleanup'))", connection, tx))
        {
            if (await lockCmd.ExecuteScalarAsync(cancellationToken) is not true) return 0;
        }
        var candidates = new List<string>();
        await using (var select = new NpgsqlCommand("select storage_key from app.documents where uploaded_at < $1", connection, tx))
        {
            select.Parameters.Add(new() { Value = uploadedBefore });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) candidates.Add(reader.GetString(0));
        }
        if (candidates.Count == 0) return 0;
        var referenced = await ledger.FindReferencedAsync(KeyProperty, candidates, cancellationToken: cancellationToken);
        var orphans = candidates.Where(k => !referenced.Contains(k)).ToArray();
        if (orphans.Length == 0) return 0;
        await using var delete = new NpgsqlCommand("delete from app.documents where storage_key = any($1)", connection, tx);
        delete.Parameters.Add(new() { Value = orphans });
        var removed = await delete.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return removed;
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
