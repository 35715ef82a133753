using Governance.EventStore;
using Npgsql;

namespace Governance.Api.Checkpoints;

/// <summary>The checkpoints this app signed (<c>app.checkpoints</c>), to publish. Their worth is in the copies others keep.</summary>
public sealed class CheckpointStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "tenant_id, position, head_hash, signed_at, public_key, signature";

    /// <summary>Stores <paramref name="checkpoint"/>; the one stored first wins when two nodes sign the same position.</summary>
    public async Task<Checkpoint> AddAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(
            $"insert into app.checkpoints ({Columns}) values ($1, $2, $3, $4, $5, $6) on conflict (tenant_id, position) do nothing");
        cmd.Parameters.Add(new() { Value = checkpoint.Alliance });
        cmd.Parameters.Add(new() { Value = checkpoint.Position });
        cmd.Parameters.Add(new() { Value = checkpoint.HeadHash });
        cmd.Parameters.Add(new() { Value = checkpoint.Time });
        cmd.Parameters.Add(new() { Value = checkpoint.PublicKey });
        cmd.Parameters.Add(new() { Value = checkpoint.Signature });
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1
            ? checkpoint
            : await AtAsync(checkpoint.Alliance, checkpoint.Position, cancellationToken) ?? checkpoint;
    }

    /// <summary>The checkpoint with the highest position, or null.</summary>
    public async Task<Checkpoint?> LatestAsync(string alliance, CancellationToken cancellationToken) =>
        First(await QueryAsync($"select {Columns} from app.checkpoints where tenant_id = $1 order by position desc limit 1", cancellationToken, alliance));

    /// <summary>The checkpoint at <paramref name="position"/>, or null.</summary>
    public async Task<Checkpoint?> AtAsync(string alliance, long position, CancellationToken cancellationToken) =>
        First(await QueryAsync($"select {Columns} from app.checkpoints where tenant_id = $1 and position = $2", cancellationToken, alliance, position));

    private static Checkpoint? First(IReadOnlyList<Checkpoint> found) => found.Count > 0 ? found[0] : null;

    /// <summary>The first checkpoint signed at or after <paramref name="from"/> (e.g. a meeting's close, which it then covers), or null.</summary>
    public async Task<Checkpoint?> FirstSignedFromAsync(string alliance, DateTimeOffset from, CancellationToken cancellationToken) =>
        First(await QueryAsync($"select {Columns} from app.checkpoints where tenant_id = $1 and signed_at >= $2 order by signed_at, position limit 1",
            cancellationToken, alliance, from));

    /// <summary>One page of an alliance's checkpoints, newest (highest position) first, and how many there are.</summary>
    public async Task<(IReadOnlyList<Checkpoint> Items, long Total)> PageAsync(string alliance, int page, int size, CancellationToken cancellationToken)
    {
        var items = await QueryAsync($"select {Columns} from app.checkpoints where tenant_id = $1 order by position desc offset $2 limit $3",
            cancellationToken, alliance, (long)(page - 1) * size, (long)size);
        await using var count = dataSource.CreateCommand("select count(*) from app.checkpoints where tenant_id = $1");
        count.Parameters.Add(new() { Value = alliance });
        return (items, (long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    private async Task<IReadOnlyList<Checkpoint>> QueryAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new() { Value = p });
        var list = new List<Checkpoint>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new Checkpoint(reader.GetString(0), reader.GetInt64(1), reader.GetString(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero), reader.GetString(4), reader.GetString(5)));
        return list;
    }
}

/// <summary>The ledger does not extend the last checkpoint, or its chain is broken: nothing is signed.</summary>
public sealed class CheckpointRefusedException(string message) : Exception(message);

/// <summary>
/// Signs checkpoints: only over a chain that verifies (recomputed, not the stored head) and that extends the alliance's
/// previous checkpoint, so a rewound or re-hashed ledger is never signed over. Used by the host's
/// <see cref="CheckpointService"/>, by `ledger checkpoint` and by the public export.
/// </summary>
public sealed class CheckpointSigner(Marten.IDocumentStore documents, CheckpointStore checkpoints, TimeProvider clock)
{
    /// <summary>Signs <paramref name="alliance"/>'s current head, unless the latest checkpoint has it already (then that one).</summary>
    /// <exception cref="CheckpointRefusedException">The chain is broken, or does not extend the latest checkpoint.</exception>
    public async Task<(Checkpoint Checkpoint, bool Signed)> SignHeadAsync(CheckpointKey key, string alliance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var latest = await checkpoints.LatestAsync(alliance, cancellationToken);
        var (chain, hashes) = await VerifiedAsync(alliance, latest is null ? [] : [latest.Position], cancellationToken);
        if (latest is not null) RequireExtends(latest, chain, hashes);
        if (latest is not null && latest.Position == chain.EventCount) return (latest, false);
        var signed = key.Sign(alliance, chain.EventCount, chain.HeadHash, clock.GetUtcNow());
        return (await checkpoints.AddAsync(signed, cancellationToken), true);
    }

    /// <summary>A checkpoint at <paramref name="position"/> (an export as of a date): the stored one, or a new one.</summary>
    public async Task<Checkpoint> AtAsync(CheckpointKey key, string alliance, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await checkpoints.AtAsync(alliance, position, cancellationToken) is { } stored) return stored;
        var latest = await checkpoints.LatestAsync(alliance, cancellationToken);
        var (chain, hashes) = await VerifiedAsync(alliance, latest is null ? [position] : [position, latest.Position], cancellationToken);
        if (latest is not null) RequireExtends(latest, chain, hashes);
        if (position == 0) return key.Sign(alliance, 0, ChainFormat.GenesisHash, clock.GetUtcNow());
        if (!hashes.TryGetValue(position, out var hash))
            throw new CheckpointRefusedException($"{alliance} has {chain.EventCount} events, not {position}");
        return await checkpoints.AddAsync(key.Sign(alliance, position, hash, clock.GetUtcNow()), cancellationToken);
    }

    private async Task<(ChainVerification Chain, Dictionary<long, byte[]> Hashes)> VerifiedAsync(string alliance, long[] positions, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<long, byte[]>();
        var found = await LedgerVerifier.VerifyAsync(documents, alliance,
            onLink: (_, position, hash) => { if (positions.Contains(position)) hashes[position] = hash; }, cancellationToken: cancellationToken);
        var chain = found.Count > 0 ? found[0] : new ChainVerification(alliance, 0, ChainFormat.GenesisHash.ToArray(), null);
        if (chain.Problem is { } problem)
            throw new CheckpointRefusedException($"{alliance}'s chain does not verify at position {problem.Position} ({problem.Kind}): {problem.Reason}");
        return (chain, hashes);
    }

    private static void RequireExtends(Checkpoint latest, ChainVerification chain, Dictionary<long, byte[]> hashes)
    {
        if (CheckpointVerifier.Judge(latest, chain, hashes, trustedPublicKey: null) is { } why)
            throw new CheckpointRefusedException($"the ledger does not extend {latest}: {why}");
    }
}
